// 2-D PCA of a few vectors for the scatter charts: centre, then the top two principal axes by
// power iteration on the small covariance matrix (dim × dim), deflating after the first.
import { Rng } from './rng.ts';

export interface Projection {
  points: [number, number][];
  /** Share of the variance each axis explains. */
  explained: [number, number];
}

export function pca2(rows: readonly Float32Array[]): Projection {
  const n = rows.length;
  const dim = rows[0]?.length ?? 0;
  if (n === 0) return { points: [], explained: [0, 0] };
  const mean = new Float64Array(dim);
  for (const r of rows) for (let i = 0; i < dim; i++) mean[i] += r[i]! / n;
  const X = rows.map((r) => Float64Array.from(r, (x, i) => x - mean[i]!)); // [n, dim] centred
  const cov = new Float64Array(dim * dim); // [dim, dim]
  for (const x of X) for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i * dim + j] += (x[i]! * x[j]!) / n;
  let trace = 0;
  for (let i = 0; i < dim; i++) trace += cov[i * dim + i]!;
  const rng = new Rng(42); // a fixed start: the same words always give the same picture
  const axes: Float64Array[] = [];
  const values: number[] = [];
  for (let k = 0; k < 2; k++) {
    let v = Float64Array.from({ length: dim }, () => rng.float() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        let s = 0;
        for (let j = 0; j < dim; j++) s += cov[i * dim + j]! * v[j]!;
        w[i] = s;
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      lambda = norm;
      v = w.map((x) => x / norm);
    }
    axes.push(v);
    values.push(lambda);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i * dim + j] -= lambda * v[i]! * v[j]!;
  }
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  return {
    points: X.map((x) => [dot(x, axes[0]!), dot(x, axes[1]!)]),
    explained: [trace ? values[0]! / trace : 0, trace ? values[1]! / trace : 0],
  };
}
