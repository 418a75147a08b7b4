// 2-D PCA of a few vectors for the scatter charts: centre, then the top two principal axes by
// power iteration on the covariance C = XᵀX / n, deflating after the first. C is never formed:
// C·v = Xᵀ(X·v) / n costs 2·n·dim per step instead of dim² (14 words × 100 dims: ~20× less; the
// dim × dim version took ~19 ms of /neighbors' 40 ms budget). Same iterates, same picture.
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
  let trace = 0;
  for (const x of X) for (let i = 0; i < dim; i++) trace += (x[i]! * x[i]!) / n;
  const rng = new Rng(42); // a fixed start: the same words always give the same picture
  const axes: Float64Array[] = [];
  const values: number[] = [];
  const Xv = new Float64Array(n); // [n]
  /** (C − Σ λₖ aₖaₖᵀ) · v, with C = XᵀX / n applied through X. */
  const apply = (v: Float64Array): Float64Array => {
    for (let r = 0; r < n; r++) {
      let s = 0;
      const x = X[r]!;
      for (let i = 0; i < dim; i++) s += x[i]! * v[i]!;
      Xv[r] = s / n;
    }
    const w = new Float64Array(dim);
    for (let r = 0; r < n; r++) {
      const x = X[r]!;
      const c = Xv[r]!;
      for (let i = 0; i < dim; i++) w[i] += x[i]! * c;
    }
    for (let k = 0; k < axes.length; k++) {
      const a = axes[k]!;
      let d = 0;
      for (let i = 0; i < dim; i++) d += a[i]! * v[i]!;
      const proj = values[k]! * d;
      for (let i = 0; i < dim; i++) w[i] -= proj * a[i]!;
    }
    return w;
  };
  for (let k = 0; k < 2; k++) {
    let v: Float64Array = Float64Array.from({ length: dim }, () => rng.float() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 200; it++) {
      const w = apply(v);
      let sq = 0;
      for (let i = 0; i < dim; i++) sq += w[i]! * w[i]!;
      const norm = Math.sqrt(sq);
      if (norm === 0) break;
      lambda = norm;
      let moved = 0;
      for (let i = 0; i < dim; i++) {
        w[i] /= norm;
        moved = Math.max(moved, Math.abs(w[i]! - v[i]!));
      }
      v = w;
      if (moved < 1e-12) break; // converged: further steps change nothing we draw
    }
    axes.push(v);
    values.push(lambda);
  }
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  return {
    points: X.map((x) => [dot(x, axes[0]!), dot(x, axes[1]!)]),
    explained: [trace ? values[0]! / trace : 0, trace ? values[1]! / trace : 0],
  };
}
