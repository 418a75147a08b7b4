// The training loop of word2vec.c (negative sampling). Sentence reading, sub-sampling, the
// dynamic window and noise draws run here in JS; the vector arithmetic of each update runs in
// `ops`: WebAssembly SIMD (kernel.wat, the default) or the plain-JS twin below (the reference the
// tests compare against). Weights live in one shared WebAssembly.Memory, so several threads run
// this on their own slice of the corpus and update the same weights without locks (Hogwild).
import type { Architecture } from './config.ts';

export const MAX_SENTENCE_LENGTH = 1000; // word2vec.c's cap; longer lines are cut into pieces
const ALPHA_UPDATE_EVERY = 10000; // words between learning-rate updates (as word2vec.c)
export const MAX_EXP = 6;
export const EXP_TABLE_SIZE = 1000;

/**
 * A noise-table slot from a uniform uint32 r: r scaled to the table (scale = size / 2^32), not
 * taken modulo the size. A modulo of fewer random bits than the table needs is biased: the
 * earlier `(r >>> 8) % size` drew slots below 2^24 − 10^7 twice as often as the rest of a 10^7
 * table, and as the table is sorted by frequency, rarer words came up as noise about half as
 * often as count^power says.
 */
export function noiseSlot(r: number, scale: number): number {
  return (r * scale) | 0;
}

/** Byte offsets in the shared memory. */
export interface Layout {
  sigmoid: number; // EXP_TABLE_SIZE floats (must be 0: kernel.wat reads the table at 0)
  scratch: number; // per-thread scratch, scratchStride bytes each
  scratchStride: number;
  syn0: number; // [V, dim] input vectors: the word vectors we ship
  syn1: number; // [V, dim] output vectors for negative sampling (syn1neg)
  bytes: number; // total
}

export function makeLayout(vocabSize: number, dim: number, threads: number): Layout {
  const align = (n: number) => Math.ceil(n / 64) * 64;
  const scratch = 4096;
  const scratchStride = align(256 + 256 + dim * 8); // targets, contexts, h, e
  const syn0 = align(scratch + scratchStride * threads);
  const syn1 = align(syn0 + vocabSize * dim * 4);
  return { sigmoid: 0, scratch, scratchStride, syn0, syn1, bytes: align(syn1 + vocabSize * dim * 4) };
}

export interface KernelArrays {
  memory: WebAssembly.Memory; // shared
  layout: Layout;
  corpus: Int32Array; // word ids, -1 ends a sentence
  noise: Int32Array; // noise table (tables.ts)
  keep: Float32Array; // [V] sub-sampling keep probabilities
  progress: Int32Array; // [1] words processed by all threads (Atomics)
}

export interface KernelJob {
  arch: Architecture;
  dim: number; // a multiple of 4 (SIMD lanes)
  window: number;
  negative: number;
  epochs: number;
  alpha: number; // starting learning rate
  totalWords: number; // epochs × in-vocabulary tokens: the denominator of the linear decay
  start: number; // this thread's slice of corpus: [start, end)
  end: number;
  seed: number;
  thread: number; // picks the scratch area
}

/** The two updates; pointers are byte offsets, dim4 = dim × 4. Same signatures as kernel.wat. */
export interface KernelOps {
  skipgram(l1: number, tgt: number, n: number, alpha: number, e: number, dim4: number): void;
  cbow(ctx: number, cw: number, tgt: number, n: number, alpha: number, h: number, e: number, dim4: number): void;
}

/** Plain-JS twin of kernel.wat, on float32 views of the same memory. */
export function jsOps(memory: WebAssembly.Memory): KernelOps {
  const f32 = new Float32Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const expScale = EXP_TABLE_SIZE / MAX_EXP / 2;
  function negLoop(inp: number, tgt: number, n: number, alpha: number, e: number, dim: number): void {
    for (let c = 0; c < dim; c++) f32[e + c] = 0;
    for (let d = 0; d < n; d++) {
      const l2 = i32[(tgt >> 2) + d]! >> 2;
      const label = d === 0 ? 1 : 0;
      let f = 0;
      for (let c = 0; c < dim; c++) f += f32[inp + c]! * f32[l2 + c]!;
      let g: number;
      if (f > MAX_EXP) g = (label - 1) * alpha;
      else if (f < -MAX_EXP) g = label * alpha;
      else g = (label - f32[((f + MAX_EXP) * expScale) | 0]!) * alpha;
      for (let c = 0; c < dim; c++) {
        const o = f32[l2 + c]!;
        f32[e + c] += g * o;
        f32[l2 + c] = o + g * f32[inp + c]!;
      }
    }
  }
  return {
    skipgram(l1, tgt, n, alpha, e, dim4) {
      const dim = dim4 >> 2;
      negLoop(l1 >> 2, tgt, n, alpha, e >> 2, dim);
      for (let c = 0; c < dim; c++) f32[(l1 >> 2) + c] += f32[(e >> 2) + c]!;
    },
    cbow(ctx, cw, tgt, n, alpha, h, e, dim4) {
      const dim = dim4 >> 2;
      const H = h >> 2;
      for (let c = 0; c < dim; c++) f32[H + c] = 0;
      for (let k = 0; k < cw; k++) {
        const row = i32[(ctx >> 2) + k]! >> 2;
        for (let c = 0; c < dim; c++) f32[H + c] += f32[row + c]!;
      }
      for (let c = 0; c < dim; c++) f32[H + c] *= 1 / cw;
      negLoop(H, tgt, n, alpha, e >> 2, dim);
      for (let k = 0; k < cw; k++) {
        const row = i32[(ctx >> 2) + k]! >> 2;
        for (let c = 0; c < dim; c++) f32[row + c] += f32[(e >> 2) + c]!;
      }
    },
  };
}

