// Fused inference ops for the decoders. On wasm every tfjs op costs ~5–10 µs of engine overhead,
// while a decoder step's tensors are tiny ([beams, 128]): layer norm as tfjs ops is ~12 kernels
// (moments, sub, sqrt, div, …), the LSTM cell 9, a self-attention cache update 7 (split,
// reshapes, gathers, concats; and wasm's Concat copies element by element in JS). Each becomes
// one JS kernel that reads and writes the wasm heap directly (like wasm-patches.ts), and dense
// layers call the fused matmul kernel without tf.fused.matMul's gradient wrapper. Forward only
// (no gradients): training keeps the plain ops in model/layers.ts. On other backends (tfjs-node, cpu)
// the same maths runs as ordinary tfjs ops.
import type * as TF from '@tensorflow/tfjs';
import { lstmCellOps } from './lstm-cell.ts';
import type { TFModule, Tensor, WasmBackend } from './types.ts';

const ADD_LAYER_NORM = 'NnTutorAddLayerNorm';
const LSTM_CELL = 'NnTutorLstmCell';
const APPEND_KV = 'NnTutorAppendKeysValues';
const GATHER_ROWS = 'NnTutorGatherRows';

/** The inference kernels on wasm (registerKernels() in index.ts calls this once). */
export function registerFusedOps(tf: TFModule): void {
  if (!tf.getKernel(ADD_LAYER_NORM, 'wasm')) {
    tf.registerKernel({
      kernelName: ADD_LAYER_NORM,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x, r, gamma, beta } = inputs as Record<'x' | 'r' | 'gamma' | 'beta', TF.TensorInfo>;
        const eps = (attrs as unknown as { eps: number }).eps;
        const be = backend as unknown as WasmBackend;
        const d = x.shape[x.shape.length - 1]!;
        const out = be.makeOutput([...x.shape], 'float32');
        // views after makeOutput: allocating may grow (and move) the heap
        const xs = be.typedArrayFromHeap(x) as Float32Array;
        const rs = be.typedArrayFromHeap(r) as Float32Array;
        const g = be.typedArrayFromHeap(gamma) as Float32Array;
        const b = be.typedArrayFromHeap(beta) as Float32Array;
        const o = be.typedArrayFromHeap(out) as Float32Array;
        for (let row = 0; row < xs.length; row += d) {
          let mean = 0;
          for (let i = 0; i < d; i++) mean += (o[row + i] = xs[row + i]! + rs[row + i]!);
          mean /= d;
          let variance = 0;
          for (let i = 0; i < d; i++) variance += (o[row + i]! - mean) ** 2;
          const inv = 1 / Math.sqrt(variance / d + eps);
          for (let i = 0; i < d; i++) o[row + i] = (o[row + i]! - mean) * inv * g[i]! + b[i]!;
        }
        return out;
      },
    });
  }
  if (!tf.getKernel(LSTM_CELL, 'wasm')) {
    tf.registerKernel({
      kernelName: LSTM_CELL,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend }) => {
        const { gates, c } = inputs as Record<'gates' | 'c', TF.TensorInfo>;
        const be = backend as unknown as WasmBackend;
        const [batch, hidden] = c.shape as [number, number];
        const hOut = be.makeOutput([batch, hidden], 'float32');
        const cOut = be.makeOutput([batch, hidden], 'float32');
        const z = be.typedArrayFromHeap(gates) as Float32Array;
        const c0 = be.typedArrayFromHeap(c) as Float32Array;
        const h1 = be.typedArrayFromHeap(hOut) as Float32Array;
        const c1 = be.typedArrayFromHeap(cOut) as Float32Array;
        const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
        for (let n = 0; n < batch; n++) {
          const zr = n * 4 * hidden; // gates are ordered i, f, o, g
          for (let k = 0; k < hidden; k++) {
            const i = sigmoid(z[zr + k]!);
            const f = sigmoid(z[zr + hidden + k]!);
            const o = sigmoid(z[zr + 2 * hidden + k]!);
            const g = Math.tanh(z[zr + 3 * hidden + k]!);
            const cell = f * c0[n * hidden + k]! + i * g;
            c1[n * hidden + k] = cell;
            h1[n * hidden + k] = o * Math.tanh(cell);
          }
        }
        return [hOut, cOut];
      },
    });
  }
  if (!tf.getKernel(GATHER_ROWS, 'wasm')) {
    tf.registerKernel({
      kernelName: GATHER_ROWS,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { x } = inputs as { x: TF.TensorInfo };
        const { rows } = attrs as unknown as { rows: number[] };
        const be = backend as unknown as WasmBackend;
        const [n, ...rest] = x.shape;
        const inner = rest.reduce((a, d) => a * d, 1);
        for (const r of rows) if (!(r >= 0 && r < n!)) throw new RangeError(`gatherRows: row ${r} is not in [0, ${n! - 1}]`);
        const out = be.makeOutput([rows.length, ...rest], x.dtype);
        const xs = be.typedArrayFromHeap(x);
        const o = be.typedArrayFromHeap(out);
        rows.forEach((r, i) => o.set(xs.subarray(r * inner, (r + 1) * inner), i * inner));
        return out;
      },
    });
  }
  if (!tf.getKernel(APPEND_KV, 'wasm')) {
    tf.registerKernel({
      kernelName: APPEND_KV,
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { qkv, keys, values } = inputs as Record<'qkv' | 'keys' | 'values', TF.TensorInfo>;
        const { parents } = attrs as unknown as { parents: number[] };
        const be = backend as unknown as WasmBackend;
        const [, heads, t, dh] = keys.shape as [number, number, number, number];
        const K = parents.length;
        const D = heads * dh;
        const qOut = be.makeOutput([K, heads, 1, dh], 'float32');
        const kOut = be.makeOutput([K, heads, t + 1, dh], 'float32');
        const vOut = be.makeOutput([K, heads, t + 1, dh], 'float32');
        const z = be.typedArrayFromHeap(qkv) as Float32Array;
        const caches = [be.typedArrayFromHeap(keys) as Float32Array, be.typedArrayFromHeap(values) as Float32Array];
        const outs = [be.typedArrayFromHeap(kOut) as Float32Array, be.typedArrayFromHeap(vOut) as Float32Array];
        const q = be.typedArrayFromHeap(qOut) as Float32Array;
        for (let k = 0; k < K; k++) {
          for (let h = 0; h < heads; h++) {
            const row = k * 3 * D + h * dh; // this beam's q | k | v, head h
            q.set(z.subarray(row, row + dh), (k * heads + h) * dh);
            const src = (parents[k]! * heads + h) * t * dh;
            const dst = (k * heads + h) * (t + 1) * dh;
            for (let m = 0; m < 2; m++) {
              outs[m]!.set(caches[m]!.subarray(src, src + t * dh), dst);
              outs[m]!.set(z.subarray(row + (m + 1) * D, row + (m + 1) * D + dh), dst + t * dh);
            }
          }
        }
        return [qOut, kOut, vOut];
      },
    });
  }
}

