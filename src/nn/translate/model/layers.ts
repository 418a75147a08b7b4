// Small building blocks on raw tfjs ops: parameters, embeddings, dense, a fused-gate LSTM layer,
// layer norm. Parameters live in a ParamStore so models can be saved, loaded and trained.
import type * as TF from '@tensorflow/tfjs';
import { lstmSequence } from '../kernels/lstm-sequence.ts';
import type { LSTMState, LSTMWeights, TFModule, Tensor } from '../kernels/types.ts';

let stores = 0;

/** Named trainable tensors of one model (tfjs variable names are made unique per store). */
export class ParamStore {
  private readonly id = ++stores;
  readonly vars = new Map<string, TF.Variable>();
  constructor(private readonly tf: TFModule, private readonly seed: number) {}

  private n = 0;
  /** Glorot-uniform weight, or zeros/ones when `init` says so. */
  add(name: string, shape: number[], init: 'glorot' | 'zeros' | 'ones' | 'normal' = 'glorot', std = 0.1): TF.Variable {
    const tf = this.tf;
    const seed = this.seed + 7919 * ++this.n;
    let t: TF.Tensor;
    if (init === 'zeros') t = tf.zeros(shape);
    else if (init === 'ones') t = tf.ones(shape);
    else if (init === 'normal') t = tf.randomNormal(shape, 0, std, 'float32', seed);
    else {
      const fanIn = shape.length > 1 ? shape[shape.length - 2]! : shape[0]!;
      const fanOut = shape[shape.length - 1]!;
      const lim = Math.sqrt(6 / (fanIn + fanOut));
      t = tf.randomUniform(shape, -lim, lim, 'float32', seed);
    }
    const v = tf.variable(t, true, `m${this.id}/${name}`);
    t.dispose();
    this.vars.set(name, v);
    return v;
  }

  get(name: string): TF.Variable {
    const v = this.vars.get(name);
    if (!v) throw new Error(`missing parameter ${name}`);
    return v;
  }

  count(): number {
    let n = 0;
    for (const v of this.vars.values()) n += v.size;
    return n;
  }
}

/**
 * Embedding lookup: ids [...] → [..., dim]. Its gradient needs UnsortedSegmentSum, which the
 * wasm backend lacks; kernels/wasm-patches.ts registers one (no one-hot matmul needed).
 */
export function embed(tf: TFModule, table: Tensor, ids: TF.Tensor): Tensor {
  return tf.gather(table, ids.toInt());
}

/** x [..., in] · W [in, out] + b */
export function dense(tf: TFModule, x: Tensor, w: Tensor, b?: Tensor): Tensor {
  const shape = x.shape;
  const y = tf.matMul(x.reshape([-1, shape[shape.length - 1]!]) as TF.Tensor2D, w as TF.Tensor2D);
  const out = b ? tf.add(y, b) : y;
  return out.reshape([...shape.slice(0, -1), w.shape[1]!]);
}

/**
 * A whole LSTM layer over a sequence: input projections for all steps in one matmul, then the
 * recurrence (lstmSequence: one fused kernel pair on wasm). `mask` [B, T] (1 = real token) keeps
 * h and c at zero through left padding. Returns outputs [B, T, H] and the final state.
 */
export function lstmLayer(
  tf: TFModule,
  w: LSTMWeights,
  x: Tensor, // [B, T, in]
  init: LSTMState,
  mask?: Tensor, // [B, T]
): { out: Tensor; state: LSTMState } {
  // time-major so each step's slice is contiguous
  const xg = tf.add(dense(tf, tf.transpose(x, [1, 0, 2]), w.wx), w.b); // [T, B, 4H]
  const m = mask ? tf.transpose(mask) : tf.ones([x.shape[1]!, x.shape[0]!]); // [T, B]
  const { hs, state } = lstmSequence(tf, xg, w.wh, init, m);
  return { out: tf.transpose(hs, [1, 0, 2]), state }; // [B, T, H]
}

/** Layer norm over the last axis. */
export function layerNorm(tf: TFModule, x: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
}
