// The three lookup tables of word2vec.c: noise sampling, sub-sampling and the sigmoid.

/**
 * Noise table (word2vec.c InitUnigramTable): slot i holds a word id, each word filling a share
 * of slots proportional to count^power, so a uniform slot draw samples the noise distribution.
 */
export function buildNoiseTable(counts: ArrayLike<number>, power: number, size: number, out?: Int32Array): Int32Array {
  const table = out ?? new Int32Array(size);
  const n = counts.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.pow(counts[i]!, power);
  let w = 0;
  let cumulative = Math.pow(counts[0]!, power) / total;
  for (let a = 0; a < size; a++) {
    table[a] = w;
    if (a / size > cumulative && w < n - 1) {
      w++;
      cumulative += Math.pow(counts[w]!, power) / total;
    }
  }
  return table;
}

/**
 * Sub-sampling (word2vec.c): a word with count c is kept with probability
 * (sqrt(c / (s·T)) + 1) · s·T / c, where T is the in-vocabulary token count and s the sample
 * threshold; values ≥ 1 mean "always keep". Frequent words ("the", "of") lose most occurrences.
 */
export function keepProbabilities(counts: ArrayLike<number>, sample: number, trainWords: number, out?: Float32Array): Float32Array {
  const keep = out ?? new Float32Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    keep[i] = sample > 0 ? (Math.sqrt(c / (sample * trainWords)) + 1) * ((sample * trainWords) / c) : 1;
  }
  return keep;
}

import { EXP_TABLE_SIZE, MAX_EXP } from './kernel.ts';

/** sigmoid(x) for x in [-MAX_EXP, MAX_EXP) at EXP_TABLE_SIZE steps, as word2vec.c precomputes it. */
export function buildSigmoidTable(): Float32Array {
  const t = new Float32Array(EXP_TABLE_SIZE);
  for (let i = 0; i < EXP_TABLE_SIZE; i++) {
    const e = Math.exp(((i / EXP_TABLE_SIZE) * 2 - 1) * MAX_EXP);
    t[i] = e / (e + 1);
  }
  return t;
}

/** Table lookup of sigmoid, the same index arithmetic the kernel inlines. */
export function sigmoidLookup(table: Float32Array, x: number): number {
  if (x >= MAX_EXP) return 1;
  if (x <= -MAX_EXP) return 0;
  return table[((x + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2)) | 0]!;
}
