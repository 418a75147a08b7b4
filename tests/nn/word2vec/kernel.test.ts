import { describe, expect, it } from 'vitest';
import { countCorpus } from '../../../src/nn/word2vec/corpus.ts';
import { Rng } from '../../../src/nn/word2vec/rng.ts';
import { defaultConfig } from '../../../src/nn/word2vec/config.ts';
import { EXP_TABLE_SIZE, jsOps, type KernelOps } from '../../../src/nn/word2vec/kernel.ts';
import { buildSigmoidTable } from '../../../src/nn/word2vec/tables.ts';
import { sliceCorpus, train } from '../../../src/nn/word2vec/trainer.ts';
import { WordVectors } from '../../../src/nn/word2vec/vectors.ts';
import { buildVocab, encodeCorpus } from '../../../src/nn/word2vec/vocab.ts';
import { kernelWasm, makeOps } from '../../../src/nn/word2vec/wasm.ts';

// One skip-gram update worked by hand (dim 4, one positive target, alpha 0.1):
//   input  v = [0.1, 0.2, 0.3, 0.4]       (syn0 row of the context word)
//   output u = [0.5, -0.5, 0.25, 0]       (syn1 row of the centre word)
//   f = v·u = 0.05 - 0.1 + 0.075 + 0 = 0.025
//   sigmoid table slot ⌊(0.025 + 6) · 1000/12⌋ = 502 holds σ((502/1000·2 − 1)·6) = σ(0.024) = 0.505999…
//   g = (1 − 0.505999) · 0.1 = 0.0494001
//   u' = u + g·v = [0.50494, -0.49012, 0.26482, 0.01976]
//   v' = v + g·u = [0.12470, 0.17530, 0.31235, 0.4]
function setupStep(): { memory: WebAssembly.Memory; f32: Float32Array; i32: Int32Array } {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const f32 = new Float32Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  f32.set(buildSigmoidTable(), 0);
  f32.set([0.1, 0.2, 0.3, 0.4], 1024); // v at byte 4096
  f32.set([0.5, -0.5, 0.25, 0], 1040); // u at byte 4160
  i32[1100] = 4160; // target list at byte 4400: [u]
  return { memory, f32, i32 };
}

function checkHandStep(makeOpsFor: (m: WebAssembly.Memory) => KernelOps) {
  const { memory, f32 } = setupStep();
  makeOpsFor(memory).skipgram(4096, 4400, 1, 0.1, 4800, 16);
  const g = (1 - 0.505999) * 0.1;
  expect([...f32.subarray(1040, 1044)].map((x) => +x.toFixed(5))).toEqual([0.50494, -0.49012, 0.26482, 0.01976]);
  expect([...f32.subarray(1024, 1028)].map((x) => +x.toFixed(5))).toEqual([0.1247, 0.1753, 0.31235, 0.4]);
  expect(f32[1200]).toBeCloseTo(g * 0.5, 6); // the gradient buffer e = g·u
}

// One CBOW update worked by hand (dim 4, alpha 0.1), with a true word U and one noise word N:
//   context rows v1 = [0.1, 0.2, 0.3, 0.4], v2 = [-0.3, 0.1, 0, 0.2]
//   h = (v1 + v2) / 2 = [-0.1, 0.15, 0.15, 0.3]                 (the context MEAN, cbow_mean = 1)
//   U = [0.5, -0.5, 0.25, 0] (label 1): f = h·U = -0.0875, table slot ⌊5.9125·1000/12⌋ = 492,
//     σ(−0.096) = 0.476018, g = (1 − 0.476018)·0.1 = 0.0523982
//     U' = U + g·h = [0.49476, -0.49214, 0.25786, 0.01572]
//   N = [1, 1, 1, 1] (label 0): f = h·N = 0.5, slot ⌊6.5·1000/12⌋ = 541, σ(0.492) = 0.620577,
//     g = (0 − 0.620577)·0.1 = -0.0620577,  N' = N + g·h = [1.00621, 0.99069, 0.99069, 0.98138]
//   e = 0.0523982·U + (−0.0620577)·N (the OLD rows) = [-0.03586, -0.08826, -0.04896, -0.06206]
//   each context row gets the whole e, NOT e / 2 (word2vec.c and fastText alike):
//   v1' = [0.06414, 0.11174, 0.25104, 0.33794], v2' = [-0.33586, 0.01174, -0.04896, 0.13794]
function checkHandCbowStep(makeOpsFor: (m: WebAssembly.Memory) => KernelOps) {
  const { memory, f32, i32 } = setupStep(); // v1 at byte 4096, U at byte 4160, targets at byte 4400
  f32.set([-0.3, 0.1, 0.0, 0.2], 1032); // v2 at byte 4128
  f32.set([1, 1, 1, 1], 1044); // N at byte 4176
  i32[1101] = 4176; // targets: [U, N]
  i32[1110] = 4096;
  i32[1111] = 4128; // contexts at byte 4440: [v1, v2]
  makeOpsFor(memory).cbow(4440, 2, 4400, 2, 0.1, 4928, 5024, 16); // h at byte 4928, e at byte 5024
  const row = (at: number) => [...f32.subarray(at, at + 4)].map((x) => +x.toFixed(5));
  expect(row(1232)).toEqual([-0.1, 0.15, 0.15, 0.3]); // h
  expect(row(1040)).toEqual([0.49476, -0.49214, 0.25786, 0.01572]); // U'
  expect(row(1044)).toEqual([1.00621, 0.99069, 0.99069, 0.98138]); // N'
  expect(row(1256)).toEqual([-0.03586, -0.08826, -0.04896, -0.06206]); // e
  expect(row(1024)).toEqual([0.06414, 0.11174, 0.25104, 0.33794]); // v1'
  expect(row(1032)).toEqual([-0.33586, 0.01174, -0.04896, 0.13794]); // v2'
}

