// DATABASE_PATH is checked before SQLite opens it: every unusable path is a ConfigError that names
// the variable and the reason, at once (a recursive mkdir under /proc used to spin forever).
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { openStore } from '../../src/store/index.ts';
import { prepareDatabasePath } from '../../src/store/path-check.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'nn-tutor-path-'));

function reason(file: string): string {
  try {
    prepareDatabasePath(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('DATABASE_PATH');
    return (err as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe('prepareDatabasePath', () => {
  it('refuses a path under /proc at once, without making folders', () => {
    const t0 = performance.now();
    expect(reason('/proc/nonexistent/dir/nn.db')).toMatch(/DATABASE_PATH .*kernel file system/);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(existsSync('/proc/nonexistent')).toBe(false);
  });

  it('refuses a folder, and a path through a file', () => {
    expect(reason(tmp)).toMatch(/DATABASE_PATH .* is a folder/);
    const file = path.join(tmp, 'plain.txt');
    writeFileSync(file, 'x');
    expect(reason(path.join(file, 'sub', 'nn.db'))).toMatch(/DATABASE_PATH .*plain\.txt is a file, not a folder/);
  });

  it('makes the missing folders of a good path, one level at a time', () => {
    const file = path.join(tmp, 'a', 'b', 'c', 'nn.db');
    expect(prepareDatabasePath(file)).toBe(file);
    expect(existsSync(path.dirname(file))).toBe(true);
  });

  it('openStore names DATABASE_PATH when the file is not a database', () => {
    const file = path.join(tmp, 'not-a-db.db');
    writeFileSync(file, 'this is not sqlite, just text long enough to have a header '.repeat(20));
    expect(() => openStore(file)).toThrow(/DATABASE_PATH .*cannot be opened as a SQLite database/);
  });

  it('accepts an existing database file', async () => {
    mkdirSync(path.join(tmp, 'ok'));
    const file = path.join(tmp, 'ok', 'nn.db');
    await openStore(file).close();
    expect(prepareDatabasePath(file)).toBe(file);
  });
});
