import { describe, expect, it } from 'vitest';
import { pca2 } from '../../../src/nn/word2vec/pca.ts';

describe('pca2 (covariance applied through the data, never formed)', () => {
  it('finds both axes of a flat cloud: the second after deflating the first', () => {
    // A plane in 5-D: spread 10 along (1,1,0,0,0)/√2, 2 along (0,0,1,0,0), nothing else.
    const rows = [[-10, 2], [10, 2], [-10, -2], [10, -2], [0, 0]].map(([a, b]) => Float32Array.from([a! / Math.SQRT2, a! / Math.SQRT2, b!, 0, 0]));
    const { points, explained } = pca2(rows);
    expect(explained[0] + explained[1]).toBeCloseTo(1, 9); // all variance in two axes
    expect(explained[0]).toBeCloseTo(400 / 416, 6); // 10² · 4 vs 2² · 4 summed over the points
    points.forEach((p, i) => {
      expect(Math.abs(p[0])).toBeCloseTo(Math.abs([-10, 10, -10, 10, 0][i]!), 6);
      expect(Math.abs(p[1])).toBeCloseTo(Math.abs([2, 2, -2, -2, 0][i]!), 6);
    });
  });
});
