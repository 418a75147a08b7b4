// Issue 16 §2: the /explain rnn facts: dead ReLU in the shipped toy, success rate over seeds,
// vanishing/exploding measured on a tanh RNN, and one convention (k steps back) throughout.
import { describe, expect, it } from 'vitest';
import { rnnTopic, toyFacts } from '../../src/explain/rnn.ts';
import { RNN_SEED_SURVEY, rnnSeedSurvey } from '../../src/explain/rnn-seeds.ts';
import { TANH_CASES, tanhRnnSensitivity } from '../../src/explain/rnn-tanh.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';

const allText = async (days?: number) => {
  const e = await rnnTopic.explain({ depth: 'deep', days });
  return [e.text, ...(e.sections ?? []).map((s) => s.value)].join('\n');
};

describe('the shipped toy RNN', () => {
  it('is a dead ReLU: last-day pre-activations negative, prediction = output bias, no hidden gradient', async () => {
    const toy = toyFacts();
    for (const r of toy.runs) {
      expect(r.days.at(-1)!.preActivation).toBeLessThan(0);
      expect(r.prediction).toBe(loadPredictModels().rnn.biasOut);
    }
    // company B (day 1 = 1): every one of the 4 days is off
    expect(toy.runs[1]!.days.every((d) => d.preActivation < 0)).toBe(true);
    expect(toy.hiddenGradZero).toBe(true);
    const text = await allText();
    expect(text).toContain('dead ReLU');
    expect(text).not.toMatch(/8 of 8/);
  });

  it('quotes a success rate over 10 seeds that re-training reproduces', () => {
    expect(rnnSeedSurvey(RNN_SEED_SURVEY.seeds)).toEqual(RNN_SEED_SURVEY);
  }, 30_000);

  it('reports that rate in the reply', async () => {
    const solved = RNN_SEED_SURVEY.solved.reduce((a, b) => a + b, 0);
    expect(await allText()).toContain(`${solved} of ${RNN_SEED_SURVEY.seeds.length * RNN_SEED_SURVEY.startsPerSeed} starts solved the task`);
  });
});

describe('vanishing and exploding, measured on a tanh RNN', () => {
  it('∂output/∂input k steps back grows as 1.5^k near 0 and shrinks for w = 0.5 and for a saturated tanh', () => {
    const [explodes, vanishes, saturated] = TANH_CASES.map((c) => tanhRnnSensitivity(c, 40));
    expect(explodes![39]! / explodes![0]!).toBeCloseTo(1.5 ** 39, -10);
    expect(vanishes![39]!).toBeLessThan(1e-10);
    expect(saturated![39]!).toBeLessThan(1e-10);
    for (const s of [vanishes!, saturated!]) for (let k = 1; k < 35; k++) expect(s[k]!).toBeLessThan(s[k - 1]!); // the first steps from h = 0 are less saturated
  });

  it('matches a finite difference of the real forward pass', () => {
    const c = TANH_CASES[2]!;
    const T = 20;
    const run = (bump: number, at: number) => {
      let h = 0;
      for (let t = 0; t < T; t++) h = Math.tanh(c.w * h + c.input + (t === at ? bump : 0));
      return h;
    };
    const k = 3;
    const eps = 1e-6;
    const numeric = (run(eps, T - 1 - k) - run(-eps, T - 1 - k)) / (2 * eps);
    expect(tanhRnnSensitivity(c, T)[k]!).toBeCloseTo(Math.abs(numeric), 8);
  });
});

describe('one convention: steps back', () => {
  it('uses w^k with k = days − 1 in the text, the formula and the chart axis', async () => {
    const e = await rnnTopic.explain({ depth: 'deep', days: 10 });
    const text = [e.text, ...(e.sections ?? []).map((s) => s.value)].join('\n');
    expect(text).toContain('2^9 = **512**');
    expect(text).not.toContain('2^10');
    expect(text).toContain('w^k');
    expect(e.image!.alt).toContain('k = 0 to 9');
  });
});
