// The tensor types every part of the translator shares (kernels, models, decoders, training).
import type * as TF from '@tensorflow/tfjs';

export type Tensor = TF.Tensor;
export type TFModule = typeof TF;

/** The wasm backend's heap helpers (public methods, not in tfjs-core's KernelBackend type). */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: TF.DataType): TF.TensorInfo;
  typedArrayFromHeap(t: TF.TensorInfo): Float32Array | Int32Array;
  disposeData(dataId: object): boolean;
}

export interface LSTMWeights {
  wx: Tensor; // [in, 4H]   input → gates (i, f, o | g)
  wh: Tensor; // [H, 4H]    hidden → gates
  b: Tensor; // [4H]
}

export interface LSTMState {
  h: Tensor; // [B, H]
  c: Tensor; // [B, H]
}