/** Trains on corpus[start, end) for all epochs; returns the in-vocabulary words this thread read. */
export function trainSlice(a: KernelArrays, job: KernelJob, ops: KernelOps): number {
  const { corpus, noise, keep, progress, layout } = a;
  const { dim, window, negative, epochs, start, end, totalWords } = job;
  const i32 = new Int32Array(a.memory.buffer);
  const cbow = job.arch === 'cbow';
  const dim4 = dim * 4;
  const rowBytes = dim * 4;
  const scratch = layout.scratch + layout.scratchStride * job.thread;
  const tgt = scratch; // ≤ 64 target row pointers
  const ctx = scratch + 256; // ≤ 64 context row pointers
  const h = scratch + 512;
  const e = h + dim * 4;
  const tgtI = tgt >> 2;
  const ctxI = ctx >> 2;
  const syn0 = layout.syn0;
  const syn1 = layout.syn1;
  const startAlpha = job.alpha;
  const slotScale = noise.length / 4294967296;
  const sen = new Int32Array(MAX_SENTENCE_LENGTH);
  let rnd = job.seed >>> 0 || 0x9e3779b9;
  let alpha = startAlpha;
  let wordCount = 0;
  let lastWordCount = 0;

  for (let epoch = 0; epoch < epochs; epoch++) {
    let pos = start;
    while (pos < end) {
      if (wordCount - lastWordCount > ALPHA_UPDATE_EVERY) {
        const done = Atomics.add(progress, 0, wordCount - lastWordCount) + wordCount - lastWordCount;
        lastWordCount = wordCount;
        alpha = startAlpha * (1 - done / (totalWords + 1));
        if (alpha < startAlpha * 0.0001) alpha = startAlpha * 0.0001;
      }
      // Read one sentence, dropping frequent words at random (sub-sampling).
      let len = 0;
      while (pos < end) {
        const w = corpus[pos++]!;
        if (w < 0) break;
        wordCount++;
        rnd ^= rnd << 13; rnd ^= rnd >>> 17; rnd ^= rnd << 5; rnd >>>= 0;
        if (keep[w]! < (rnd & 0xffff) / 65536) continue;
        sen[len++] = w;
        if (len >= MAX_SENTENCE_LENGTH) break;
      }

      for (let sp = 0; sp < len; sp++) {
        const word = sen[sp]!;
        rnd ^= rnd << 13; rnd ^= rnd >>> 17; rnd ^= rnd << 5; rnd >>>= 0;
        const b = rnd % window; // dynamic window: the reach is window - b, i.e. 1..window
        if (cbow) {
          let cw = 0;
          for (let k = b; k < window * 2 + 1 - b; k++) {
            if (k === window) continue;
            const p = sp - window + k;
            if (p < 0 || p >= len) continue;
            i32[ctxI + cw++] = syn0 + sen[p]! * rowBytes;
          }
          if (cw === 0) continue;
          // Target rows: the true word first, then `negative` noise draws (the word itself skipped).
          i32[tgtI] = syn1 + word * rowBytes;
          let n = 1;
          for (let d = 0; d < negative; d++) {
            rnd ^= rnd << 13; rnd ^= rnd >>> 17; rnd ^= rnd << 5; rnd >>>= 0;
            const t = noise[noiseSlot(rnd, slotScale)]!;
            if (t !== word) i32[tgtI + n++] = syn1 + t * rowBytes;
          }
          ops.cbow(ctx, cw, tgt, n, alpha, h, e, dim4);
        } else {
          for (let k = b; k < window * 2 + 1 - b; k++) {
            if (k === window) continue;
            const p = sp - window + k;
            if (p < 0 || p >= len) continue;
            // The context word's input vector predicts `word` (word2vec.c's orientation).
            // Target rows: the true word first, then `negative` noise draws (the word itself skipped).
            i32[tgtI] = syn1 + word * rowBytes;
            let n = 1;
            for (let d = 0; d < negative; d++) {
              rnd ^= rnd << 13; rnd ^= rnd >>> 17; rnd ^= rnd << 5; rnd >>>= 0;
              const t = noise[noiseSlot(rnd, slotScale)]!;
              if (t !== word) i32[tgtI + n++] = syn1 + t * rowBytes;
            }
            ops.skipgram(syn0 + sen[p]! * rowBytes, tgt, n, alpha, e, dim4);
          }
        }
      }
    }
  }
  Atomics.add(progress, 0, wordCount - lastWordCount);
  return wordCount;
}
