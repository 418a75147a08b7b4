import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/nn/runtime.ts';
import { formatSpanish, normalizeEnglish } from '../../../src/nn/translate/model/text.ts';
import { loadWeights, saveWeights } from '../../../src/nn/translate/model/weights.ts';
import { createModel, defaultConfig, MODEL_KINDS } from '../../../src/nn/translate/model/config.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('weights', () => {
  it('weights round-trip through float16 files within half precision', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-'));
    const w = tf.tensor2d([[0.1, -2.5], [1000, 3e-5]]);
    saveWeights(dir, new Map([['w', w]]), { float16: true });
    const back = loadWeights(tf, dir).get('w')!.dataSync();
    const orig = w.dataSync();
    back.forEach((v, i) => expect(Math.abs(v - orig[i]!)).toBeLessThanOrEqual(Math.abs(orig[i]!) * 1e-3 + 1e-7));
    fs.rmSync(dir, { recursive: true });
  });
});

describe('text in and out', () => {
  it('normalises case, punctuation, contractions and digits', () => {
    expect(normalizeEnglish("Let's GO!").tokens).toEqual(["let's", 'go']);
    // Words that are Object.prototype members are words (repro: /translate text:constructor crashed)
    expect(normalizeEnglish('constructor __proto__ toString').tokens).toEqual(['constructor', '__proto__', 'tostring']);
    expect(normalizeEnglish("I don't eat 3 apples.").tokens).toEqual(['i', 'do', 'not', 'eat', 'three', 'apples']);
    expect(normalizeEnglish('Where’s my book?')).toMatchObject({ tokens: ['where', 'is', 'my', 'book', '?'], question: true });
    expect(normalizeEnglish('Let us eat!').exclamation).toBe(true);
  });

  it('writes Spanish with ¿…?, ¡…! and capitals', () => {
    expect(formatSpanish(['¿', 'dónde', 'vives', '?'])).toBe('¿Dónde vives?');
    expect(formatSpanish(['vamos'], { exclamation: true })).toBe('¡Vamos!');
    expect(formatSpanish(['me', 'llamo', 'ana'], { properNames: new Set(['ana']) })).toBe('Me llamo Ana.');
  });
});

describe('typed parameters', () => {
  /** Every tensor reachable through a model's typed parameter object. */
  function reachable(x: unknown, out = new Set<unknown>()): Set<unknown> {
    if (x instanceof tf.Variable) out.add(x);
    else if (x && typeof x === 'object') for (const v of Object.values(x)) reachable(v, out);
    return out;
  }

  it('a model’s typed parameters are exactly its stored weights, named as in the shipped weights files', () => {
    for (const kind of MODEL_KINDS) {
      const model = createModel(tf, defaultConfig(kind, 20, 30), 1);
      expect(reachable(model.w)).toEqual(new Set(model.params.vars.values()));
      tf.dispose([...model.params.vars.values()]);
      const dir = path.resolve('models/translate', kind);
      if (!fs.existsSync(path.join(dir, 'weights.json'))) continue;
      const shipped = createModel(tf, JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8')).config, 1);
      const names = JSON.parse(fs.readFileSync(path.join(dir, 'weights.json'), 'utf8')).weightsManifest[0].weights.map((w: { name: string }) => w.name);
      expect([...shipped.params.vars.keys()]).toEqual(names);
      tf.dispose([...shipped.params.vars.values()]);
    }
  });
});
