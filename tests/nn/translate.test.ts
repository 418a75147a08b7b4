import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../src/nn/runtime.ts';
import { beamSearch, type Stepper } from '../../src/nn/translate/infer/beam-search.ts';
import { addLayerNorm, addLayerNormOps, appendKeysValues, appendKeysValuesOps, lstmCell } from '../../src/nn/translate/kernels/fused-ops.ts';
import { lstmCellOps } from '../../src/nn/translate/kernels/lstm-cell.ts';
import { layerNorm } from '../../src/nn/translate/model/layers.ts';
import { lstmStep } from '../../src/nn/translate/kernels/lstm-cell.ts';
import { referenceRnnStepper, referenceStepper, referenceTransformerStepper } from './translate/reference-decoding.ts';
import { RnnDecoder } from '../../src/nn/translate/infer/rnn-decoder.ts';
import { TransformerDecoder } from '../../src/nn/translate/infer/transformer-decoder.ts';
import { modelExists, loadTranslator } from '../../src/nn/translate/infer/translator.ts';
import { maskedCrossEntropy, maskedCrossEntropyOps } from '../../src/nn/translate/kernels/cross-entropy.ts';
import { lstmSequence, lstmSequenceOps } from '../../src/nn/translate/kernels/lstm-sequence.ts';
import { RnnTranslator } from '../../src/nn/translate/model/rnn.ts';
import { nearestWords } from '../../src/nn/translate/infer/service.ts';
import { formatSpanish, normalizeEnglish } from '../../src/nn/translate/model/text.ts';
import { Transformer, type AttentionMaps } from '../../src/nn/translate/model/transformer.ts';
import { LoadedTranslator, type ModelMetadata } from '../../src/nn/translate/infer/translator.ts';
import { EOS, Vocab } from '../../src/nn/translate/model/vocab.ts';
import { loadWeights, saveWeights } from '../../src/nn/translate/model/weights.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

