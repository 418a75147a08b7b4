// Data-parallel training: a step split over a worker replica must equal the one-thread step on the
// whole batch (same loss, same updated weights), because the shares' gradients are weighted by
// their target tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../../src/nn/runtime.ts';
import { createModel, type ModelConfig } from '../../../../src/nn/translate/model/config.ts';
import { disposeBatch, type Encoded, makeBatch } from '../../../../src/nn/translate/train/batches.ts';
import { ParallelTrainer, splitBatch } from '../../../../src/nn/translate/train/parallel.ts';
import { trainStep } from '../../../../src/nn/translate/train/step.ts';

const config: ModelConfig = { kind: 'transformer', srcVocab: 30, tgtVocab: 40, dModel: 16, heads: 2, ff: 32, encLayers: 1, decLayers: 1, maxLen: 16 };
// shares of different lengths, so a plain (unweighted) mean of the two gradients would differ
const examples: Encoded[] = [
  { src: [5, 6, 7], tgt: [8, 9] },
  { src: [10, 11], tgt: [12, 13, 14, 15, 16, 17] },
  { src: [5, 12, 7, 9], tgt: [20, 21, 22] },
  { src: [18], tgt: [30, 31, 32, 33, 34, 35, 36] },
  { src: [19, 20, 21], tgt: [9] },
];

let backend: string;
let parallel: ParallelTrainer | undefined;
beforeAll(async () => {
  backend = await initBackend();
});
afterAll(async () => {
  await parallel?.close();
});

describe('splitBatch', () => {
  it('deals examples round robin into the given number of shares', () => {
    expect(splitBatch([1, 2, 3, 4, 5], 2)).toEqual([[1, 3, 5], [2, 4]]);
    expect(splitBatch([1], 3)).toEqual([[1], [], []]);
  });
});

describe('ParallelTrainer', () => {
  it('takes the same step on two threads as on one', async () => {
    const one = createModel(tf, config, 3);
    const two = createModel(tf, config, 3);
    const vars = [...one.params.vars.values()];
    // plain SGD, so the weights show the gradient itself (Adam's g/√v would blow a 1e-9
    // rounding difference in a near-zero gradient up to a full learning-rate step)
    const optOne = tf.train.sgd(0.5);
    const optTwo = tf.train.sgd(0.5);
    parallel = await ParallelTrainer.start(two, 2, false, backend);
    expect(parallel.threads).toBe(2);
    for (let s = 0; s < 3; s++) {
      const batch = makeBatch(tf, examples, examples.map((_, i) => i), false);
      const lossOne = trainStep(tf, one, batch, optOne, vars);
      disposeBatch(batch);
      const lossTwo = await parallel.step(tf, two, examples, false, optTwo);
      expect(lossTwo).toBeCloseTo(lossOne, 4);
    }
    let maxDiff = 0;
    let moved = 0;
    const fresh = createModel(tf, config, 3);
    for (const [name, v] of one.params.vars) {
      const a = v.dataSync();
      const b = two.params.get(name).dataSync();
      const init = fresh.params.get(name).dataSync();
      for (let i = 0; i < a.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
        moved = Math.max(moved, Math.abs(a[i]! - init[i]!));
      }
    }
    expect(moved).toBeGreaterThan(0.01); // the steps did change the weights
    expect(maxDiff).toBeLessThan(1e-4);
  }, 60_000);
});
