// A whole LSTM layer's recurrence as one forward kernel and one backward kernel, for training on
// wasm. As plain tfjs ops each time step is ~13 kernels forward and ~25 backward (split, sigmoid,
// tanh, mul, add, masks, their gradients, transposes), each paying the engine's per-op cost on
// tensors of only [B, 4H] ≈ 60 × 512; a training step of the attention model ran ~4,000 kernels.
// Here the gate arithmetic runs in JS on the wasm heap, and only the recurrent matmuls go to
// wasm's BatchMatMul (called directly, without the engine): h·Wh forward, dGates·Whᵀ backward,
// and dWh = Σₜ hₜ₋₁ᵀ·dGatesₜ as one matmul over all steps. The input projection x·Wx + b stays
// an ordinary op outside (one matmul for all steps), so its gradients come from tfjs as before.
// Other backends (tfjs-node, cpu) run lstmSequenceOps: the same maths as tfjs ops.
import type * as TF from '@tensorflow/tfjs';
import { useFusedTraining } from './fused-training.ts';
import { lstmStep } from './lstm-cell.ts';
import type { LSTMState, TFModule, Tensor, WasmBackend } from './types.ts';

const FORWARD = 'NnTutorLstmSequence';
const BACKWARD = 'NnTutorLstmSequenceGrad';

type Heap = (t: TF.TensorInfo) => Float32Array;
type MatMul = (a: TF.TensorInfo, b: TF.TensorInfo) => TF.TensorInfo;
type Unary = (x: TF.TensorInfo) => TF.TensorInfo;

/**
 * Direct calls of wasm kernels (no engine bookkeeping). The gates use wasm's Sigmoid (XNNPACK,
 * vectorised: ~1.5 ns per element here, against ~25–50 ns for Math.exp or Math.tanh in JS and
 * ~21 ns for wasm's own Tanh); tanh(x) = 2σ(2x) − 1.
 */
function wasmHelpers(tf: TFModule, backend: unknown): { be: WasmBackend; heap: Heap; matMul: MatMul; sigmoid: Unary } {
  const be = backend as WasmBackend;
  const kb = backend as TF.KernelBackend;
  const mm = tf.getKernel('BatchMatMul', 'wasm')!;
  const sig = tf.getKernel('Sigmoid', 'wasm')!;
  const matMul: MatMul = (a, b) => mm.kernelFunc({ inputs: { a, b }, backend: kb, attrs: { transposeA: false, transposeB: false } }) as TF.TensorInfo;
  const sigmoid: Unary = (x) => sig.kernelFunc({ inputs: { x }, backend: kb, attrs: {} }) as TF.TensorInfo;
  return { be, heap: (t) => be.typedArrayFromHeap(t) as Float32Array, matMul, sigmoid };
}

/** A tensor's data seen with another shape (same heap data; for matmul's rank-3 inputs). */
const view = (t: TF.TensorInfo, shape: number[]): TF.TensorInfo => ({ dataId: t.dataId, shape, dtype: t.dtype });

