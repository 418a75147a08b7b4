// The plain recurrent unit of the notes: one shared recurrent weight reused every day.
//   short_t = ReLU(wInput · x_t + wShared · short_{t-1} + bias),  prediction = wOut · short_N + biasOut
// While the ReLU is active, day 1 reaches the prediction through wShared^(N-1): that product is
// what explodes (|w| > 1) or vanishes (|w| < 1) as the sequence gets longer.
import { relu } from '../scalar.ts';

export interface RnnWeights {
  wInput: number;
  wShared: number;
  bias: number;
  wOut: number;
  biasOut: number;
}

export interface RnnDay {
  day: number;
  x: number;
  shortIn: number;
  preActivation: number;
  shortOut: number;
}

export function runRnn(w: RnnWeights, xs: readonly number[]): RnnDay[] {
  let short = 0;
  return xs.map((x, i) => {
    const pre = w.wInput * x + w.wShared * short + w.bias;
    const d = { day: i + 1, x, shortIn: short, preActivation: pre, shortOut: relu(pre) };
    short = d.shortOut;
    return d;
  });
}

export function predictRnn(w: RnnWeights, xs: readonly number[]): number {
  const days = runRnn(w, xs);
  return w.wOut * days[days.length - 1]!.shortOut + w.biasOut;
}

/**
 * ∂prediction/∂x_day: how much the prediction moves per unit change of one day's input.
 * = wOut · wInput · Π over later days of (wShared · ReLU'(pre)) · ReLU'(pre_day).
 */
export function rnnInputSensitivity(w: RnnWeights, xs: readonly number[], day: number): number {
  const days = runRnn(w, xs);
  const active = (d: RnnDay) => (d.preActivation > 0 ? 1 : 0);
  let g = w.wOut;
  for (let t = days.length - 1; t >= day - 1; t--) {
    const d = days[t]!;
    g *= active(d);
    g *= t === day - 1 ? w.wInput : w.wShared;
  }
  return g;
}

export const RNN_KEYS = ['wInput', 'wShared', 'bias', 'wOut', 'biasOut'] as const;

export function rnnToFlat(w: RnnWeights): number[] {
  return RNN_KEYS.map((k) => w[k]);
}

export function rnnFromFlat(v: readonly number[]): RnnWeights {
  return { wInput: v[0]!, wShared: v[1]!, bias: v[2]!, wOut: v[3]!, biasOut: v[4]! };
}

/** BPTT for loss (prediction − target)², gradient in rnnToFlat order. */
export function rnnLossAndGrad(w: RnnWeights, xs: readonly number[], target: number): { loss: number; grad: number[] } {
  const days = runRnn(w, xs);
  const last = days[days.length - 1]!;
  const pred = w.wOut * last.shortOut + w.biasOut;
  const err = pred - target;
  const g = { wInput: 0, wShared: 0, bias: 0, wOut: 2 * err * last.shortOut, biasOut: 2 * err };
  let dShort = 2 * err * w.wOut;
  for (let t = days.length - 1; t >= 0; t--) {
    const d = days[t]!;
    const dPre = d.preActivation > 0 ? dShort : 0;
    g.wInput += dPre * d.x;
    g.wShared += dPre * d.shortIn;
    g.bias += dPre;
    dShort = dPre * w.wShared;
  }
  return { loss: err * err, grad: rnnToFlat(g) };
}

/**
 * Weights that solve the toy task exactly (a linear running sum: 1.75 = 0.5 + 0.25 + 1), to show
 * the RNN *can* represent it; whether training finds such weights is another matter.
 */
export const RNN_HAND_SOLUTION: RnnWeights = { wInput: 1, wShared: 1, bias: 0, wOut: 1, biasOut: -1.75 };