beforeAll(async () => {
  await initBackend('wasm');
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

describe('fast decoders match the reference decoders', () => {
  // A fixed schedule of beam steps: hypotheses grow from 1 to 4, are reordered, duplicated and
  // dropped, as beam search does. Each row: this step's last tokens and the parent of each.
  const schedule: [number[], number[]][] = [
    [[EOS], [0]],
    [[2, 3, 4], [0, 0, 0]],
    [[5, 2, 6, 3], [2, 0, 0, 1]],
    [[4, 4], [3, 1]],
    [[6, 2, 3], [1, 1, 0]],
    [[5, 6, 2, 4], [2, 0, 1, 2]],
  ];

  function expectSameSteps(fast: Stepper, reference: Stepper): void {
    for (const [prev, parents] of schedule) {
      const a = fast.step(prev, parents);
      const b = reference.step(prev, parents);
      expect(a.logProbs.length).toBe(prev.length);
      for (let k = 0; k < prev.length; k++) {
        expect(a.logProbs[k]!.length).toBe(b.logProbs[k]!.length);
        a.logProbs[k]!.forEach((v, i) => expect(v).toBeCloseTo(b.logProbs[k]![i]!, 4));
        expect(a.attention[k]!.length).toBe(b.attention[k]!.length);
        a.attention[k]!.forEach((v, i) => expect(v).toBeCloseTo(b.attention[k]![i]!, 5));
      }
    }
    fast.dispose();
    reference.dispose();
  }

  it('transformer: incremental decoding (cached keys/values) gives the full recompute’s log-probs and attention', () => {
    const t = tinyTranslator('transformer');
    const model = t.model as Transformer;
    const decoder = new TransformerDecoder(tf, model);
    const ids = [2, 3, 4, 5, 2];
    for (const choice of [{ layer: 1 }, { layer: 0, head: 2 }]) {
      expectSameSteps(decoder.start(ids, choice), referenceTransformerStepper(tf, model, ids, choice));
    }
    decoder.dispose();
  });

  it('transformer: the fused encoder gives Transformer.encode’s memory and self-attention', () => {
    const model = tinyTranslator('transformer').model as Transformer;
    const decoder = new TransformerDecoder(tf, model);
    tf.tidy(() => {
      const ids = [2, 3, 4, 5, 2];
      const fastMaps: tf.Tensor[] = [];
      const fast = decoder.encode(ids, fastMaps).dataSync();
      const maps: AttentionMaps = { encoderSelf: [], decoderCross: [] };
      const ref = model.encode(tf.tensor2d([ids], [1, 5], 'int32'), tf.ones([1, 5]), maps).memory.dataSync();
      expect(fast.length).toBe(ref.length);
      fast.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 4));
      expect(fastMaps.length).toBe(maps.encoderSelf.length);
      fastMaps.forEach((w, l) => {
        const r = maps.encoderSelf[l]!.squeeze([0]).dataSync(); // [h, S, S]
        w.dataSync().forEach((v, i) => expect(v).toBeCloseTo(r[i]!, 5));
      });
    });
    decoder.dispose();
  });

  for (const kind of ['attention', 'seq2seq'] as const) {
    it(`${kind}: batched steps give RnnTranslator.step’s log-probs and attention`, () => {
      const model = tinyTranslator(kind).model as RnnTranslator;
      const decoder = new RnnDecoder(tf, model);
      expectSameSteps(decoder.start([2, 3, 4]), referenceRnnStepper(tf, model, [2, 3, 4]));
      decoder.dispose();
    });
  }

  for (const kind of ['attention', 'transformer', 'seq2seq'] as const) {
    it(`${kind}: beam search finds the same best translation with both decoders, and leaks no tensors`, () => {
      const t = tinyTranslator(kind);
      for (const src of [['i', 'eat', 'bread'], ['bread', '?'], ['i', 'i', 'eat', 'eat', 'bread']]) {
        for (const beam of [1, 4]) {
          const fast = t.translateTokens(src, { beam });
          const ref = t.translateTokens(src, { beam, stepper: referenceStepper(tf, t) });
          expect(fast.tokens).toEqual(ref.tokens);
          expect(fast.score).toBeCloseTo(ref.score, 3);
          expect(fast.attention.length).toBe(ref.attention.length);
          fast.attention.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(ref.attention[i]![j]!, 4)));
        }
      }
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) t.translateTokens(['i', 'eat', 'bread'], { beam: 4 });
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  const shipped = (['attention', 'transformer', 'seq2seq'] as const).filter((m) => modelExists(m));
  it.runIf(shipped.length > 0)('shipped models: the same beam-4 translations with both decoders', async () => {
    for (const m of shipped) {
      const t = await loadTranslator(tf, m);
      for (const text of ['my sister and i will go to the new park tomorrow', 'do you like apples?']) {
        const src = t.subword ? t.subword.src.encode(text).pieces : normalizeEnglish(text).tokens;
        const fast = t.translateTokens(src, { beam: 4 });
        const ref = t.translateTokens(src, { beam: 4, stepper: referenceStepper(tf, t) });
        expect(fast.tokens, `${m}: ${text}`).toEqual(ref.tokens);
        expect(fast.score).toBeCloseTo(ref.score, 3);
      }
    }
  });

  it('fused kernels compute what the plain ops compute', () => {
    tf.tidy(() => {
      const close = (a: tf.Tensor, b: tf.Tensor) => {
        expect(a.shape).toEqual(b.shape);
        const bv = b.dataSync();
        a.dataSync().forEach((v, i) => expect(v).toBeCloseTo(bv[i]!, 5));
      };
      const x = tf.randomNormal([1, 3, 16], 0, 2, 'float32', 1);
      const r = tf.randomNormal([1, 3, 16], 0, 2, 'float32', 2);
      const g = tf.randomNormal([16], 1, 0.2, 'float32', 3);
      const b = tf.randomNormal([16], 0, 0.2, 'float32', 4);
      close(addLayerNorm(tf, x, r, g, b), layerNorm(tf, tf.add(x, r), g, b));
      close(addLayerNormOps(tf, x, r, g, b), layerNorm(tf, tf.add(x, r), g, b));

      const gates = tf.randomNormal([3, 4 * 5], 0, 2, 'float32', 5);
      const c = tf.randomNormal([3, 5], 0, 1, 'float32', 6);
      const step = lstmStep(tf, { wh: tf.zeros([5, 20]) }, gates, { h: tf.zeros([3, 5]), c });
      for (const cell of [lstmCell(tf, gates, c), lstmCellOps(tf, gates, c)]) {
        close(cell.h, step.h);
        close(cell.c, step.c);
      }

      // 2 heads of 3, caches of 2 beams × 2 steps (and empty), 3 new beams from parents [1, 0, 1]
      const qkv = tf.randomNormal([1, 3, 18], 0, 1, 'float32', 7);
      for (const t of [0, 2]) {
        const keys = tf.randomNormal([2, 2, t, 3], 0, 1, 'float32', 8);
        const values = tf.randomNormal([2, 2, t, 3], 0, 1, 'float32', 9);
        const a = appendKeysValues(tf, qkv, keys, values, [1, 0, 1]);
        const o = appendKeysValuesOps(tf, qkv, keys, values, [1, 0, 1]);
        close(a.q, o.q);
        close(a.keys, o.keys);
        close(a.values, o.values);
        expect(a.keys.shape).toEqual([3, 2, t + 1, 3]);
        // beam 2's cache starts with its parent's (beam 1's) rows, then its own key
        if (t) close(a.keys.slice([2, 0, 0, 0], [1, 2, t, 3]), keys.slice([1, 0, 0, 0], [1, 2, t, 3]));
        close(a.keys.slice([2, 1, t, 0], [1, 1, 1, 3]).reshape([3]), qkv.slice([0, 2, 6 + 3], [1, 1, 3]).reshape([3]));
      }
    });
  });
});

