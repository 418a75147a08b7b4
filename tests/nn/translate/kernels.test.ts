import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, tf } from '../../../src/nn/runtime.ts';
import { addLayerNorm, addLayerNormOps, appendKeysValues, appendKeysValuesOps, lstmCell } from '../../../src/nn/translate/kernels/fused-ops.ts';
import { lstmCellOps } from '../../../src/nn/translate/kernels/lstm-cell.ts';
import { layerNorm } from '../../../src/nn/translate/model/layers.ts';
import { lstmStep } from '../../../src/nn/translate/kernels/lstm-cell.ts';
import { maskedCrossEntropy, maskedCrossEntropyOps } from '../../../src/nn/translate/kernels/cross-entropy.ts';
import { lstmSequence, lstmSequenceOps } from '../../../src/nn/translate/kernels/lstm-sequence.ts';


beforeAll(async () => {
  await initBackend('wasm');
});

describe('fused inference kernels', () => {
  it('fused kernels compute what the plain ops compute', () => {
    tf.tidy(() => {
      const close = (a: tf.Tensor, b: tf.Tensor) => {
        expect(a.shape).toEqual(b.shape);
        const bv = b.dataSync();
        a.dataSync().forEach((v, i) => expect(v).toBeCloseTo(bv[i]!, 5));
      };
      const x = tf.randomNormal([1, 3, 16], 0, 2, 'float32', 1);
      const r = tf.randomNormal([1, 3, 16], 0, 2, 'float32', 2);
      const g = tf.randomNormal([16], 1, 0.2, 'float32', 3);
      const b = tf.randomNormal([16], 0, 0.2, 'float32', 4);
      close(addLayerNorm(tf, x, r, g, b), layerNorm(tf, tf.add(x, r), g, b));
      close(addLayerNormOps(tf, x, r, g, b), layerNorm(tf, tf.add(x, r), g, b));

      const gates = tf.randomNormal([3, 4 * 5], 0, 2, 'float32', 5);
      const c = tf.randomNormal([3, 5], 0, 1, 'float32', 6);
      const step = lstmStep(tf, { wh: tf.zeros([5, 20]) }, gates, { h: tf.zeros([3, 5]), c });
      for (const cell of [lstmCell(tf, gates, c), lstmCellOps(tf, gates, c)]) {
        close(cell.h, step.h);
        close(cell.c, step.c);
      }

      // 2 heads of 3, caches of 2 beams × 2 steps (and empty), 3 new beams from parents [1, 0, 1]
      const qkv = tf.randomNormal([1, 3, 18], 0, 1, 'float32', 7);
      for (const t of [0, 2]) {
        const keys = tf.randomNormal([2, 2, t, 3], 0, 1, 'float32', 8);
        const values = tf.randomNormal([2, 2, t, 3], 0, 1, 'float32', 9);
        const a = appendKeysValues(tf, qkv, keys, values, [1, 0, 1]);
        const o = appendKeysValuesOps(tf, qkv, keys, values, [1, 0, 1]);
        close(a.q, o.q);
        close(a.keys, o.keys);
        close(a.values, o.values);
        expect(a.keys.shape).toEqual([3, 2, t + 1, 3]);
        // beam 2's cache starts with its parent's (beam 1's) rows, then its own key
        if (t) close(a.keys.slice([2, 0, 0, 0], [1, 2, t, 3]), keys.slice([1, 0, 0, 0], [1, 2, t, 3]));
        close(a.keys.slice([2, 1, t, 0], [1, 1, 1, 3]).reshape([3]), qkv.slice([0, 2, 6 + 3], [1, 1, 3]).reshape([3]));
      }
    });
  });
});

