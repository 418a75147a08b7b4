// The one entry point that installs every custom kernel of the translator, called by the
// runtime (src/nn/runtime.ts) once the tensor engine is chosen. Only the wasm backend gets
// kernels; on tfjs-node and cpu every op here falls back to plain tfjs ops.
import { registerCrossEntropy } from './cross-entropy.ts';
import { registerFusedOps } from './fused-ops.ts';
import { registerLstmSequence } from './lstm-sequence.ts';
import type { TFModule } from './types.ts';
import { patchWasmKernels } from './wasm-patches.ts';

let registered = false;

export function registerKernels(tf: TFModule): void {
  if (registered || tf.getBackend() !== 'wasm') return;
  registered = true;
  patchWasmKernels(tf);
  registerFusedOps(tf);
  registerLstmSequence(tf);
  registerCrossEntropy(tf);
}
