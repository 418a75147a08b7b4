import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/nn/runtime.ts';
import { beamSearch, blockedTokens, coveragePenalty, lengthPenalty, type Stepper } from '../../../src/nn/translate/infer/beam-search.ts';
import { referenceRnnStepper, referenceStepper, referenceTransformerStepper } from './reference-decoding.ts';
import { RnnDecoder } from '../../../src/nn/translate/infer/rnn-decoder.ts';
import { TransformerDecoder } from '../../../src/nn/translate/infer/transformer-decoder.ts';
import { modelExists, loadTranslator } from '../../../src/nn/translate/infer/translator.ts';
import { RnnTranslator } from '../../../src/nn/translate/model/rnn.ts';
import { nearestWords } from '../../../src/nn/translate/infer/service.ts';
import { normalizeEnglish } from '../../../src/nn/translate/model/text.ts';
import { Transformer, type AttentionMaps } from '../../../src/nn/translate/model/transformer.ts';
import { LoadedTranslator, type ModelMetadata } from '../../../src/nn/translate/infer/translator.ts';
import { EOS, Vocab } from '../../../src/nn/translate/model/vocab.ts';

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
});

describe('decoding against loops and truncation', () => {
  // a model stuck on "a": it always prefers token 2 again, then 3, then <EOS>
  const loop: Stepper = {
    step: (prev) => ({
      logProbs: prev.map(() => Float32Array.from([1e-9, 0.05, 0.6, 0.3, 0.05].map(Math.log))),
      attention: prev.map(() => new Float32Array(0)),
    }),
    dispose: () => {},
  };

  it('blocks repeated 3-grams and a word twice in a row', () => {
    expect([...blockedTokens([2, 3, 4, 2, 3], 3)].sort()).toEqual([3, 4]); // "2 3 4" seen; 3 just written
    // a phrase twice in a row: "5 6" after "5 6 5", and "7 8 9" after "7 8 9 7 8"
    expect(blockedTokens([4, 5, 6, 5], 3).has(6)).toBe(true);
    expect(blockedTokens([7, 8, 9, 7, 8], 0).size).toBe(0); // 0 = no blocking at all
    expect([...blockedTokens([1, 7, 8, 9, 7, 8], 4)].sort()).toEqual([8, 9]);
    expect(blockedTokens([5, 6, 7, 5], 3).has(6)).toBe(false); // "5 6 7 5 6" is not X X
    const out = beamSearch(loop, { beam: 4, maxLen: 12 });
    for (let i = 1; i < out.tokens.length; i++) expect(out.tokens[i]).not.toBe(out.tokens[i - 1]);
    const grams = out.tokens.slice(2).map((_, i) => out.tokens.slice(i, i + 3).join(' '));
    expect(new Set(grams).size).toBe(grams.length);
  });

  it('keeps going until minLen, and until a required token (negation) is written', () => {
    const early: Stepper = {
      step: (prev) => ({ logProbs: prev.map(() => Float32Array.from([1e-9, 0.9, 0.05, 0.04, 0.01].map(Math.log))), attention: prev.map(() => new Float32Array(0)) }),
      dispose: () => {},
    };
    expect(beamSearch(early, { beam: 2, maxLen: 10 }).tokens).toEqual([]);
    expect(beamSearch(early, { beam: 2, maxLen: 10, minLen: 3 }).tokens.length).toBeGreaterThanOrEqual(3);
    expect(beamSearch(early, { beam: 2, maxLen: 10, requireAny: new Set([4]) }).tokens).toContain(4);
  });

  it('ranks with Wu et al.’s length and coverage penalties', () => {
    expect(lengthPenalty(1, 0.6)).toBeCloseTo(1, 9);
    expect(lengthPenalty(7, 1)).toBeCloseTo(2, 9);
    const full = [Float32Array.from([0.5, 0.5]), Float32Array.from([0.5, 0.5])];
    const half = [Float32Array.from([1, 0]), Float32Array.from([1, 0])];
    expect(coveragePenalty(full, 0.2)).toBeCloseTo(0, 9);
    expect(coveragePenalty(half, 0.2)).toBeLessThan(-2); // the second source word never read
  });
});
