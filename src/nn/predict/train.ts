// Training for the toy units: full-batch Adam on hand-derived BPTT gradients.
// Separate from inference (lstm-unit.ts, rnn-unit.ts); used by scripts/predict/train-predict.ts.
import { mulberry32 as seededRandom } from '../../core/random.ts';
import type { ToyExample } from './data.ts';

export type LossAndGrad = (params: readonly number[], xs: readonly number[], target: number) => { loss: number; grad: number[] };

export interface TrainConfig {
  steps: number; // Adam updates (one per pass over the whole toy data set)
  learningRate: number;
  beta1: number;
  beta2: number;
  restarts: number; // random initialisations tried; the lowest final loss wins
  initScale: number; // initial weights uniform in [-initScale, initScale)
  seed: number;
}

export const DEFAULT_TRAIN: TrainConfig = {
  steps: 3000,
  learningRate: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  restarts: 8,
  initScale: 1,
  seed: 42,
};

export interface TrainResult {
  params: number[];
  loss: number; // mean squared error over the data set after training
  lossCurve: number[]; // every 100 steps, best restart
  restart: number;
  restartLosses: number[]; // final loss of every random start, in order
}

export function meanLoss(f: LossAndGrad, params: readonly number[], data: readonly ToyExample[]): { loss: number; grad: number[] } {
  const grad = new Array<number>(params.length).fill(0);
  let loss = 0;
  for (const ex of data) {
    const r = f(params, ex.xs, ex.target);
    loss += r.loss / data.length;
    r.grad.forEach((g, i) => (grad[i]! += g / data.length));
  }
  return { loss, grad };
}

export function train(f: LossAndGrad, paramCount: number, data: readonly ToyExample[], cfg: TrainConfig = DEFAULT_TRAIN): TrainResult {
  const rand = seededRandom(cfg.seed);
  let best: TrainResult | undefined;
  const restartLosses: number[] = [];
  for (let r = 0; r < cfg.restarts; r++) {
    const p = Array.from({ length: paramCount }, () => (rand() * 2 - 1) * cfg.initScale);
    const m = new Array<number>(paramCount).fill(0);
    const v = new Array<number>(paramCount).fill(0);
    const curve: number[] = [];
    for (let step = 1; step <= cfg.steps; step++) {
      const { loss, grad } = meanLoss(f, p, data);
      if (step % 100 === 1) curve.push(loss);
      for (let i = 0; i < paramCount; i++) {
        m[i] = cfg.beta1 * m[i]! + (1 - cfg.beta1) * grad[i]!;
        v[i] = cfg.beta2 * v[i]! + (1 - cfg.beta2) * grad[i]! ** 2;
        const mHat = m[i]! / (1 - cfg.beta1 ** step);
        const vHat = v[i]! / (1 - cfg.beta2 ** step);
        p[i]! -= (cfg.learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
      }
    }
    const loss = meanLoss(f, p, data).loss;
    curve.push(loss);
    restartLosses.push(loss);
    if (!best || loss < best.loss) best = { params: p, loss, lossCurve: curve, restart: r, restartLosses };
  }
  return best!;
}
