// The real entry point in a child process: what a user or script sees.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/nn-tutor.mjs');
const out = mkdtempSync(path.join(tmpdir(), 'nn-tutor-cli-'));
const env = { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', LOG_LEVEL: 'silent', NO_COLOR: '1' };

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, '--out', out, ...args], { input, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nn-tutor CLI', () => {
  it('prints one JSON Reply for --json and exits 0', () => {
    const r = run(['--json', '/help']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply.text).toContain('/help');
    expect(reply).toMatchObject({ fields: [], images: [], buttons: [], ephemeral: false });
  });
  it('exits 2 on bad input, with the message on stdout', () => {
    const r = run(['/nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('There is no command `/nope`');
  });
  it('runs JSON Lines from standard input, one reply a line, worst status as exit code', () => {
    const r = run(['--json'], '/help\n\n/help about\n/hepl\n\u00a0\n/help\r/about\r\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // blank lines get their own reply, and a bare CR does not split a line: replies pair with input lines by count
    expect(lines.map((l) => l.status)).toEqual(['ok', 'user-error', 'ok', 'user-error', 'user-error', 'ok']);
    expect(lines[5].title).toBe('/about');
    expect(lines[1].text).toContain('empty');
    expect(lines[2].title).toBe('/about');
    expect(r.code).toBe(2);
  });
  it('runs the console chat on piped input until /quit', () => {
    const r = run([], '/help\n/quit\n/help\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('console chat');
    expect(r.stdout.match(/nn-tutor commands/g)).toHaveLength(1); // nothing after /quit
    expect(r.stdout).toContain('Bye!');
  });
  it('fails fast naming a malformed variable, without echoing its value', () => {
    const r = spawnSync(process.execPath, [BIN, '/help'], { env: { ...env, SLACK_BOT_TOKEN: 'not-a-token-s3cret' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN must start with xoxb-');
    expect(r.stderr).not.toContain('s3cret');
  });
  it('rejects unknown flags with the usage', () => {
    const r = run(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: nn-tutor');
  });
});
