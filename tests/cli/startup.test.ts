// Start-up failures of the real entry point, as an operator sees them: exit code 2, a message
// naming the variable and the reason, no stack trace, no spinning.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDIN_TOKEN } from '../standins/discord.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/nn-tutor.mjs');
// LOG_LEVEL unset (not blank): a variable that is set, even to '', wins over .env.
const { LOG_LEVEL: _unset, ...inherited } = process.env;
const base = { ...inherited, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', NO_COLOR: '1' };

function start(env: Record<string, string>, opts: { cwd?: string; input?: string } = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN], { env: { ...base, ...env }, cwd: opts.cwd, input: opts.input ?? '/quit\n', encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

const STACK = /\n\s+at /;

describe('start-up configuration errors', () => {
  it('LOG_LEVEL=loud names the variable and the allowed values, exit 2', () => {
    const r = start({ LOG_LEVEL: 'loud' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('reads LOG_LEVEL from .env before the logger is used', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nn-tutor-env-'));
    writeFileSync(path.join(cwd, '.env'), 'LOG_LEVEL=info\n');
    const r = start({}, { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"msg":"adapters started"');
    writeFileSync(path.join(cwd, '.env'), 'LOG_LEVEL=loud\n');
    const bad = start({}, { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('LOG_LEVEL must be one of');
  });

  it('DATABASE_PATH under /proc: exit 2 at once, naming the variable', () => {
    const r = start({ DATABASE_PATH: '/proc/nonexistent/dir/nn.db' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_PATH \(\/proc\/nonexistent\/dir\/nn\.db\) is on a kernel file system/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(25_000); // it used to spin at 100% CPU forever
  });

  it('DATABASE_PATH that is a folder: exit 2 naming the variable', () => {
    const r = start({ DATABASE_PATH: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_PATH .* is a folder/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('on Discord, a database that cannot be opened is fatal before connecting (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nn-tutor-bad-db-'));
    const file = path.join(dir, 'nn.db');
    writeFileSync(file, 'not a database '.repeat(100));
    // Nothing listens on port 9: had it tried to connect, it would fail differently.
    const r = start({ DISCORD_TOKEN: STANDIN_TOKEN, DISCORD_API_BASE: 'http://127.0.0.1:9/api', DATABASE_PATH: file });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_PATH .*cannot be opened as a SQLite database/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
