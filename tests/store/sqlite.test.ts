// SQLite specifics: the file, WAL, PRAGMA user_version, DATABASE_PATH. Behaviour shared with
// PostgreSQL is in contract.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_PATH, loadConfig } from '../../src/config.ts';
import { databasePath, openStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { tempDbPath } from '../quiz/helpers.ts';

const stores: SqliteStore[] = [];
function store(file = tempDbPath()): SqliteStore {
  const s = new SqliteStore(file);
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('opening the database', () => {
  it('creates the file and its directory, in WAL mode, at the latest schema version', () => {
    const file = tempDbPath();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const s = store(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('reads DATABASE_PATH, with data/nn-tutor.db as the default', () => {
    expect(loadConfig({}).DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
    expect(loadConfig({ DATABASE_PATH: '  ' }).DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
    expect(loadConfig({ DATABASE_PATH: '/tmp/x.db' }).DATABASE_PATH).toBe('/tmp/x.db');
    // The test setup gives every test file a temporary database.
    expect(databasePath()).toBe(process.env.DATABASE_PATH);
    expect(databasePath()).not.toBe(DEFAULT_DATABASE_PATH);
    const file = tempDbPath('env.db');
    const s = openStore(file);
    expect(fs.existsSync(file)).toBe(true);
    return s.close();
  });
});
