// Two fixes for the wasm backend, installed by registerKernels() (index.ts):
// 1. BatchMatMul with transposeA/transposeB runs 10–15× slower than an explicit Transpose
//    followed by a plain matmul (measured here: 812 ms vs 110 ms for 512×3072·3072×128).
//    Every matmul gradient uses those flags, so we transpose first and call the plain kernel.
// 2. wasm has no UnsortedSegmentSum, the kernel behind the gradient of tf.gather (embedding
//    lookup); this JS version reads and writes the wasm heap directly.
import type * as TF from '@tensorflow/tfjs';

import type { TFModule, WasmBackend } from './types.ts';

/** Call once, with the wasm backend active. */
export function patchWasmKernels(tf: TFModule): void {
  const matmul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (matmul && transpose) {
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel({
      kernelName: 'BatchMatMul',
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { a, b } = inputs as { a: TF.TensorInfo; b: TF.TensorInfo };
        const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
        const be = backend as unknown as WasmBackend;
        const flip = (x: TF.TensorInfo) => {
          const r = x.shape.length;
          const perm = [...Array(r - 2).keys(), r - 1, r - 2];
          return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TF.TensorInfo;
        };
        const a2 = transposeA ? flip(a) : a;
        const b2 = transposeB ? flip(b) : b;
        const out = matmul.kernelFunc({ inputs: { a: a2, b: b2 }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
        if (a2 !== a) be.disposeData(a2.dataId);
        if (b2 !== b) be.disposeData(b2.dataId);
        return out;
      },
    });
  }
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    tf.registerKernel({
      kernelName: 'UnsortedSegmentSum',
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, segmentIds } = inputs as { x: TF.TensorInfo; segmentIds: TF.TensorInfo };
        const { numSegments } = attrs as unknown as { numSegments: number };
        const be = backend as unknown as WasmBackend;
        const inner = x.shape.slice(1).reduce((p, d) => p * d, 1);
        const out = be.makeOutput([numSegments, ...x.shape.slice(1)], 'float32');
        // views after makeOutput: allocating may grow (and move) the heap
        const xs = be.typedArrayFromHeap(x) as Float32Array;
        const ids = be.typedArrayFromHeap(segmentIds) as Int32Array;
        const o = be.typedArrayFromHeap(out) as Float32Array;
        o.fill(0);
        for (let n = 0; n < ids.length; n++) {
          const s = ids[n]!;
          if (s < 0 || s >= numSegments) continue;
          const src = n * inner;
          const dst = s * inner;
          for (let k = 0; k < inner; k++) o[dst + k]! += xs[src + k]!;
        }
        return out;
      },
    });
  }
}