describe('gradient step', () => {
  it('plain-JS kernel matches the hand-computed skip-gram update', () => {
    expect(buildSigmoidTable().length).toBe(EXP_TABLE_SIZE);
    checkHandStep((m) => jsOps(m));
  });

  it('WebAssembly SIMD kernel matches the same hand-computed update', async () => {
    const wasm = kernelWasm();
    checkHandStep((m) => makeOps(m, wasm));
  });

  it('noise targets get label 0: a negative pair is pushed apart', () => {
    const { memory, f32, i32 } = setupStep();
    f32.set([0, 0, 0, 0], 1040); // positive target P at byte 4160: a zero row
    f32.set([1, 1, 1, 1], 1044); // noise target N at byte 4176
    i32[1101] = 4176; // targets: [P, N]
    jsOps(memory).skipgram(4096, 4400, 2, 0.1, 4800, 16);
    // P: f = 0, σ = 0.5, g = +0.05 → P' = 0.05·v. N: f = v·N = 1.0, g = −σ(1)·0.1 ≈ −0.0731 → N' = N − 0.0731·v.
    expect(f32[1040]).toBeCloseTo(0.05 * 0.1, 5);
    expect(f32[1044]).toBeCloseTo(1 - 0.0731 * 0.1, 3);
    // v' = v + 0.05·P(old = 0) − 0.0731·N(old) : v moves away from the noise word.
    expect(f32[1024]).toBeCloseTo(0.1 - 0.0731, 3);
  });

  it('plain-JS kernel matches the hand-computed CBOW update', () => {
    checkHandCbowStep((m) => jsOps(m));
  });

  it('WebAssembly SIMD kernel matches the same hand-computed CBOW update', () => {
    const wasm = kernelWasm();
    checkHandCbowStep((m) => makeOps(m, wasm));
  });

  it('CBOW: JS and WASM agree on a step over a two-word context', async () => {
    const wasm = kernelWasm();
    const run = (ops: (m: WebAssembly.Memory) => KernelOps) => {
      const { memory, f32, i32 } = setupStep();
      f32.set([-0.3, 0.1, 0.0, 0.2], 1032); // a second context row at byte 4128
      i32[1110] = 4096;
      i32[1111] = 4128; // context list at byte 4440
      ops(memory).cbow(4440, 2, 4400, 1, 0.1, 4900, 5000, 16);
      return [...f32.subarray(1024, 1044)];
    };
    const a = run((m) => jsOps(m));
    const b = run((m) => makeOps(m, wasm));
    b.forEach((x, i) => expect(x).toBeCloseTo(a[i]!, 6));
  });
});

describe('training', () => {
  // Two "topics" that never share a sentence: words should end up nearer their own topic.
  const animals = ['cat', 'dog', 'horse', 'cow'];
  const tools = ['saw', 'drill', 'hammer', 'nail'];
  const sentences: string[][] = [];
  const rng = new Rng(5);
  for (let i = 0; i < 1500; i++) {
    const topic = i % 2 ? animals : tools;
    sentences.push(Array.from({ length: 8 }, () => topic[rng.next() % 4]!));
  }
  const vocab = buildVocab(countCorpus(sentences).counts, 5);
  const corpus = encodeCorpus(sentences, vocab);

  for (const arch of ['skipgram', 'cbow'] as const) {
    it(`${arch} separates two topics on a tiny corpus`, async () => {
      const cfg = defaultConfig({ arch, dim: 16, epochs: 5, noiseTableSize: 10_000, sample: 0 });
      const { vectors, wordsProcessed } = await train(corpus, vocab, cfg);
      expect(wordsProcessed).toBe(5 * 1500 * 8);
      const v = new WordVectors(vocab.words, vectors, 16);
      const mean = (xs: string[], ys: string[]) => {
        let s = 0, n = 0;
        for (const x of xs) for (const y of ys) if (x !== y) { s += v.similarity(x, y)!; n++; }
        return s / n;
      };
      const within = (mean(animals, animals) + mean(tools, tools)) / 2;
      expect(within).toBeGreaterThan(mean(animals, tools) + 0.25);
      expect(animals).toContain(v.neighbours(['cat'], 1)[0]!.word);
    });
  }

  it('is reproducible with one thread and a seed', async () => {
    const cfg = defaultConfig({ dim: 8, epochs: 1, noiseTableSize: 10_000 });
    const a = await train(corpus, vocab, cfg);
    const b = await train(corpus, vocab, cfg);
    expect([...a.vectors]).toEqual([...b.vectors]);
  });

  it('runs on two worker threads sharing the weights', async () => {
    const cfg = defaultConfig({ dim: 16, epochs: 2, threads: 2, noiseTableSize: 10_000, sample: 0 });
    const { vectors, wordsProcessed } = await train(corpus, vocab, cfg, () => {});
    expect(wordsProcessed).toBe(2 * 1500 * 8);
    const v = new WordVectors(vocab.words, vectors, 16);
    expect(v.similarity('cow', 'horse')!).toBeGreaterThan(v.similarity('cow', 'drill')!);
  });

  it('slices the corpus at sentence ends', () => {
    const c = Int32Array.from([1, 2, -1, 3, 4, 5, -1, 6, -1]);
    expect(sliceCorpus(c, 2)).toEqual([[0, 7], [7, 9]]);
  });
});
