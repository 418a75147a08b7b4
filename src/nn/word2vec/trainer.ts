// Orchestrates training: tables, shared weights, one worker per thread (Hogwild), progress.
import { tsWorker } from '../../core/ts-worker.ts';
import type { Word2VecConfig } from './config.ts';
import { makeLayout, trainSlice, EXP_TABLE_SIZE, type KernelArrays, type KernelJob } from './kernel.ts';
import { buildNoiseTable, buildSigmoidTable, keepProbabilities } from './tables.ts';
import { Rng } from './rng.ts';
import type { Vocab } from './vocab.ts';
import { kernelWasm, makeOps } from './wasm.ts';

export interface TrainResult {
  vectors: Float32Array; // [V, dim] the input vectors (syn0)
  /** In-vocabulary tokens read (before sub-sampling), summed over epochs. */
  wordsProcessed: number;
  seconds: number; // setup (tables, workers' start-up) and training
}

export type ProgressFn = (done: number, total: number, seconds: number) => void;

function sharedOf<T extends Float32Array | Int32Array>(Ctor: new (b: SharedArrayBuffer) => T, length: number): T {
  return new Ctor(new SharedArrayBuffer(length * 4));
}

/** Slices of the corpus cut at sentence ends, one per thread, of about equal size. */
export function sliceCorpus(corpus: Int32Array, parts: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let t = 0; t < parts; t++) {
    let end = t === parts - 1 ? corpus.length : Math.max(start, Math.floor((corpus.length * (t + 1)) / parts));
    while (end < corpus.length && end > 0 && corpus[end - 1] !== -1) end++;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Shared memory and tables for a run, with syn0 initialised as word2vec.c does. */
export function setupArrays(corpus: Int32Array, vocab: Vocab, cfg: Word2VecConfig): KernelArrays {
  if (cfg.dim % 4 !== 0) throw new Error(`dim must be a multiple of 4 (SIMD lanes), got ${cfg.dim}`);
  const V = vocab.words.length;
  const layout = makeLayout(V, cfg.dim, cfg.threads);
  const pages = Math.ceil(layout.bytes / 65536);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const arrays: KernelArrays = {
    memory,
    layout,
    corpus: sharedOf(Int32Array, corpus.length),
    noise: sharedOf(Int32Array, cfg.noiseTableSize),
    keep: sharedOf(Float32Array, V),
    progress: sharedOf(Int32Array, 1),
  };
  arrays.corpus.set(corpus);
  buildNoiseTable(vocab.counts, cfg.noisePower, cfg.noiseTableSize, arrays.noise);
  keepProbabilities(vocab.counts, cfg.sample, vocab.trainWords, arrays.keep);
  new Float32Array(memory.buffer, layout.sigmoid, EXP_TABLE_SIZE).set(buildSigmoidTable());
  // word2vec.c's init: input vectors uniform in [-0.5, 0.5)/dim, output vectors zero.
  const syn0 = new Float32Array(memory.buffer, layout.syn0, V * cfg.dim);
  const rng = new Rng(cfg.seed);
  for (let i = 0; i < syn0.length; i++) syn0[i] = (rng.float() - 0.5) / cfg.dim;
  return arrays;
}

export async function train(corpus: Int32Array, vocab: Vocab, cfg: Word2VecConfig, onProgress?: ProgressFn): Promise<TrainResult> {
  const t0 = performance.now();
  const arrays = setupArrays(corpus, vocab, cfg);
  const wasm = cfg.kernel === 'wasm' ? kernelWasm() : undefined;
  const totalWords = cfg.epochs * vocab.trainWords;
  const jobs: KernelJob[] = sliceCorpus(arrays.corpus, cfg.threads).map(([start, end], t) => ({
    arch: cfg.arch, dim: cfg.dim, window: cfg.window, negative: cfg.negative, epochs: cfg.epochs,
    alpha: cfg.alpha, totalWords, start, end, seed: cfg.seed + t + 1, thread: t,
  }));

  let wordsProcessed = 0;
  if (cfg.threads === 1 && !onProgress) {
    // In-thread: no worker start-up, and usable from tests without a TypeScript loader.
    wordsProcessed = trainSlice(arrays, jobs[0]!, makeOps(arrays.memory, wasm));
  } else {
    const timer = onProgress
      ? setInterval(() => onProgress(Atomics.load(arrays.progress, 0), totalWords, (performance.now() - t0) / 1000), 250)
      : undefined;
    try {
      const counts = await Promise.all(jobs.map((job) => runWorker(arrays, job, wasm)));
      wordsProcessed = counts.reduce((a, b) => a + b, 0);
    } finally {
      if (timer) clearInterval(timer);
    }
    onProgress?.(wordsProcessed, totalWords, (performance.now() - t0) / 1000);
  }
  const vectors = new Float32Array(vocab.words.length * cfg.dim);
  vectors.set(new Float32Array(arrays.memory.buffer, arrays.layout.syn0, vectors.length));
  return { vectors, wordsProcessed, seconds: (performance.now() - t0) / 1000 };
}

function runWorker(arrays: KernelArrays, job: KernelJob, wasm: Uint8Array | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = tsWorker(new URL('./worker.ts', import.meta.url), { workerData: { arrays, job, wasm } });
    w.once('message', (m: { words: number }) => resolve(m.words));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`word2vec worker exited with code ${code}`));
    });
  });
}
