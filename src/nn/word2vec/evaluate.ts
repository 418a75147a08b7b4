// Intrinsic evaluation: word-similarity Spearman (WordSim-353, SimLex-999) and Google analogies.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from '../../config.ts';
import type { WordVectors } from './vectors.ts';

export interface SimilarityPair {
  a: string;
  b: string;
  gold: number;
}

export function readSimilarity(file: string): SimilarityPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 3)
    .map(([a, b, g]) => ({ a: a!.toLowerCase(), b: b!.toLowerCase(), gold: Number(g) }));
}

/** Average ranks (ties share their mean rank), as Spearman's rho needs. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x), ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n, my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export interface SimilarityResult {
  rho: number;
  covered: number;
  total: number;
}

/** Spearman over the pairs whose two words are both in the vocabulary. */
export function evalSimilarity(v: WordVectors, pairs: readonly SimilarityPair[]): SimilarityResult {
  const gold: number[] = [], pred: number[] = [];
  for (const p of pairs) {
    const s = v.similarity(p.a, p.b);
    if (s === undefined) continue;
    gold.push(p.gold);
    pred.push(s);
  }
  return { rho: gold.length > 2 ? spearman(gold, pred) : NaN, covered: gold.length, total: pairs.length };
}

export type Analogy = [string, string, string, string];

export function readAnalogies(file: string): Analogy[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith(':'))
    .map((l) => l.trim().toLowerCase().split(/\s+/) as Analogy);
}

export interface AnalogyResult {
  accuracy: number; // correct / covered
  correct: number;
  covered: number; // questions whose four words are all among the `limit` most frequent
  total: number;
}

/** 3CosAdd over the `limit` most frequent words (word2vec's compute-accuracy convention). */
export function evalAnalogy(v: WordVectors, questions: readonly Analogy[], limit = 30000): AnalogyResult {
  let correct = 0, covered = 0;
  for (const [a, b, c, d] of questions) {
    const ids = [a, b, c, d].map((w) => v.id(w));
    if (ids.some((i) => i === undefined || i >= limit)) continue;
    covered++;
    const [best] = v.analogy(a, b, c, 1, limit);
    if (best?.word === d) correct++;
  }
  return { accuracy: covered ? correct / covered : 0, correct, covered, total: questions.length };
}

/**
 * Where the public benchmark files live: $WORD2VEC_BENCHMARKS, else ../shared/benchmarks beside
 * the repository root (CI and the main clone), else ../../shared/benchmarks (a git worktree one
 * level deeper).
 */
export function benchmarksDir(repoRoot: string): string | undefined {
  const candidates = [config().WORD2VEC_BENCHMARKS, join(repoRoot, '..', 'shared', 'benchmarks'), join(repoRoot, '..', '..', 'shared', 'benchmarks')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'EN-WS-353-ALL.txt')));
}

/**
 * The same 3CosAdd evaluation as evalAnalogy, batched on the tensor engine: the questions'
 * offset vectors [B, dim] times the top-`limit` unit rows [limit, dim]ᵀ. Plain JS takes ~40 s
 * for Brown's 6k covered questions; this takes a few seconds.
 */
export async function evalAnalogyTensor(v: WordVectors, questions: readonly Analogy[], limit = 30000): Promise<AnalogyResult> {
  const { initBackend, tf } = await import('../runtime.ts');
  await initBackend();
  const n = Math.min(limit, v.size);
  const ids: number[][] = [];
  for (const q of questions) {
    const i = q.map((w) => v.id(w));
    if (i.every((x) => x !== undefined && x < n)) ids.push(i as number[]);
  }
  const dim = v.dim;
  // [dim, n]: transposed once, since the wasm backend's matMul is ~4× slower with transposeB.
  const rows = tf.tidy(() => tf.tensor2d(v.unit.subarray(0, n * dim), [n, dim]).transpose().clone());
  let correct = 0;
  const batch = 256;
  for (let s = 0; s < ids.length; s += batch) {
    const chunk = ids.slice(s, s + batch);
    const q = new Float32Array(chunk.length * dim);
    chunk.forEach(([a, b, c], r) => {
      let norm = 0;
      for (let k = 0; k < dim; k++) {
        const x = v.unit[b! * dim + k]! - v.unit[a! * dim + k]! + v.unit[c! * dim + k]!;
        q[r * dim + k] = x;
        norm += x * x;
      }
      for (let k = 0; k < dim; k++) q[r * dim + k]! /= Math.sqrt(norm) || 1;
    });
    const top = tf.tidy(() => tf.topk(tf.matMul(tf.tensor2d(q, [chunk.length, dim]), rows), 4).indices); // [B, 4]
    const best = (await top.data()) as Int32Array;
    top.dispose();
    chunk.forEach(([a, b, c, d], r) => {
      for (let k = 0; k < 4; k++) {
        const i = best[r * 4 + k]!;
        if (i === a || i === b || i === c) continue;
        if (i === d) correct++;
        break;
      }
    });
  }
  rows.dispose();
  return { accuracy: ids.length ? correct / ids.length : 0, correct, covered: ids.length, total: questions.length };
}

export interface EvalReport {
  ws353: SimilarityResult;
  simlex: SimilarityResult;
  analogy: AnalogyResult;
}

export async function evaluateAll(v: WordVectors, dir: string): Promise<EvalReport> {
  return {
    ws353: evalSimilarity(v, readSimilarity(join(dir, 'EN-WS-353-ALL.txt'))),
    simlex: evalSimilarity(v, readSimilarity(join(dir, 'EN-SIMLEX-999.txt'))),
    analogy: await evalAnalogyTensor(v, readAnalogies(join(dir, 'questions-words.txt'))),
  };
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    `WordSim-353 Spearman ${r.ws353.rho.toFixed(3)} (coverage ${r.ws353.covered}/${r.ws353.total})`,
    `SimLex-999  Spearman ${r.simlex.rho.toFixed(3)} (coverage ${r.simlex.covered}/${r.simlex.total})`,
    `Google analogy 3CosAdd accuracy ${pct(r.analogy.accuracy)}% (${r.analogy.correct}/${r.analogy.covered} covered of ${r.analogy.total})`,
  ].join('\n');
}
