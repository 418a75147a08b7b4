// Worker entry: trains one slice of the corpus on the shared weights, then reports its count.
import { parentPort, workerData } from 'node:worker_threads';
import { trainSlice, type KernelArrays, type KernelJob } from './kernel.ts';
import { makeOps } from './wasm.ts';

const { arrays, job, wasm } = workerData as { arrays: KernelArrays; job: KernelJob; wasm?: Uint8Array };
const words = trainSlice(arrays, job, makeOps(arrays.memory, wasm));
parentPort!.postMessage({ words });
