import { expect } from 'vitest';

/** Check analytic gradients against central finite differences, parameter by parameter. */
export function expectFiniteDifferenceGradients(params: readonly number[], grad: readonly number[], lossAt: (p: number[]) => number, eps = 1e-6): void {
  params.forEach((_, k) => {
    const up = [...params];
    const down = [...params];
    up[k]! += eps;
    down[k]! -= eps;
    const numeric = (lossAt(up) - lossAt(down)) / (2 * eps);
    expect(grad[k]!).toBeCloseTo(numeric, 6);
  });
}