const useWasm = (tf: TFModule) => tf.getBackend() === 'wasm';

/**
 * x [..., in] · w + bias, with an optional relu, as one fused matmul kernel; `w3` is the weight
 * reshaped once to [1, in, out] and x is best kept as [1, rows, in] (no reshapes then).
 */
export function linear(tf: TFModule, x: Tensor, w3: Tensor, bias: Tensor, activation: 'linear' | 'relu' = 'linear'): Tensor {
  const [, inDim, outDim] = w3.shape as [number, number, number];
  const x3 = x.rank === 3 && x.shape[0] === 1 ? x : x.reshape([1, -1, inDim]);
  const attrs = { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0.2 };
  const y = tf.engine().runKernel('_FusedMatMul', { a: x3, b: w3, bias }, attrs as unknown as TF.NamedAttrMap) as Tensor;
  return x3 === x ? y : y.reshape([...x.shape.slice(0, -1), outDim]);
}

/**
 * x[rows] along the first axis. wasm's GatherV2 costs ~60 µs for a few rows of the 2251 × 128
 * embedding table (its C++ loop seems to scale with the table); this copies just the rows, and
 * takes the row numbers as plain numbers (no index tensor to create).
 */
export function gatherRows(tf: TFModule, x: Tensor, rows: readonly number[]): Tensor {
  if (!useWasm(tf)) return tf.gather(x, tf.tensor1d([...rows], 'int32'));
  return tf.engine().runKernel(GATHER_ROWS, { x }, { rows: [...rows] } as unknown as TF.NamedAttrMap) as Tensor;
}

