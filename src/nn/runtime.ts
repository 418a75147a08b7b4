// One place decides the tensor engine: tfjs-node when its native build installed, else wasm.
// tfjs-node is an optionalDependency whose install downloads libtensorflow; where that fails
// npm drops it and we run on the wasm backend (≈25× faster than plain `cpu` here).
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { config } from '../config.ts';
import { log } from '../core/log.ts';
import { registerKernels } from './translate/kernels/index.ts';

export type Backend = 'tensorflow' | 'wasm' | 'cpu';

let ready: Promise<Backend> | undefined;

async function tryNative(): Promise<boolean> {
  try {
    // A bare specifier hidden from the bundler/type-checker: the package may be absent.
    const name = '@tensorflow/tfjs-node';
    await import(name);
    return tf.getBackend() === 'tensorflow' || (await tf.setBackend('tensorflow'));
  } catch {
    return false;
  }
}

async function tryWasm(): Promise<boolean> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(path.join(dir, 'dist') + path.sep);
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Initialise the engine once; later calls return the same choice. */
export function initBackend(prefer: Backend | 'auto' = config().NN_BACKEND): Promise<Backend> {
  ready ??= (async (): Promise<Backend> => {
    if ((prefer === 'auto' || prefer === 'tensorflow') && (await tryNative())) return 'tensorflow';
    if ((prefer === 'auto' || prefer === 'wasm') && (await tryWasm())) return 'wasm';
    await tf.setBackend('cpu');
    return 'cpu';
  })().then(async (b) => {
    await tf.ready();
    registerKernels(tf); // the translator's fused wasm kernels (a no-op on other backends)
    log.info({ backend: b }, `tensor engine: ${b}`);
    return b;
  });
  return ready;
}

export function currentBackend(): string {
  return tf.getBackend() ?? 'not started';
}

export { tf };
