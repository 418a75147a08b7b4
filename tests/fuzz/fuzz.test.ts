// The seeded fuzz in `npm test`: a few thousand generated lines through the JSON Lines framing,
// forged button ids through the dispatcher, every reply rendered for Discord and Slack and checked
// (scripts/fuzz/check.ts). `npm run fuzz -- --lines 100000` runs the same thing long.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReply } from '../../scripts/fuzz/check.ts';
import { runFuzz } from '../../scripts/fuzz/run.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'nn-tutor-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the checks catch what they look for', () => {
  it('flags mentions, stack traces, control characters, broken code spans and oversize replies', () => {
    expect(checkReply({ text: 'hi @everyone' }, 'ok')).toContain('unescaped-mention');
    expect(checkReply({ text: 'hi <@123>' }, 'ok')).toContain('unescaped-mention');
    expect(checkReply({ text: 'TypeError: x is undefined\n    at f (/a/b.ts:1:2)' }, 'internal-error')).toEqual(expect.arrayContaining(['internal-error', 'stack-trace']));
    expect(checkReply({ text: 'a\u0000b' }, 'ok')).toContain('control-character');
    expect(checkReply({ text: 'There is no `/x`@everyone``.' }, 'ok')).toContain('unescaped-mention'); // main's repro
    expect(checkReply({ text: '`a`b` is not a valid `model`' }, 'ok')).toContain('broken-code-span');
    expect(checkReply({ title: 't', text: 'x'.repeat(10_483) }, 'ok')).toEqual(expect.arrayContaining(['discord-limit']));
    expect(checkReply({ text: 'fine `code` and \\` escaped', buttons: [{ id: 'help:x', label: 'ok' }] }, 'ok')).toEqual([]);
  });
});

describe('seeded fuzz', () => {
  it('2,000 lines and 300 forged button ids: one reply per line, no internal error, every reply within limits', async () => {
    const report = await runFuzz({ lines: 2000, buttons: 300, seed: 14, outDir: path.join(dir, 'out'), store: new SqliteStore(path.join(dir, 'fuzz.db')) });
    expect(report.replies).toBe(report.lines);
    expect(report.examples).toEqual([]); // the shortest input of each problem, if any
    expect(report.problems).toEqual({});
    expect(report.statuses['internal-error']).toBe(0);
    // the generator reaches the handlers, not only the validator
    expect(report.statuses.ok).toBeGreaterThan(report.lines / 5);
  }, 180_000);
});
