// Data-parallel training on several CPU cores. tfjs-backend-wasm's threaded build does not start
// under Node (WASM_HAS_MULTITHREAD_SUPPORT is false), so each extra core is a worker thread with
// its own wasm engine and a replica of the model. Every step the main thread writes its parameters
// to shared memory; each replica reads them, computes the gradient of its share of the batch and
// writes it back; the main thread averages the shares weighted by target tokens (which gives
// exactly the full batch's gradient, since the loss is a mean over target tokens) and takes the
// one optimizer step. Replicas never update weights themselves, so they cannot drift.
import type * as TF from '@tensorflow/tfjs';
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../../../core/ts-worker.ts';
import type { ModelConfig, Translator } from '../model/config.ts';
import { disposeBatch, type Encoded, makeBatch } from './batches.ts';
import { clipAndApply } from './step.ts';

type TFModule = typeof TF;

/** What a replica needs to build the same model (see replica-worker.ts). */
export interface ReplicaSetup {
  config: ModelConfig;
  leftPad: boolean;
  backend: string;
  names: string[]; // parameter names, in the order of the shared buffers
  params: SharedArrayBuffer; // float32, all parameters back to back
  grads: SharedArrayBuffer; // float32, same layout: the replica's gradient
}

export type ReplicaReply = { ready: true } | { loss: number } | { error: string };

/** Where each parameter starts in the shared float32 buffers (and, last, their total length). */
export function paramOffsets(vars: readonly TF.Variable[]): number[] {
  const offsets = [0];
  for (const v of vars) offsets.push(offsets.at(-1)! + v.size);
  return offsets;
}

/** Target tokens of one example: its words and the end mark (the mask of maskedCrossEntropy). */
export const targetTokens = (e: Encoded): number => e.tgt.length + 1;

/** `parts` shares of a batch (round robin: batches are sorted by length, so shares balance). */
export function splitBatch<T>(examples: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  examples.forEach((e, i) => out[i % parts]!.push(e));
  return out;
}

/** One worker thread holding a model replica. */
export class GradientReplica {
  private pending: { resolve: (loss: number) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly gradView: Float32Array,
    private readonly offsets: number[],
  ) {
    worker.on('message', (m: ReplicaReply) => {
      if ('loss' in m) this.settle(undefined, m.loss);
      else if ('error' in m) this.settle(new Error(`gradient replica: ${m.error}`));
    });
    worker.on('error', (e) => this.settle(e));
    worker.on('exit', (code) => this.settle(new Error(`gradient replica exited (code ${code})`)));
  }

  static start(setup: ReplicaSetup, offsets: number[]): Promise<GradientReplica> {
    const worker = tsWorker(new URL('./replica-worker.ts', import.meta.url), { workerData: setup });
    return new Promise((resolve, reject) => {
      const onReady = (m: ReplicaReply) => {
        if ('ready' in m) {
          worker.off('message', onReady);
          resolve(new GradientReplica(worker, new Float32Array(setup.grads), offsets));
        } else if ('error' in m) reject(new Error(`gradient replica: ${m.error}`));
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
  }

  private settle(error: Error | undefined, loss = 0): void {
    const p = this.pending;
    this.pending = undefined;
    if (error) this.failure ??= error;
    if (!p) return;
    if (error) p.reject(error);
    else p.resolve(loss);
  }

  /** Asks for the gradient of `examples`; resolves to their mean loss once it is in the buffer. */
  gradients(examples: Encoded[]): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ examples });
    });
  }

  /** Parameter i's gradient from the last call (a copy: the buffer is reused). */
  gradient(i: number): Float32Array {
    return this.gradView.slice(this.offsets[i]!, this.offsets[i + 1]!);
  }

  close(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }
}

/** The main thread's side: the shared parameter buffer and its replicas. */
export class ParallelTrainer {
  private constructor(
    private readonly vars: TF.Variable[],
    private readonly paramView: Float32Array,
    private readonly offsets: number[],
    private readonly replicas: GradientReplica[],
  ) {}

  /** Starts `threads - 1` replicas of `model` (threads ≥ 2). */
  static async start(model: Translator, threads: number, leftPad: boolean, backend: string): Promise<ParallelTrainer> {
    const names = [...model.params.vars.keys()];
    const vars = names.map((n) => model.params.get(n));
    const offsets = paramOffsets(vars);
    const bytes = offsets.at(-1)! * 4;
    const params = new SharedArrayBuffer(bytes);
    const replicas: GradientReplica[] = [];
    try {
      for (let r = 1; r < threads; r++) {
        replicas.push(await GradientReplica.start({ config: model.config, leftPad, backend, names, params, grads: new SharedArrayBuffer(bytes) }, offsets));
      }
    } catch (e) {
      await Promise.all(replicas.map((x) => x.close()));
      throw e;
    }
    return new ParallelTrainer(vars, new Float32Array(params), offsets, replicas);
  }

  get threads(): number {
    return this.replicas.length + 1;
  }

  /** One step over `examples` split across the threads; returns the batch's mean loss. */
  async step(tf: TFModule, model: Translator, examples: Encoded[], leftPad: boolean, optimizer: TF.Optimizer): Promise<number> {
    const shares = splitBatch(examples, this.threads).filter((s) => s.length);
    this.vars.forEach((v, i) => this.paramView.set(v.dataSync() as Float32Array, this.offsets[i]!));
    const theirs = shares.slice(1).map((s, r) => this.replicas[r]!.gradients(s));
    // the main thread's own share, while the replicas work on theirs
    const mine = shares[0]!;
    const batch = makeBatch(tf, mine, mine.map((_, i) => i), leftPad);
    const own = tf.tidy(() => tf.variableGrads(() => model.loss(batch), this.vars));
    disposeBatch(batch);
    const losses = [own.value.dataSync()[0]!];
    try {
      losses.push(...(await Promise.all(theirs)));
    } catch (e) {
      own.value.dispose();
      tf.dispose(Object.values(own.grads));
      throw e;
    }
    const tokens = shares.map((s) => s.reduce((n, e) => n + targetTokens(e), 0));
    const total = tokens.reduce((a, b) => a + b, 0);
    tf.tidy(() => {
      const grads: TF.NamedTensorMap = {};
      this.vars.forEach((v, i) => {
        // Σ_share (tokens_share / total) · gradient_share: the full batch's gradient
        let g = tf.mul(own.grads[v.name]!, tokens[0]! / total);
        for (let r = 1; r < shares.length; r++) g = tf.add(g, tf.mul(tf.tensor(this.replicas[r - 1]!.gradient(i), v.shape), tokens[r]! / total));
        grads[v.name] = g;
      });
      clipAndApply(tf, grads, optimizer);
    });
    own.value.dispose();
    tf.dispose(Object.values(own.grads));
    return losses.reduce((s, l, r) => s + l * tokens[r]!, 0) / total;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.close()));
  }
}
