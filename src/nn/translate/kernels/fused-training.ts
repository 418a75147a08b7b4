// Whether training uses the fused wasm kernels (lstm-sequence.ts, cross-entropy.ts) or the plain
// tfjs ops that compute the same thing. Always the kernels on wasm; the switch exists so that a
// benchmark can time both paths side by side in one process (bench/translate-train.bench.ts).
import type { TFModule } from './types.ts';

export const fusedTraining = { enabled: true };

export function useFusedTraining(tf: TFModule): boolean {
  return fusedTraining.enabled && tf.getBackend() === 'wasm';
}
