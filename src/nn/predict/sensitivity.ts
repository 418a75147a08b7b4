// ∂prediction/∂x_day for the LSTM by central differences (the LSTM's exact input gradient has many
// paths; a numerical derivative of the real forward pass is simpler and exact to ~1e-8 here).
import { predictLstm, type LstmWeights } from '../lstm-unit.ts';

export function lstmDaySensitivity(w: LstmWeights, xs: readonly number[], day: number, eps = 1e-5): number {
  const up = [...xs];
  const down = [...xs];
  up[day - 1]! += eps;
  down[day - 1]! -= eps;
  return (predictLstm(w, up) - predictLstm(w, down)) / (2 * eps);
}
