// The notes' tiny word2vec, trained at request time: each word gets two input weights (its
// embedding), a linear hidden layer, one output weight per word per hidden unit, softmax and
// cross-entropy. Skip-gram pairs with a window of one word each side. Milliseconds of plain math.
import { seededRandom } from './math.ts';

export const NOTES_SENTENCES: readonly (readonly string[])[] = [
  ['troll 2', 'is', 'great'],
  ['gymkata', 'is', 'great'],
];

export interface ToyW2vConfig {
  dims: number; // weights per word (hidden units): 2 so it can be plotted
  steps: number; // full-batch gradient steps
  learningRate: number;
  window: number; // words each side that count as context
  seed: number;
}

export const TOY_W2V: ToyW2vConfig = { dims: 2, steps: 300, learningRate: 0.5, window: 1, seed: 12 };

export interface ToyW2vResult {
  vocab: string[];
  pairs: [string, string][]; // (input word, context word to predict)
  before: number[][]; // [vocab][dims] input weights at the random start
  after: number[][]; // [vocab][dims] after training
  outAfter: number[][]; // [dims][vocab] output weights after training (the diagrams' softmax)
  lossStart: number; // mean cross-entropy before training
  lossEnd: number;
  ms: number;
}

export function skipGramPairs(sentences: readonly (readonly string[])[], window: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (const s of sentences) {
    s.forEach((w, i) => {
      for (let j = Math.max(0, i - window); j <= Math.min(s.length - 1, i + window); j++) if (j !== i) pairs.push([w, s[j]!]);
    });
  }
  return pairs;
}

/**
 * Mean cross-entropy over the pairs and its gradients. Flat typed arrays and plain loops: this
 * runs 300 times per request. win: [vocab × dims], wout: [dims × vocab].
 */
function lossAndGrads(win: Float64Array, wout: Float64Array, V: number, D: number, pairs: readonly [number, number][], gIn: Float64Array, gOut: Float64Array): number {
  gIn.fill(0);
  gOut.fill(0);
  const p = new Float64Array(V);
  let loss = 0;
  const n = pairs.length;
  for (const [a, b] of pairs) {
    // a one-hot input just selects row a of win: the hidden values are that word's weights
    let max = -Infinity;
    for (let k = 0; k < V; k++) {
      let z = 0;
      for (let d = 0; d < D; d++) z += win[a * D + d]! * wout[d * V + k]!;
      p[k] = z;
      if (z > max) max = z;
    }
    let total = 0;
    for (let k = 0; k < V; k++) total += p[k] = Math.exp(p[k]! - max);
    for (let k = 0; k < V; k++) p[k]! /= total;
    loss -= Math.log(p[b]!) / n;
    for (let k = 0; k < V; k++) {
      const ds = (p[k]! - (k === b ? 1 : 0)) / n; // ∂loss/∂score_k for softmax + cross-entropy
      for (let d = 0; d < D; d++) {
        gOut[d * V + k]! += win[a * D + d]! * ds;
        gIn[a * D + d]! += wout[d * V + k]! * ds;
      }
    }
  }
  return loss;
}

export function trainToyWord2vec(sentences: readonly (readonly string[])[] = NOTES_SENTENCES, cfg: ToyW2vConfig = TOY_W2V): ToyW2vResult {
  const t0 = performance.now();
  const vocab = [...new Set(sentences.flat())];
  const index = new Map(vocab.map((w, i) => [w, i]));
  const pairs = skipGramPairs(sentences, cfg.window);
  const ids = pairs.map(([a, b]) => [index.get(a)!, index.get(b)!] as [number, number]);
  const V = vocab.length;
  const D = cfg.dims;
  const rand = seededRandom(cfg.seed);
  const win = Float64Array.from({ length: V * D }, () => rand() * 2 - 1);
  const wout = Float64Array.from({ length: D * V }, () => rand() * 2 - 1);
  const rows = (m: Float64Array) => vocab.map((_, i) => Array.from(m.subarray(i * D, i * D + D)));
  const before = rows(win);
  const gIn = new Float64Array(V * D);
  const gOut = new Float64Array(D * V);
  const lossStart = lossAndGrads(win, wout, V, D, ids, gIn, gOut);
  for (let step = 0; step < cfg.steps; step++) {
    lossAndGrads(win, wout, V, D, ids, gIn, gOut);
    for (let i = 0; i < win.length; i++) win[i]! -= cfg.learningRate * gIn[i]!;
    for (let i = 0; i < wout.length; i++) wout[i]! -= cfg.learningRate * gOut[i]!;
  }
  const lossEnd = lossAndGrads(win, wout, V, D, ids, gIn, gOut);
  const outAfter = Array.from({ length: D }, (_, d) => Array.from(wout.subarray(d * V, d * V + V)));
  return { vocab, pairs, before, after: rows(win), outAfter, lossStart, lossEnd, ms: performance.now() - t0 };
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
  const na = Math.hypot(...a);
  const nb = Math.hypot(...b);
  return na === 0 || nb === 0 ? 0 : dot / (na * nb);
}

/** For each word, its most similar other word (cosine similarity) in the given vectors. */
export function nearest(vocab: readonly string[], vecs: readonly (readonly number[])[]): { word: string; nearest: string; similarity: number }[] {
  return vocab.map((w, i) => {
    let best = -1;
    let sim = -Infinity;
    vecs.forEach((v, j) => {
      if (j === i) return;
      const c = cosine(vecs[i]!, v);
      if (c > sim) {
        sim = c;
        best = j;
      }
    });
    return { word: w, nearest: vocab[best]!, similarity: sim };
  });
}

/** Context windows for CBOW (context → centre) and skip-gram (centre → context). */
export function contextWindow(words: readonly string[], centre: number, window: number): { left: string[]; centre: string; right: string[] } {
  return {
    left: words.slice(Math.max(0, centre - window), centre),
    centre: words[centre]!,
    right: words.slice(centre + 1, centre + 1 + window),
  };
}
