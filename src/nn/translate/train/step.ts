// One optimisation step, shared by training (train.ts) and its benchmark: gradients of the
// batch loss, clipped by global norm 1 (LSTMs can spike), then the optimizer's update.
import type * as TF from '@tensorflow/tfjs';
import type { Batch } from '../model/rnn.ts';
import type { Translator } from '../model/config.ts';

type TFModule = typeof TF;

/** Clips `grads` (keyed by variable name) to global norm 1 and applies them; call inside tf.tidy. */
export function clipAndApply(tf: TFModule, grads: TF.NamedTensorMap, optimizer: TF.Optimizer): void {
  const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
  const scale = tf.minimum(1, tf.div(1, tf.add(norm, 1e-6)));
  const clipped: TF.NamedTensorMap = {};
  for (const [k, g] of Object.entries(grads)) clipped[k] = tf.mul(g, scale);
  optimizer.applyGradients(clipped);
}

/** Runs one step and returns the batch loss (read back, so the step has finished). */
export function trainStep(tf: TFModule, model: Translator, batch: Batch, optimizer: TF.Optimizer, vars: TF.Variable[]): number {
  const lossValue = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => model.loss(batch), vars);
    clipAndApply(tf, grads, optimizer);
    return value;
  });
  const l = lossValue.dataSync()[0]!;
  lossValue.dispose();
  return l;
}
