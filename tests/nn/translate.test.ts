import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../src/nn/runtime.ts';
import { beamSearch, type Stepper } from '../../src/nn/translate/decode.ts';
import { RnnTranslator, maskedCrossEntropy } from '../../src/nn/translate/rnn.ts';
import { nearestWords } from '../../src/nn/translate/service.ts';
import { formatSpanish, normalizeEnglish } from '../../src/nn/translate/text.ts';
import { Transformer } from '../../src/nn/translate/transformer.ts';
import { LoadedTranslator, type ModelMetadata } from '../../src/nn/translate/translator.ts';
import { EOS, Vocab } from '../../src/nn/translate/vocab.ts';
import { patchWasmKernels } from '../../src/nn/translate/wasm-kernels.ts';
import { loadWeights, saveWeights } from '../../src/nn/translate/weights.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

beforeAll(async () => {
  await initBackend('wasm');
  patchWasmKernels(tf);
});

/** A stepper over a fixed table: next-token log-probs depend only on the previous token. */
function tableStepper(table: Record<number, number[]>): Stepper {
  return {
    step: (prev) => ({
      logProbs: prev.map((p) => Float32Array.from(table[p]!.map((x) => Math.log(x)))),
      attention: prev.map(() => new Float32Array(0)),
    }),
    dispose: () => {},
  };
}

describe('decoding', () => {
  // tokens: 0 pad, 1 EOS, 2 "a", 3 "b". Greedy takes "a" (0.6) then must end badly (0.1);
  // "b" (0.4) then EOS (0.9) is the better sentence: 0.36 vs 0.06.
  const table = { 0: [1e-9, 1, 1e-9, 1e-9], [EOS]: [1e-9, 1e-9, 0.6, 0.4], 2: [1e-9, 0.1, 0.45, 0.45], 3: [1e-9, 0.9, 0.05, 0.05] };

  it('greedy follows the locally best token; beam search finds the better sequence', () => {
    const greedy = beamSearch(tableStepper(table), { beam: 1, maxLen: 3, alpha: 0 });
    expect(greedy.tokens[0]).toBe(2);
    const beam = beamSearch(tableStepper(table), { beam: 4, maxLen: 3, alpha: 0 });
    expect(beam.tokens).toEqual([3]);
    expect(beam.score).toBeCloseTo(Math.log(0.4 * 0.9), 5);
  });
});

function tinyTranslator(kind: 'attention' | 'transformer' | 'seq2seq'): LoadedTranslator {
  const src = new Vocab(['i', 'eat', 'bread', '?']);
  const tgt = new Vocab(['yo', 'como', 'pan', '¿', '?']);
  const config =
    kind === 'transformer'
      ? { kind, srcVocab: src.size, tgtVocab: tgt.size, dModel: 16, heads: 4, ff: 32, encLayers: 2, decLayers: 2, maxLen: 32 }
      : { kind, srcVocab: src.size, tgtVocab: tgt.size, embed: 8, hidden: 12, layers: 2 };
  const model = kind === 'transformer' ? new Transformer(tf, config as never, 3) : new RnnTranslator(tf, config as never, 3);
  const meta = { name: kind, config, parameters: model.params.count(), properNames: [], training: {} } as ModelMetadata;
  return new LoadedTranslator(tf, kind, meta, src, tgt, model);
}

describe('translators on tiny random models', () => {
  for (const kind of ['attention', 'transformer'] as const) {
    it(`${kind}: attention has one row per output token (+ <EOS>) over the source, each summing to 1`, () => {
      const t = tinyTranslator(kind);
      for (const beam of [1, 4]) {
        const out = t.translateTokens(['i', 'eat', 'bread'], { beam });
        // one row per written token, plus the <EOS> step when the model stopped by itself
        expect([out.tokens.length, out.tokens.length + 1]).toContain(out.attention.length);
        for (const row of out.attention) {
          expect(row.length).toBe(3);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
        }
      }
    });
  }

  it('seq2seq decodes without attention', () => {
    const out = tinyTranslator('seq2seq').translateTokens(['i', 'eat'], { beam: 4 });
    expect(out.attention).toEqual([]);
    expect(out.tokens.length).toBeLessThanOrEqual(2 * 2 + 10);
  });

  it('transformer encoder self-attention is [layers][heads][S][S] with rows summing to 1', () => {
    const maps = tinyTranslator('transformer').encoderSelfAttention(['i', 'eat', 'bread', '?']);
    expect(maps.length).toBe(2);
    expect(maps[0]!.length).toBe(4);
    for (const row of maps[1]![2]!) expect(row.length).toBe(4);
    for (const row of maps[1]![2]!) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('names unknown words and suggests the nearest known ones', () => {
    const t = tinyTranslator('attention');
    expect(t.unknownWords(['i', 'eat', 'bred', 'bred', 'quickly'])).toEqual(['bred', 'quickly']);
    expect(nearestWords('bred', t.srcVocab.words())).toContain('bread');
    expect(nearestWords('appel', ['apple', 'april', 'table'])[0]).toBe('apple');
  });
});

describe('training pieces', () => {
  it('masked cross-entropy and its gradient match log-softmax', () => {
    const x = tf.randomNormal([2, 3, 6], 0, 1, 'float32', 1);
    const t = tf.tensor2d([[1, 2, 0], [5, 4, 3]], [2, 3], 'int32');
    const m = tf.tensor2d([[1, 1, 0], [1, 1, 1]]);
    const ref = (v: tf.Tensor) => tf.div(tf.neg(tf.sum(tf.mul(tf.sum(tf.mul(tf.logSoftmax(v), tf.oneHot(t, 6)), -1), m))), tf.sum(m)) as tf.Scalar;
    expect(maskedCrossEntropy(tf, x, t, m).dataSync()[0]).toBeCloseTo(ref(x).dataSync()[0]!, 5);
    const g1 = tf.grad((v: tf.Tensor) => maskedCrossEntropy(tf, v, t, m))(x).dataSync();
    const g2 = tf.grad(ref)(x).dataSync();
    g1.forEach((g, i) => expect(g).toBeCloseTo(g2[i]!, 5));
  });

  it('wasm kernel fixes: transposed matmuls and the gather gradient are right', () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5, 6], [7, 8]]);
    expect(Array.from(tf.matMul(a, b, true, true).dataSync())).toEqual([23, 31, 34, 46]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, tf.tensor1d([1, 1, 3], 'int32'))))(tf.ones([4, 2]));
    expect(Array.from(g.dataSync())).toEqual([0, 0, 2, 2, 0, 0, 1, 1]);
  });

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
