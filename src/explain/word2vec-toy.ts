// The notes' tiny word2vec, trained at request time: each word gets two input weights (its
// embedding), a linear hidden layer, one output weight per word per hidden unit, softmax and
// cross-entropy. Skip-gram pairs with a window of one word each side. Milliseconds of plain math.
import { seededRandom, softmax } from './math.ts';

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

function lossAndGrads(win: number[][], wout: number[][], pairs: readonly [number, number][]) {
  const dims = win[0]!.length;
  const gIn = win.map((r) => r.map(() => 0));
  const gOut = wout.map((r) => r.map(() => 0)); // [dims][vocab]
  let loss = 0;
  for (const [a, b] of pairs) {
    const h = win[a]!; // [dims]: a one-hot input just selects this word's weights
    const scores = wout[0]!.map((_, k) => h.reduce((s, hv, d) => s + hv * wout[d]![k]!, 0)); // [vocab]
    const p = softmax(scores);
    loss -= Math.log(p[b]!) / pairs.length;
    const dScores = p.map((pk, k) => (pk - (k === b ? 1 : 0)) / pairs.length);
    for (let d = 0; d < dims; d++) {
      let dh = 0;
      dScores.forEach((ds, k) => {
        gOut[d]![k]! += h[d]! * ds;
        dh += wout[d]![k]! * ds;
      });
      gIn[a]![d]! += dh;
    }
  }
  return { loss, gIn, gOut };
}

export function trainToyWord2vec(sentences: readonly (readonly string[])[] = NOTES_SENTENCES, cfg: ToyW2vConfig = TOY_W2V): ToyW2vResult {
  const t0 = performance.now();
  const vocab = [...new Set(sentences.flat())];
  const index = new Map(vocab.map((w, i) => [w, i]));
  const pairs = skipGramPairs(sentences, cfg.window);
  const ids = pairs.map(([a, b]) => [index.get(a)!, index.get(b)!] as [number, number]);
  const rand = seededRandom(cfg.seed);
  const win = vocab.map(() => Array.from({ length: cfg.dims }, () => rand() * 2 - 1));
  const wout = Array.from({ length: cfg.dims }, () => vocab.map(() => rand() * 2 - 1));
  const before = win.map((r) => [...r]);
  const lossStart = lossAndGrads(win, wout, ids).loss;
  let lossEnd = lossStart;
  for (let step = 0; step < cfg.steps; step++) {
    const { loss, gIn, gOut } = lossAndGrads(win, wout, ids);
    lossEnd = loss;
    win.forEach((r, i) => r.forEach((_, d) => (r[d]! -= cfg.learningRate * gIn[i]![d]!)));
    wout.forEach((r, d) => r.forEach((_, k) => (r[k]! -= cfg.learningRate * gOut[d]![k]!)));
  }
  lossEnd = lossAndGrads(win, wout, ids).loss;
  return { vocab, pairs, before, after: win, lossStart, lossEnd, ms: performance.now() - t0 };
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
