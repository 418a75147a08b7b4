// The shipped open-vocabulary transformer end to end: text → pieces → Spanish, with copy slots.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/nn/runtime.ts';
import { translateText } from '../../../src/nn/translate/infer/service.ts';
import { MODELS_DIR } from '../../../src/nn/translate/infer/translator.ts';

const shipped = fs.existsSync(path.join(MODELS_DIR, 'transformer', 'subword.json'));

beforeAll(async () => {
  await initBackend('wasm');
});

describe.runIf(shipped)('open-vocabulary transformer', () => {
  it('reads words it never saw as pieces: nothing is unknown', async () => {
    const r = await translateText('the zorblax flimflammed my quiztastic homework', 'transformer');
    expect(r.unknown).toEqual([]);
    expect(r.source.join('').replace(/[-␣]/g, '')).toContain('zorblax');
    expect(r.text.length).toBeGreaterThan(0);
  }, 60_000);

  it('copies numbers, emoji and links through verbatim', async () => {
    const r = await translateText('I bought 3 apples and 12 eggs 😀', 'transformer');
    expect(r.text).toContain('3');
    expect(r.text).toContain('12');
    expect(r.text).toContain('😀');
    const u = await translateText('Read the notes at https://example.com/ml-notes today.', 'transformer');
    expect(u.text).toContain('https://example.com/ml-notes');
  }, 60_000);

  it('copies technical terms in their usual spelling instead of translating their pieces into something else', async () => {
    const r = await translateText('my gpu ran out of memory while training the lstm in pytorch', 'transformer');
    for (const term of ['GPU', 'LSTM', 'PyTorch']) expect(r.text).toContain(term);
    expect(r.text).not.toMatch(/tío|pitón/i);
  }, 60_000);

  it('copies Discord and Slack mention and link markup whole, leaving no stray < or >', async () => {
    for (const markup of ['<@123456789>', '<@!42>', '<#C024BE7LR|general>', '<!here>', '<https://example.com/a_b?x=1|the notes>']) {
      const r = await translateText(`${markup} check this and tell me`, 'transformer');
      expect(r.text).toContain(markup);
      expect(r.text.replace(markup, '')).not.toMatch(/[<>]/);
    }
  }, 60_000);

  it('still translates the beginner course, with one attention row per output piece (+ <EOS>) over the source pieces', async () => {
    const r = await translateText('My sister and I will go to the new park tomorrow.', 'transformer');
    expect(r.text.toLowerCase()).toMatch(/mi hermana y yo (iremos|vamos a ir) al parque nuevo mañana/);
    expect([r.tokens.length, r.tokens.length + 1]).toContain(r.attention.length);
    for (const row of r.attention) {
      expect(row.length).toBe(r.source.length);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    }
  }, 60_000);
});
