// The LSTM cell as tfjs ops, the one definition every non-fused path uses: the training layer on
// backends without the fused recurrence (lstm-sequence.ts), the models' reference decoding step,
// and the fallback of the fused inference kernel (fused-ops.ts). Gates are ordered i, f, o, g.
import type * as TF from '@tensorflow/tfjs';
import type { LSTMState, LSTMWeights, TFModule, Tensor } from './types.ts';

/** One LSTM cell from its summed gates [B, 4H] (i, f, o, g) and cell state c [B, H]. */
export function lstmCellOps(tf: TFModule, gates: Tensor, c: Tensor): LSTMState {
  const hidden = c.shape[1]!;
  const [ifo, g] = tf.split(gates, [3 * hidden, hidden], 1);
  const [i, f, o] = tf.split(tf.sigmoid(ifo!), 3, 1);
  const c1 = tf.add(tf.mul(f!, c), tf.mul(i!, tf.tanh(g!)));
  return { h: tf.mul(o!, tf.tanh(c1)), c: c1 };
}

/** One step from pre-projected input gates xg [B, 4H]: one matmul, then the cell. */
export function lstmStep(tf: TFModule, w: Pick<LSTMWeights, 'wh'>, xg: Tensor, s: LSTMState): LSTMState {
  return lstmCellOps(tf, tf.add(xg, tf.matMul(s.h as TF.Tensor2D, w.wh as TF.Tensor2D)), s.c); // gates [B, 4H]
}