/**
 * One decoding step's self-attention cache: for each beam k, the cached keys and values of its
 * parent beam `parents[k]` followed by this step's key and value. qkv [1, K, 3D] is the step's
 * fused q | k | v projection, keys and values [K₀, h, t, dh] the caches (t may be 0).
 * Returns q [K, h, 1, dh] and the new caches [K, h, t+1, dh].
 */
export function appendKeysValues(tf: TFModule, qkv: Tensor, keys: Tensor, values: Tensor, parents: readonly number[]): { q: Tensor; keys: Tensor; values: Tensor } {
  if (!useWasm(tf)) return appendKeysValuesOps(tf, qkv, keys, values, parents);
  const [q, k, v] = tf.engine().runKernel(APPEND_KV, { qkv, keys, values }, { parents: [...parents] } as unknown as TF.NamedAttrMap) as Tensor[];
  return { q: q!, keys: k!, values: v! };
}

/** appendKeysValues as plain tfjs ops (other backends; tests). */
export function appendKeysValuesOps(tf: TFModule, qkv: Tensor, keys: Tensor, values: Tensor, parents: readonly number[]): { q: Tensor; keys: Tensor; values: Tensor } {
  const [, heads, t, dh] = keys.shape as [number, number, number, number];
  const K = parents.length;
  const idx = tf.tensor1d([...parents], 'int32');
  const [q, k, v] = tf.split(qkv.reshape([K, 3 * heads * dh]), 3, 1).map((x) => x.reshape([K, heads, 1, dh]));
  if (t === 0) return { q: q!, keys: k!, values: v! }; // (gathering an empty cache misbehaves on wasm)
  return { q: q!, keys: tf.concat([tf.gather(keys, idx), k!], 2), values: tf.concat([tf.gather(values, idx), v!], 2) };
}

/** layerNorm(x + r) · gamma + beta over the last axis; x, r [..., D]. */
export function addLayerNorm(tf: TFModule, x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  if (!useWasm(tf)) return addLayerNormOps(tf, x, r, gamma, beta, eps);
  return tf.engine().runKernel(ADD_LAYER_NORM, { x, r, gamma, beta }, { eps } as unknown as TF.NamedAttrMap) as Tensor;
}

/** addLayerNorm as plain tfjs ops (other backends; tests). */
export function addLayerNormOps(tf: TFModule, x: Tensor, r: Tensor, gamma: Tensor, beta: Tensor, eps = 1e-5): Tensor {
  const s = tf.add(x, r);
  const { mean, variance } = tf.moments(s, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(s, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
}

/** One LSTM cell from its summed gates [B, 4H] (i, f, o, g) and cell state c [B, H]. */
export function lstmCell(tf: TFModule, gates: Tensor, c: Tensor): { h: Tensor; c: Tensor } {
  if (!useWasm(tf)) return lstmCellOps(tf, gates, c);
  const [h, c1] = tf.engine().runKernel(LSTM_CELL, { gates, c }) as Tensor[];
  return { h: h!, c: c1! };
}