describe('training pieces', () => {
  it('masked cross-entropy and its gradient match log-softmax (wasm kernel and plain ops)', () => {
    // logits far apart too: a row whose target has probability ~e⁻⁴⁰
    const x = tf.concat([tf.randomNormal([1, 3, 6], 0, 1, 'float32', 1), tf.mul(tf.randomNormal([1, 3, 6], 0, 1, 'float32', 2), 20)]);
    const t = tf.tensor2d([[1, 2, 0], [5, 4, 3]], [2, 3], 'int32');
    const m = tf.tensor2d([[1, 1, 0], [1, 1, 1]]);
    const ref = (v: tf.Tensor) => tf.div(tf.neg(tf.sum(tf.mul(tf.sum(tf.mul(tf.logSoftmax(v), tf.oneHot(t, 6)), -1), m))), tf.sum(m)) as tf.Scalar;
    const g2 = tf.grad(ref)(x).dataSync();
    for (const loss of [maskedCrossEntropy, maskedCrossEntropyOps]) {
      expect(loss(tf, x, t, m).dataSync()[0]).toBeCloseTo(ref(x).dataSync()[0]!, 4);
      // scaled by 3: the backward pass multiplies by the incoming gradient
      const g1 = tf.grad((v: tf.Tensor) => tf.mul(loss(tf, v, t, m), 3))(x).dataSync();
      g1.forEach((g, i) => expect(g).toBeCloseTo(3 * g2[i]!, 5));
    }
  });

  it('the fused LSTM recurrence matches plain ops: outputs, final state and every gradient, through left padding', () => {
    const [T, B, H] = [7, 5, 6];
    const xg = tf.randomNormal([T, B, 4 * H], 0, 1, 'float32', 1);
    const wh = tf.randomNormal([H, 4 * H], 0, 0.5, 'float32', 2);
    const h0 = tf.randomNormal([B, H], 0, 1, 'float32', 3);
    const c0 = tf.randomNormal([B, H], 0, 1, 'float32', 4);
    // sequence b starts at step b (left padding), so padded steps must pass nothing on
    const mask = tf.tensor2d(Array.from({ length: T * B }, (_, k) => (Math.floor(k / B) >= k % B ? 1 : 0)), [T, B]);
    const probes = [tf.randomNormal([T, B, H], 0, 1, 'float32', 5), tf.randomNormal([B, H], 0, 1, 'float32', 6), tf.randomNormal([B, H], 0, 1, 'float32', 7)];
    const run = (seq: typeof lstmSequence) => {
      const f = (x: tf.Tensor, w: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => {
        const { hs, state } = seq(tf, x, w, { h, c }, mask);
        return tf.addN([tf.sum(tf.mul(hs, probes[0]!)), tf.sum(tf.mul(state.h, probes[1]!)), tf.sum(tf.mul(state.c, probes[2]!))]) as tf.Scalar;
      };
      const out = seq(tf, xg, wh, { h: h0, c: c0 }, mask);
      return { hs: out.hs.dataSync(), c: out.state.c.dataSync(), grads: tf.grads(f)([xg, wh, h0, c0]).map((g) => g.dataSync()) };
    };
    const fused = run(lstmSequence);
    const ops = run(lstmSequenceOps);
    const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 5);
    };
    close(fused.hs, ops.hs);
    close(fused.c, ops.c);
    fused.grads.forEach((g, i) => close(g, ops.grads[i]!));
    // padding resets the state: the last sequence (padded for 4 steps) gets nothing from h₀,
    // the first (unpadded) does; at step 0 only the first sequence has an output
    expect(Array.from(fused.grads[2]!.slice((B - 1) * H))).toEqual(new Array(H).fill(0));
    expect(Array.from(fused.grads[2]!.slice(0, H)).some((v) => v !== 0)).toBe(true);
    expect(Array.from(fused.hs.slice(0, H * B)).filter((v, k) => Math.floor(k / H) >= 1 && v !== 0)).toEqual([]);
  });

  it('wasm kernel fixes: transposed matmuls and the gather gradient are right', () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5, 6], [7, 8]]);
    expect(Array.from(tf.matMul(a, b, true, true).dataSync())).toEqual([23, 31, 34, 46]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, tf.tensor1d([1, 1, 3], 'int32'))))(tf.ones([4, 2]));
    expect(Array.from(g.dataSync())).toEqual([0, 0, 2, 2, 0, 0, 1, 1]);
  });
});