describe('training pieces', () => {
  it('masked cross-entropy and its gradient match log-softmax (wasm kernel and plain ops)', () => {
    // logits far apart too: a row whose target has probability ~e⁻⁴⁰
    const x = tf.concat([tf.randomNormal([1, 3, 6], 0, 1, 'float32', 1), tf.mul(tf.randomNormal([1, 3, 6], 0, 1, 'float32', 2), 20)]);
    const t = tf.tensor2d([[1, 2, 0], [5, 4, 3]], [2, 3], 'int32');
    const m = tf.tensor2d([[1, 1, 0], [1, 1, 1]]);
    const ref = (v: tf.Tensor) => tf.div(tf.neg(tf.sum(tf.mul(tf.sum(tf.mul(tf.logSoftmax(v), tf.oneHot(t, 6)), -1), m))), tf.sum(m)) as tf.Scalar;
    const g2 = tf.grad(ref)(x).dataSync();
    for (const loss of [maskedCrossEntropy, maskedCrossEntropyOps]) {
      expect(loss(tf, x, t, m).dataSync()[0]).toBeCloseTo(ref(x).dataSync()[0]!, 4);
      // scaled by 3: the backward pass multiplies by the incoming gradient
      const g1 = tf.grad((v: tf.Tensor) => tf.mul(loss(tf, v, t, m), 3))(x).dataSync();
      g1.forEach((g, i) => expect(g).toBeCloseTo(3 * g2[i]!, 5));
    }
  });

  it('the fused LSTM recurrence matches plain ops: outputs, final state and every gradient, through left padding', () => {
    const [T, B, H] = [7, 5, 6];
    const xg = tf.randomNormal([T, B, 4 * H], 0, 1, 'float32', 1);
    const wh = tf.randomNormal([H, 4 * H], 0, 0.5, 'float32', 2);
    const h0 = tf.randomNormal([B, H], 0, 1, 'float32', 3);
    const c0 = tf.randomNormal([B, H], 0, 1, 'float32', 4);
    // sequence b starts at step b (left padding), so padded steps must pass nothing on
    const mask = tf.tensor2d(Array.from({ length: T * B }, (_, k) => (Math.floor(k / B) >= k % B ? 1 : 0)), [T, B]);
    const probes = [tf.randomNormal([T, B, H], 0, 1, 'float32', 5), tf.randomNormal([B, H], 0, 1, 'float32', 6), tf.randomNormal([B, H], 0, 1, 'float32', 7)];
    const run = (seq: typeof lstmSequence) => {
      const f = (x: tf.Tensor, w: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => {
        const { hs, state } = seq(tf, x, w, { h, c }, mask);
        return tf.addN([tf.sum(tf.mul(hs, probes[0]!)), tf.sum(tf.mul(state.h, probes[1]!)), tf.sum(tf.mul(state.c, probes[2]!))]) as tf.Scalar;
      };
      const out = seq(tf, xg, wh, { h: h0, c: c0 }, mask);
      return { hs: out.hs.dataSync(), c: out.state.c.dataSync(), grads: tf.grads(f)([xg, wh, h0, c0]).map((g) => g.dataSync()) };
    };
    const fused = run(lstmSequence);
    const ops = run(lstmSequenceOps);
    const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 5);
    };
    close(fused.hs, ops.hs);
    close(fused.c, ops.c);
    fused.grads.forEach((g, i) => close(g, ops.grads[i]!));
    // padding resets the state: the last sequence (padded for 4 steps) gets nothing from h₀,
    // the first (unpadded) does; at step 0 only the first sequence has an output
    expect(Array.from(fused.grads[2]!.slice((B - 1) * H))).toEqual(new Array(H).fill(0));
    expect(Array.from(fused.grads[2]!.slice(0, H)).some((v) => v !== 0)).toBe(true);
    expect(Array.from(fused.hs.slice(0, H * B)).filter((v, k) => Math.floor(k / H) >= 1 && v !== 0)).toEqual([]);
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
