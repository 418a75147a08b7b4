import { describe, expect, it } from 'vitest';
import { LSTM_PARAM_COUNT, lstmFromFlat, lstmLossAndGrad, lstmStep, lstmToFlat, predictLstm, runLstm, type LstmWeights } from '../../src/nn/lstm-unit.ts';
import { TOY_DATA } from '../../src/nn/predict/data.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';
import { expectFiniteDifferenceGradients } from './gradcheck.ts';

const W: LstmWeights = {
  forget: { short: 2.7, input: 1.63, bias: 1.62 },
  inputGate: { short: 2.0, input: 1.65, bias: 0.62 },
  candidate: { short: 1.41, input: 0.94, bias: -0.32 },
  output: { short: 4.38, input: -0.19, bias: 0.59 },
};

describe('one-unit LSTM', () => {
  it('matches independently written scalar math for one step', () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    const long = 0.3, short = -0.2, x = 0.5;
    const f = s(2.7 * short + 1.63 * x + 1.62);
    const i = s(2.0 * short + 1.65 * x + 0.62);
    const g = Math.tanh(1.41 * short + 0.94 * x - 0.32);
    const o = s(4.38 * short - 0.19 * x + 0.59);
    const c = long * f + g * i;
    const h = Math.tanh(c) * o;
    const d = lstmStep(W, x, long, short);
    expect(d.forget).toBeCloseTo(f, 12);
    expect(d.inputGate).toBeCloseTo(i, 12);
    expect(d.candidate).toBeCloseTo(g, 12);
    expect(d.output).toBeCloseTo(o, 12);
    expect(d.longOut).toBeCloseTo(c, 12);
    expect(d.shortOut).toBeCloseTo(h, 12);
  });

  it('threads memories from day to day, starting from zero', () => {
    const days = runLstm(W, [0, 1]);
    expect(days[0]!.longIn).toBe(0);
    expect(days[0]!.shortIn).toBe(0);
    expect(days[1]!.longIn).toBe(days[0]!.longOut);
    expect(days[1]!.shortIn).toBe(days[0]!.shortOut);
    expect(predictLstm(W, [0, 1])).toBe(days[1]!.shortOut);
  });

  it('round-trips the flat parameter vector', () => {
    expect(lstmFromFlat(lstmToFlat(W))).toEqual(W);
    expect(lstmToFlat(W)).toHaveLength(LSTM_PARAM_COUNT);
  });

  it('has backpropagation-through-time gradients that agree with finite differences', () => {
    const p = lstmToFlat(W);
    const xs = [1, 0.5, 0.25, 1];
    const { grad } = lstmLossAndGrad(W, xs, 0.3);
    expectFiniteDifferenceGradients(p, grad, (q) => lstmLossAndGrad(lstmFromFlat(q), xs, 0.3).loss);
  });

  it('the shipped model solves the notes’ toy task (|error| < 0.1)', () => {
    const { lstm } = loadPredictModels();
    const [a, b] = TOY_DATA;
    expect(predictLstm(lstm, a!.xs)).toBeLessThan(0.1);
    expect(predictLstm(lstm, b!.xs)).toBeGreaterThan(0.9);
  });
});