/** The fused recurrence on wasm (registerKernels() in index.ts calls this once). */
export function registerLstmSequence(tf: TFModule): void {
  tf.registerKernel({
    kernelName: FORWARD,
    backendName: 'wasm',
    // inputs xg [T, B, 4H] (x·Wx + b, gates i, f, o, g), wh [H, 4H], h0 and c0 [B, H], mask [T, B]
    // outputs hs [T, B, H], cT [B, H], and for the gradient acts [T, B, 4H] (σ(i), σ(f), σ(o),
    // tanh(g)), cs [T, B, H] (cell states) and tcs [T, B, H] (their tanh)
    kernelFunc: ({ inputs, backend }) => {
      const { xg, wh, h0, c0, mask } = inputs as Record<'xg' | 'wh' | 'h0' | 'c0' | 'mask', TF.TensorInfo>;
      const { be, heap, matMul, sigmoid } = wasmHelpers(tf, backend);
      const [T, B, G] = xg.shape as [number, number, number];
      const H = G / 4;
      const hs = be.makeOutput([T, B, H], 'float32');
      const cT = be.makeOutput([B, H], 'float32');
      const acts = be.makeOutput([T, B, G], 'float32');
      const cs = be.makeOutput([T, B, H], 'float32');
      const tcs = be.makeOutput([T, B, H], 'float32');
      const hPrev = be.makeOutput([1, B, H], 'float32'); // scratch: the matmul's left operand
      const z = be.makeOutput([B, G], 'float32'); // scratch: gate pre-activations (g doubled)
      const z2 = be.makeOutput([B, H], 'float32'); // scratch: 2c
      heap(hPrev).set(heap(h0));
      const cPrev = Float32Array.from(heap(c0));
      const wh3 = view(wh, [1, H, G]);
      for (let t = 0; t < T; t++) {
        const rec = matMul(hPrev, wh3); // [1, B, 4H]
        {
          // views after each kernel call: allocating may grow (and move) the heap
          const X = heap(xg), R = heap(rec), Z = heap(z);
          const off = t * B * G;
          for (let k = 0; k < B * G; k++) Z[k] = X[off + k]! + R[k]!;
          for (let b = 0; b < B; b++) for (let j = 3 * H; j < G; j++) Z[b * G + j]! *= 2;
        }
        be.disposeData(rec.dataId);
        const s = sigmoid(z);
        {
          const S = heap(s), A = heap(acts), C = heap(cs), Z2 = heap(z2), M = heap(mask);
          for (let b = 0; b < B; b++) {
            const m = M[t * B + b]!;
            const g0 = (t * B + b) * G;
            const s0 = (t * B + b) * H;
            for (let j = 0; j < H; j++) {
              const i = S[b * G + j]!, f = S[b * G + H + j]!, g = 2 * S[b * G + 3 * H + j]! - 1;
              A[g0 + j] = i;
              A[g0 + H + j] = f;
              A[g0 + 2 * H + j] = S[b * G + 2 * H + j]!;
              A[g0 + 3 * H + j] = g;
              // the mask keeps h and c at zero through left padding
              const c = m * (f * cPrev[b * H + j]! + i * g);
              C[s0 + j] = c;
              cPrev[b * H + j] = c;
              Z2[b * H + j] = 2 * c;
            }
          }
        }
        be.disposeData(s.dataId);
        const s2 = sigmoid(z2);
        {
          const S2 = heap(s2), A = heap(acts), TC = heap(tcs), HS = heap(hs), HP = heap(hPrev);
          for (let b = 0; b < B; b++) {
            const g0 = (t * B + b) * G;
            const s0 = (t * B + b) * H;
            for (let j = 0; j < H; j++) {
              const tc = 2 * S2[b * H + j]! - 1;
              const h = A[g0 + 2 * H + j]! * tc; // zero where masked: c = 0 there
              TC[s0 + j] = tc;
              HS[s0 + j] = h;
              HP[b * H + j] = h;
            }
          }
        }
        be.disposeData(s2.dataId);
      }
      heap(cT).set(cPrev);
      for (const x of [hPrev, z, z2]) be.disposeData(x.dataId);
      return [hs, cT, acts, cs, tcs];
    },
  });

  tf.registerKernel({
    kernelName: BACKWARD,
    backendName: 'wasm',
    // inputs: dhs [T, B, H], dcT [B, H] and the forward's acts, cs, tcs, hs, h0, c0, wh, mask
    // outputs dxg [T, B, 4H], dwh [H, 4H], dh0 [B, H], dc0 [B, H]
    kernelFunc: ({ inputs, backend }) => {
      const { dhs, dcT, acts, cs, tcs, hs, h0, c0, wh, mask } = inputs as Record<'dhs' | 'dcT' | 'acts' | 'cs' | 'tcs' | 'hs' | 'h0' | 'c0' | 'wh' | 'mask', TF.TensorInfo>;
      const { be, heap, matMul } = wasmHelpers(tf, backend);
      const [T, B, G] = acts.shape as [number, number, number];
      const H = G / 4;
      const dxg = be.makeOutput([T, B, G], 'float32');
      const dh0 = be.makeOutput([B, H], 'float32');
      const dc0 = be.makeOutput([B, H], 'float32');
      const whT = be.makeOutput([1, G, H], 'float32');
      const dGates = be.makeOutput([1, B, G], 'float32'); // scratch: this step's gate gradients
      const hPrevT = be.makeOutput([1, H, T * B], 'float32'); // h₀ … h_{T−1} transposed, for dWh
      {
        const W = heap(wh), WT = heap(whT);
        for (let r = 0; r < H; r++) for (let k = 0; k < G; k++) WT[k * H + r] = W[r * G + k]!;
        const P = heap(hPrevT), HS = heap(hs), H0 = heap(h0);
        for (let t = 0; t < T; t++) {
          for (let b = 0; b < B; b++) {
            for (let j = 0; j < H; j++) P[j * T * B + t * B + b] = t > 0 ? HS[((t - 1) * B + b) * H + j]! : H0[b * H + j]!;
          }
        }
      }
      const dhCarry = new Float32Array(B * H); // dL/dh_t through the recurrence
      const dc = Float32Array.from(heap(dcT)); // dL/dc_t
      for (let t = T - 1; t >= 0; t--) {
        const DHS = heap(dhs), A = heap(acts), C = heap(cs), TC = heap(tcs), C0 = heap(c0), M = heap(mask), DX = heap(dxg), DG = heap(dGates);
        for (let b = 0; b < B; b++) {
          const m = M[t * B + b]!;
          const g0 = (t * B + b) * G;
          const s0 = (t * B + b) * H;
          for (let j = 0; j < H; j++) {
            const dh = m * (DHS[s0 + j]! + dhCarry[b * H + j]!);
            const i = A[g0 + j]!, f = A[g0 + H + j]!, o = A[g0 + 2 * H + j]!, g = A[g0 + 3 * H + j]!;
            const tc = TC[s0 + j]!;
            const cp = t > 0 ? C[s0 - B * H + j]! : C0[b * H + j]!;
            const dcRaw = m * dc[b * H + j]! + dh * o * (1 - tc * tc);
            const di = dcRaw * g * i * (1 - i);
            const df = dcRaw * cp * f * (1 - f);
            const dO = dh * tc * o * (1 - o);
            const dg = dcRaw * i * (1 - g * g);
            DX[g0 + j] = DG[b * G + j] = di;
            DX[g0 + H + j] = DG[b * G + H + j] = df;
            DX[g0 + 2 * H + j] = DG[b * G + 2 * H + j] = dO;
            DX[g0 + 3 * H + j] = DG[b * G + 3 * H + j] = dg;
            dc[b * H + j] = dcRaw * f;
          }
        }
        const back = matMul(dGates, whT); // [1, B, H]
        dhCarry.set(heap(back));
        be.disposeData(back.dataId);
      }
      heap(dh0).set(dhCarry);
      heap(dc0).set(dc);
      const dwh = matMul(hPrevT, view(dxg, [1, T * B, G])); // [1, H, 4H]
      dwh.shape = [H, G];
      for (const t of [whT, dGates, hPrevT]) be.disposeData(t.dataId);
      return [dxg, dwh, dh0, dc0];
    },
  });

  tf.registerGradient({
    kernelName: FORWARD,
    inputsToSave: ['xg', 'wh', 'h0', 'c0', 'mask'],
    outputsToSave: [true, false, true, true, true],
    gradFunc: (dy, saved) => {
      const [dhs, dcT] = dy as Tensor[];
      const [, wh, h0, c0, mask, hs, acts, cs, tcs] = saved as Tensor[];
      const [dxg, dwh, dh0, dc0] = tf.engine().runKernel(BACKWARD, { dhs: dhs!, dcT: dcT!, acts: acts!, cs: cs!, tcs: tcs!, hs: hs!, h0: h0!, c0: c0!, wh: wh!, mask: mask! }) as Tensor[];
      return { xg: () => dxg!, wh: () => dwh!, h0: () => dh0!, c0: () => dc0!, mask: () => tf.zerosLike(mask!) };
    },
  });
}

