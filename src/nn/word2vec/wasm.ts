// Compiles kernel.wat (WebAssembly SIMD) with wabt; falls back to the JS twin when unavailable.
import { readFileSync } from 'node:fs';
import { jsOps, type KernelOps } from './kernel.ts';

export type KernelBackend = 'wasm' | 'js';

let cached: Uint8Array | undefined;

/** The kernel's wasm bytes (wabt compiles the text in ~20 ms; wabt is a dev dependency). */
export async function kernelWasm(): Promise<Uint8Array> {
  if (cached) return cached;
  const { default: initWabt } = await import('wabt');
  const wabt = await initWabt();
  const text = readFileSync(new URL('./kernel.wat', import.meta.url), 'utf8');
  const mod = wabt.parseWat('kernel.wat', text, { simd: true, threads: true });
  try {
    // validate() takes the features too, though its typings say otherwise.
    (mod.validate as (features: object) => void)({ simd: true, threads: true });
    cached = new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
  return cached;
}

/** Kernel ops for one thread: wasm bytes → SIMD ops on the shared memory; undefined → plain JS. */
export function makeOps(memory: WebAssembly.Memory, wasm: Uint8Array | undefined): KernelOps {
  if (!wasm) return jsOps(memory);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { env: { memory } });
  return instance.exports as unknown as KernelOps;
}
