import { describe, expect, it } from 'vitest';
import { TOY_DATA } from '../../../src/nn/predict/data.ts';
import { predictRnn, RNN_HAND_SOLUTION, rnnFromFlat, rnnInputSensitivity, rnnLossAndGrad, rnnToFlat, runRnn, type RnnWeights } from '../../../src/nn/predict/rnn-unit.ts';
import { expectFiniteDifferenceGradients } from '../gradcheck.ts';

const W: RnnWeights = { wInput: 0.8, wShared: 0.5, bias: 0.1, wOut: 1.5, biasOut: -0.2 };

describe('one-weight RNN', () => {
  it('computes ReLU(wInput·x + wShared·h + bias) each day', () => {
    const days = runRnn(W, [1, 0]);
    expect(days[0]!.shortOut).toBeCloseTo(0.9, 12);
    expect(days[1]!.shortOut).toBeCloseTo(0.5 * 0.9 + 0.1, 12);
    expect(predictRnn(W, [1, 0])).toBeCloseTo(1.5 * 0.55 - 0.2, 12);
  });

  it('passes day 1 to the prediction through exactly wShared^(N-1)', () => {
    const xs = [0.2, 0.4, 0.6, 0.8, 1.0, 0.3];
    const n = xs.length;
    // every pre-activation is positive for these weights, so the ReLU passes gradients unchanged
    expect(runRnn(W, xs).every((d) => d.preActivation > 0)).toBe(true);
    expect(rnnInputSensitivity(W, xs, 1)).toBe(W.wOut * W.wInput * 0.5 ** (n - 1));
    const eps = 1e-6;
    const up = [...xs];
    up[0]! += eps;
    expect((predictRnn(W, up) - predictRnn(W, xs)) / eps).toBeCloseTo(W.wOut * W.wInput * 0.5 ** (n - 1), 6);
  });

  it('has BPTT gradients that agree with finite differences', () => {
    const p = rnnToFlat(W);
    const xs = [1, 0.5, 0.25, 1];
    const { grad } = rnnLossAndGrad(W, xs, 1);
    expectFiniteDifferenceGradients(p, grad, (q) => rnnLossAndGrad(rnnFromFlat(q), xs, 1).loss);
  });

  it('can represent the toy task (the hand solution is exact)', () => {
    expect(predictRnn(RNN_HAND_SOLUTION, TOY_DATA[0]!.xs)).toBeCloseTo(0, 12);
    expect(predictRnn(RNN_HAND_SOLUTION, TOY_DATA[1]!.xs)).toBeCloseTo(1, 12);
  });
});
