// The WebAssembly SIMD kernel: kernel.wat is the source; kernel.wasm, its compiled form, is
// committed (built by `npm run build:word2vec-wasm`; a test checks the two agree), so neither
// the bot nor training needs a compiler at run time.
import { readFileSync } from 'node:fs';
import { jsOps, type KernelOps } from './kernel.ts';

export type KernelBackend = 'wasm' | 'js';

export const WAT_FILE = new URL('./kernel.wat', import.meta.url);
export const WASM_FILE = new URL('./kernel.wasm', import.meta.url);

let cached: Uint8Array | undefined;

/** The committed kernel bytes. */
export function kernelWasm(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(WASM_FILE));
  return cached;
}

/** Compiles kernel.wat with wabt (a dev dependency): the build script and the drift test use it. */
export async function compileKernel(): Promise<Uint8Array> {
  const { default: initWabt } = await import('wabt');
  const wabt = await initWabt();
  const mod = wabt.parseWat('kernel.wat', readFileSync(WAT_FILE, 'utf8'), { simd: true, threads: true });
  try {
    // validate() takes the features too, though its typings say otherwise.
    (mod.validate as (features: object) => void)({ simd: true, threads: true });
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

export interface WasmExports extends KernelOps {
  scores(mat: number, n: number, q: number, out: number, dim4: number): void;
  f16to32(src: number, dst: number, n: number): void;
  normalize(mat: number, n: number, dim4: number): void;
}

export function instantiateKernel(memory: WebAssembly.Memory, wasm: Uint8Array = kernelWasm()): WasmExports {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { env: { memory } });
  return instance.exports as unknown as WasmExports;
}

/** Kernel ops for one thread: wasm bytes → SIMD ops on the shared memory; undefined → plain JS. */
export function makeOps(memory: WebAssembly.Memory, wasm: Uint8Array | undefined): KernelOps {
  return wasm ? instantiateKernel(memory, wasm) : jsOps(memory);
}
