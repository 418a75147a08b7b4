// The training loss: mean cross-entropy per target token, pads masked out. On wasm it is one
// kernel: the softmax over the ~3,300 Spanish words of every target token is the largest
// elementwise work of a training step ([N, V] ≈ 600 × 3,320). As tfjs ops it took ~30 ms (wasm's
// Exp alone 17 ms: ~8.6 ns per element, not vectorised); wasm's Softmax (XNNPACK) takes 3 ms.
// The softmax buffer is then turned in place into the gradient, (softmax − one-hot) · mask / Σ mask,
// which the backward pass only scales.
import type * as TF from '@tensorflow/tfjs';
import { useFusedTraining } from './fused-training.ts';
import type { TFModule, Tensor, WasmBackend } from './types.ts';

const KERNEL = 'NnTutorMaskedCrossEntropy';

/** The fused loss on wasm (registerKernels() in index.ts calls this once). */
export function registerCrossEntropy(tf: TFModule): void {
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    // inputs logits [N, V], target [N] int32, mask [N]; outputs loss [] and its gradient [N, V]
    kernelFunc: ({ inputs, backend }) => {
      const { logits, target, mask } = inputs as Record<'logits' | 'target' | 'mask', TF.TensorInfo>;
      const be = backend as unknown as WasmBackend;
      const [N, V] = logits.shape as [number, number];
      const grad = tf.getKernel('Softmax', 'wasm')!.kernelFunc({ inputs: { logits }, backend, attrs: { dim: 1 } }) as TF.TensorInfo;
      const loss = be.makeOutput([], 'float32');
      const P = be.typedArrayFromHeap(grad) as Float32Array;
      const L = be.typedArrayFromHeap(logits) as Float32Array;
      const Y = be.typedArrayFromHeap(target) as Int32Array, M = be.typedArrayFromHeap(mask) as Float32Array;
      let count = 0;
      for (let r = 0; r < N; r++) count += M[r]!;
      const scale = 1 / Math.max(count, 1);
      let total = 0;
      for (let r = 0; r < N; r++) {
        const w = M[r]! * scale;
        const t = r * V + Y[r]!;
        if (w > 0) total += w * negLogSoftmax(P[t]!, L, r * V, V, t);
        for (let k = r * V; k < (r + 1) * V; k++) P[k]! *= w;
        P[t]! -= w;
      }
      (be.typedArrayFromHeap(loss) as Float32Array)[0] = total;
      return [loss, grad];
    },
  });
  tf.registerGradient({
    kernelName: KERNEL,
    inputsToSave: ['target', 'mask'],
    outputsToSave: [false, true],
    gradFunc: (dy, saved) => {
      const [dLoss] = dy as Tensor[];
      const [target, mask, grad] = saved as Tensor[];
      return { logits: () => tf.mul(grad!, dLoss!), target: () => tf.zerosLike(target!), mask: () => tf.zerosLike(mask!) };
    },
  });
}

/**
 * −log softmax(x)[t] from the softmax value p; where p underflowed (x[t] more than ~69 below the
 * row's maximum) it is recomputed from the logits row as logsumexp(x) − x[t].
 */
function negLogSoftmax(p: number, x: Float32Array, start: number, n: number, t: number): number {
  if (p > 1e-30) return -Math.log(p);
  let max = -Infinity;
  for (let k = start; k < start + n; k++) if (x[k]! > max) max = x[k]!;
  let sum = 0;
  for (let k = start; k < start + n; k++) sum += Math.exp(x[k]! - max);
  return Math.log(sum) + max - x[t]!;
}

/** Mean cross-entropy per target token: logits [..., V], target [...] ids, mask [...] (1 = token). */
export function maskedCrossEntropy(tf: TFModule, logits: Tensor, target: Tensor, mask: Tensor): TF.Scalar {
  if (!useFusedTraining(tf)) return maskedCrossEntropyOps(tf, logits, target, mask);
  const vocab = logits.shape[logits.shape.length - 1]!;
  const inputs = { logits: logits.reshape([-1, vocab]), target: target.reshape([-1]).toInt(), mask: mask.reshape([-1]).toFloat() };
  return (tf.engine().runKernel(KERNEL, inputs) as Tensor[])[0] as TF.Scalar;
}

/**
 * maskedCrossEntropy as tfjs ops (other backends; tests): logsumexp(x) − x[target]. The row
 * maximum is taken as a constant (copied out of the tape): tfjs's own logSumExp differentiates
 * through Max, an [N, V] Equal that alone took longer than all matmuls of a step on wasm.
 */
export function maskedCrossEntropyOps(tf: TFModule, logits: Tensor, target: Tensor, mask: Tensor): TF.Scalar {
  const vocab = logits.shape[logits.shape.length - 1]!;
  const flat = logits.reshape([-1, vocab]); // [N, V]
  const n = flat.shape[0]!;
  const rowMax = tf.tensor2d(tf.max(flat, -1).dataSync() as Float32Array, [n, 1]); // constant [N, 1]
  const lse = tf.add(tf.log(tf.sum(tf.exp(tf.sub(flat, rowMax)), -1)), rowMax.reshape([-1])); // [N]
  const index = tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(vocab, 'int32')), target.reshape([-1]).toInt()); // [N]
  const picked = tf.gather(flat.reshape([-1]), index); // [N]
  const m = mask.reshape([-1]);
  return tf.div(tf.sum(tf.mul(tf.sub(lse, picked), m)), tf.maximum(tf.sum(m), 1)) as TF.Scalar;
}
