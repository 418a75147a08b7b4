// Small, exact scalar and vector helpers for the explainer demos (the activations come from
// nn/scalar.ts, shared with the toy models). Plain numbers on purpose: readable and fast.

export { relu, sigmoid, tanh } from '../nn/scalar.ts';

export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`dot: lengths ${a.length} and ${b.length} differ`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Numerically stable softmax: subtracting the max changes nothing mathematically. */
export function softmax(scores: readonly number[]): number[] {
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Σ weights[i] · vectors[i] */
export function weightedSum(weights: readonly number[], vectors: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(vectors[0]!.length).fill(0);
  vectors.forEach((v, i) => v.forEach((x, j) => (out[j]! += weights[i]! * x)));
  return out;
}

/** matrix [rows][cols] times column vector [cols] → [rows] */
export function matVec(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

export function addVec(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x + b[i]!);
}

/**
 * Sinusoidal positional encoding (Vaswani et al., 2017):
 * PE(pos, 2k) = sin(pos / 10000^(2k/d)),  PE(pos, 2k+1) = cos(pos / 10000^(2k/d)).
 */
export function positionalEncoding(pos: number, dim: number, dModel: number): number {
  const k = Math.floor(dim / 2);
  const angle = pos / Math.pow(10000, (2 * k) / dModel);
  return dim % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

export function positionalEncodingRow(pos: number, dModel: number): number[] {
  return Array.from({ length: dModel }, (_, d) => positionalEncoding(pos, d, dModel));
}

/** How much a gradient is scaled after flowing back through n copies of one shared weight. */
export function gradientFactor(w: number, n: number): number {
  return Math.pow(w, n);
}

/** Deterministic PRNG: the demos' stand-in weights are the same on every request. */
export { mulberry32 as seededRandom } from '../core/random.ts';

/** Uniform in [-scale, scale) from a seeded generator. */
export function seededMatrix(rand: () => number, rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() * 2 - 1) * scale));
}

export function fixed(x: number, digits = 2): string {
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

export function percent(x: number, digits = 0): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** Readable number for very large/small values (gradient factors): 1,024 or 9.8e-4. */
export function sci(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(1);
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return Number(x.toPrecision(3)).toString();
}
