// Greedy and beam search over any step function. The search itself is plain JS over
// log-probabilities; models only say how to take one step for K hypotheses.
import type * as TF from '@tensorflow/tfjs';
import { EOS } from '../model/vocab.ts';

export interface Stepper {
  /**
   * Advance K hypotheses: `prev` is each hypothesis' last token, `parents` the index of the
   * hypothesis (from the previous call) it extends. Returns per hypothesis log-probs [V] and
   * attention over the source [S] (empty when the model has none).
   */
  step(prev: number[], parents: number[]): { logProbs: Float32Array[]; attention: Float32Array[] };
  dispose(): void;
}

export interface Hypothesis {
  tokens: number[]; // without the final <EOS>
  score: number; // sum of log-probabilities (incl. <EOS>)
  attention: Float32Array[]; // one row per output token incl. <EOS>
}

export interface SearchOptions {
  beam: number; // 1 = greedy
  maxLen: number;
  /** Length penalty exponent for ranking finished hypotheses (0 = none). */
  alpha?: number;
}

const rank = (h: Hypothesis, alpha: number) => h.score / Math.pow(h.tokens.length + 1, alpha);

export function beamSearch(stepper: Stepper, opts: SearchOptions): Hypothesis {
  const alpha = opts.alpha ?? 0.6;
  let live: Hypothesis[] = [{ tokens: [], score: 0, attention: [] }];
  let parents = [0];
  const done: Hypothesis[] = [];
  for (let t = 0; t < opts.maxLen && live.length; t++) {
    const prev = live.map((h) => (h.tokens.length ? h.tokens[h.tokens.length - 1]! : EOS));
    const { logProbs, attention } = stepper.step(prev, parents);
    const cands: { from: number; token: number; score: number }[] = [];
    live.forEach((h, k) => {
      const lp = logProbs[k]!;
      // top `beam` tokens of this hypothesis
      const best: { token: number; lp: number }[] = [];
      for (let v = 0; v < lp.length; v++) {
        const x = lp[v]!;
        if (best.length < opts.beam) {
          best.push({ token: v, lp: x });
          best.sort((a, b) => b.lp - a.lp);
        } else if (x > best[best.length - 1]!.lp) {
          best[best.length - 1] = { token: v, lp: x };
          best.sort((a, b) => b.lp - a.lp);
        }
      }
      for (const b of best) cands.push({ from: k, token: b.token, score: h.score + b.lp });
    });
    cands.sort((a, b) => b.score - a.score);
    const next: Hypothesis[] = [];
    const nextParents: number[] = [];
    for (const c of cands) {
      const h = live[c.from]!;
      const att = [...h.attention, attention[c.from] ?? new Float32Array(0)];
      if (c.token === EOS) done.push({ tokens: h.tokens, score: c.score, attention: att });
      else if (next.length < opts.beam) {
        next.push({ tokens: [...h.tokens, c.token], score: c.score, attention: att });
        nextParents.push(c.from);
      }
      if (next.length >= opts.beam && done.length >= opts.beam) break;
    }
    live = next;
    parents = nextParents;
    // stop when the best finished hypothesis cannot be beaten by any live one (scores only fall)
    if (done.length >= opts.beam) {
      const bestDone = Math.max(...done.map((h) => rank(h, alpha)));
      const bestLive = Math.max(...live.map((h) => h.score / Math.pow(opts.maxLen + 1, alpha)), -Infinity);
      if (bestLive < bestDone) break;
    }
  }
  stepper.dispose();
  const pool = done.length ? done : live;
  return pool.reduce((a, b) => (rank(b, alpha) > rank(a, alpha) ? b : a));
}

/** tf.tidy for results typed with interfaces (tidy's own typing wants index signatures). */
export function tidyObject<T>(tf: typeof TF, fn: () => T): T {
  return tf.tidy(fn as unknown as () => TF.TensorContainer) as unknown as T;
}