/**
 * The recurrence of one LSTM layer over pre-projected inputs xg [T, B, 4H] (time-major, gates
 * i, f, o, g), with `mask` [T, B] (1 = token; padding keeps h and c at zero). Differentiable.
 * Returns hs [T, B, H] and the final state.
 */
export function lstmSequence(tf: TFModule, xg: Tensor, wh: Tensor, init: LSTMState, mask: Tensor): { hs: Tensor; state: LSTMState } {
  if (!useFusedTraining(tf)) return lstmSequenceOps(tf, xg, wh, init, mask);
  const [hs, cT] = tf.engine().runKernel(FORWARD, { xg, wh, h0: init.h, c0: init.c, mask }) as Tensor[];
  const T = xg.shape[0]!;
  const hT = tf.squeeze(tf.slice(hs!, [T - 1, 0, 0], [1, -1, -1]), [0]);
  return { hs: hs!, state: { h: hT, c: cT! } };
}

/** lstmSequence as plain tfjs ops (other backends; tests). */
export function lstmSequenceOps(tf: TFModule, xg: Tensor, wh: Tensor, init: LSTMState, mask: Tensor): { hs: Tensor; state: LSTMState } {
  const ms = tf.unstack(mask.expandDims(2), 0); // T × [B, 1]
  let s = init;
  const outs = tf.unstack(xg, 0).map((x, t) => {
    const next = lstmStep(tf, { wh }, x, s);
    s = { h: tf.mul(next.h, ms[t]!), c: tf.mul(next.c, ms[t]!) };
    return s.h;
  });
  return { hs: tf.stack(outs, 0), state: s };
}

