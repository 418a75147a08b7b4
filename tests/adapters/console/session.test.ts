import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../src/core/command.ts';
import { plainStyle } from '../../../src/adapters/console/format.ts';
import { ConsoleSession } from '../../../src/adapters/console/session.ts';
import { personalRunner } from '../../../src/adapters/start.ts';
import { registry } from '../../core/fixtures.ts';

function tinyPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

const stepper = defineCommand({
  name: 'stepper',
  description: 'Buttons that count',
  examples: ['/stepper'],
  options: [],
  handler: () => ({
    text: 'step 1',
    images: [{ data: tinyPng(), filename: 'step.png', alt: 'a step', width: 3, height: 2 }],
    buttons: [{ id: 'stepper:2', label: 'Next ▶' }],
  }),
  onButton: async (req) => {
    await req.outbox?.post(req.channelId, { text: `posted later ${req.payload}` });
    return { text: `step ${req.payload}`, mode: 'update', buttons: [{ id: `stepper:${Number(req.payload) + 1}`, label: 'Next ▶' }] };
  },
});

describe('ConsoleSession', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'nn-tutor-'));
  const printed: string[] = [];
  const session = new ConsoleSession({ runner: personalRunner(registry([stepper])), outDir, style: plainStyle, print: (t) => printed.push(t) });

  it('writes images as PNG files and lists them in the JSON reply', async () => {
    const r = await session.run('/stepper');
    expect(r.json.images).toHaveLength(1);
    const file = r.json.images[0].path;
    expect(file.startsWith(outDir)).toBe(true);
    expect(PNG.sync.read(readFileSync(file)).width).toBe(3);
    expect(r.text).toContain('[1] Next ▶');
  });
  it('presses the last reply’s buttons by number, with the outbox printing posts', async () => {
    const r = await session.run('1');
    expect(r.json.text).toBe('step 2');
    expect(printed).toContain('posted later 2');
    expect((await session.run('/press 1')).json.text).toBe('step 3');
  });
  it('answers a number with no such button kindly', async () => {
    const r = await session.run('7');
    expect(r.outcome.status).toBe('user-error');
    expect(r.json.text).toMatch(/no button 7. Choose 1–1/);
  });
});
