// One LSTM unit with scalar memories, as drawn in the study notes: a long-term memory path with no
// weight on it, and a short-term memory path that is weighted. Plain numbers rather than tfjs:
// 12 parameters, exact, microseconds per step, and every intermediate value is visible.
import { sigmoid, tanh } from './scalar.ts';

/** Each gate mixes yesterday's short-term memory and today's input, plus a bias. */
export interface GateWeights {
  short: number; // weight on the short-term memory (previous output)
  input: number; // weight on today's input
  bias: number;
}

export interface LstmWeights {
  forget: GateWeights; // σ: % of the long-term memory to remember
  inputGate: GateWeights; // σ: % of the potential memory to add
  candidate: GateWeights; // tanh: potential long-term memory
  output: GateWeights; // σ: % of the potential short-term memory to output
}

/** Everything computed on one day, in the order it is computed. */
export interface LstmDay {
  day: number; // 1-based
  x: number;
  longIn: number;
  shortIn: number;
  forget: number; // % of long-term memory remembered
  afterForget: number; // longIn · forget
  candidate: number; // potential long-term memory
  inputGate: number; // % of the potential memory added
  added: number; // candidate · inputGate
  longOut: number; // new long-term memory
  potentialShort: number; // tanh(longOut)
  output: number; // % of it kept
  shortOut: number; // new short-term memory (= the unit's output)
}

export const GATES = ['forget', 'inputGate', 'candidate', 'output'] as const;
export type GateName = (typeof GATES)[number];
const PARTS = ['short', 'input', 'bias'] as const;

function gate(g: GateWeights, short: number, x: number): number {
  return g.short * short + g.input * x + g.bias;
}

export function lstmStep(w: LstmWeights, x: number, longIn: number, shortIn: number, day = 1): LstmDay {
  const forget = sigmoid(gate(w.forget, shortIn, x));
  const afterForget = longIn * forget;
  const candidate = tanh(gate(w.candidate, shortIn, x));
  const inputGate = sigmoid(gate(w.inputGate, shortIn, x));
  const added = candidate * inputGate;
  const longOut = afterForget + added;
  const potentialShort = tanh(longOut);
  const output = sigmoid(gate(w.output, shortIn, x));
  const shortOut = potentialShort * output;
  return { day, x, longIn, shortIn, forget, afterForget, candidate, inputGate, added, longOut, potentialShort, output, shortOut };
}

/** Run the unit over a sequence from zero memories; the prediction is the last short-term memory. */
export function runLstm(w: LstmWeights, xs: readonly number[]): LstmDay[] {
  const days: LstmDay[] = [];
  let long = 0;
  let short = 0;
  xs.forEach((x, i) => {
    const d = lstmStep(w, x, long, short, i + 1);
    days.push(d);
    long = d.longOut;
    short = d.shortOut;
  });
  return days;
}

export function predictLstm(w: LstmWeights, xs: readonly number[]): number {
  const days = runLstm(w, xs);
  return days[days.length - 1]!.shortOut;
}

// ---- flat parameter vector (for the optimiser) ----

export const LSTM_PARAM_COUNT = GATES.length * PARTS.length;

export function lstmToFlat(w: LstmWeights): number[] {
  return GATES.flatMap((g) => PARTS.map((p) => w[g][p]));
}

export function lstmFromFlat(v: readonly number[]): LstmWeights {
  const w = {} as Record<GateName, GateWeights>;
  GATES.forEach((g, gi) => {
    w[g] = { short: v[gi * 3]!, input: v[gi * 3 + 1]!, bias: v[gi * 3 + 2]! };
  });
  return w as LstmWeights;
}

/**
 * Backpropagation through time for one sequence and loss (prediction − target)².
 * Returns the loss and dLoss/dParams in lstmToFlat order. The long-term memory's own gradient
 * is passed back multiplied only by the forget gate (dC_{t-1} = dC_t · f_t): no weight on that path.
 */
export function lstmLossAndGrad(w: LstmWeights, xs: readonly number[], target: number): { loss: number; grad: number[] } {
  const days = runLstm(w, xs);
  const last = days[days.length - 1]!;
  const err = last.shortOut - target;
  const grad = new Array<number>(LSTM_PARAM_COUNT).fill(0);
  let dShort = 2 * err;
  let dLong = 0;
  for (let t = days.length - 1; t >= 0; t--) {
    const d = days[t]!;
    const dOutput = dShort * d.potentialShort;
    dLong += dShort * d.output * (1 - d.potentialShort * d.potentialShort);
    const dForget = dLong * d.longIn;
    const dInputGate = dLong * d.candidate;
    const dCandidate = dLong * d.inputGate;
    const dLongPrev = dLong * d.forget;
    const dz: Record<GateName, number> = {
      forget: dForget * d.forget * (1 - d.forget),
      inputGate: dInputGate * d.inputGate * (1 - d.inputGate),
      candidate: dCandidate * (1 - d.candidate * d.candidate),
      output: dOutput * d.output * (1 - d.output),
    };
    let dShortPrev = 0;
    GATES.forEach((g, gi) => {
      grad[gi * 3]! += dz[g] * d.shortIn;
      grad[gi * 3 + 1]! += dz[g] * d.x;
      grad[gi * 3 + 2]! += dz[g];
      dShortPrev += dz[g] * w[g].short;
    });
    dShort = dShortPrev;
    dLong = dLongPrev;
  }
  return { loss: err * err, grad };
}
