// How often training the /predict toy RNN from random starts solves the task, over several seeds.
// Training 10 seeds × 8 starts takes ~1.6 s, too slow per request, so the explainer quotes
// RNN_SEED_SURVEY and tests/explain/rnn.test.ts re-runs rnnSeedSurvey() to prove it current.
import { TOY_DATA } from '../nn/predict/data.ts';
import { RNN_KEYS, rnnFromFlat, rnnLossAndGrad } from '../nn/predict/rnn-unit.ts';
import { DEFAULT_TRAIN, train } from '../nn/predict/train.ts';

/** A start "solved" the task when its mean squared error is below this (stalled ones end at 0.25). */
export const SOLVED_LOSS = 0.01;

export interface SeedSurvey {
  seeds: number[];
  startsPerSeed: number;
  solved: number[]; // per seed, how many of its starts solved the task
}

export function rnnSeedSurvey(seeds: readonly number[]): SeedSurvey {
  const f = (p: readonly number[], xs: readonly number[], t: number) => rnnLossAndGrad(rnnFromFlat(p), xs, t);
  const solved = seeds.map((seed) => train(f, RNN_KEYS.length, TOY_DATA, { ...DEFAULT_TRAIN, seed }).restartLosses.filter((l) => l < SOLVED_LOSS).length);
  return { seeds: [...seeds], startsPerSeed: DEFAULT_TRAIN.restarts, solved };
}

/** rnnSeedSurvey([1, …, 10]) with DEFAULT_TRAIN (3,000 Adam steps, 8 starts per seed). */
export const RNN_SEED_SURVEY: SeedSurvey = {
  seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  startsPerSeed: 8,
  solved: [2, 2, 4, 3, 2, 0, 2, 1, 2, 2],
};
