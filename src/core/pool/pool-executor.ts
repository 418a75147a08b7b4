// Model commands on a piscina pool of worker threads, so inference (synchronous tfjs work) no longer
// blocks the thread that does I/O, parsing and replies. Each worker loads its own engine and models.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ButtonReply, RequestContext } from '../command.ts';
import { internalErrorReply, type Invocation, type Outcome } from '../dispatch.ts';
import { newErrorId } from '../errors.ts';
import { log } from '../log.ts';
import { currentRequestId } from '../request-id.ts';
import { portable, type Executor, type Job } from './executor.ts';
import type { WorkerData, WorkerTask } from './worker.ts';

/** WORKERS when set (0 allowed upstream to mean inline), else cores − 1, at least 1. */
export function workerCount(configured: number | undefined, cores: number = availableParallelism()): number {
  if (configured !== undefined) return Math.max(1, Math.floor(configured));
  return Math.max(1, cores - 1);
}

export interface PoolOptions {
  threads: number;
  /** URL of the module exporting `commands`. */
  commandsModule: string;
  /** Jobs waiting inside piscina; the WorkQueue in front already bounds and refuses. */
  maxQueue?: number;
}

export class PoolExecutor implements Executor {
  readonly kind = 'pool' as const;
  readonly threads: number;
  private readonly pool: Piscina<WorkerTask, Outcome>;

  constructor(opts: PoolOptions) {
    this.threads = opts.threads;
    const workerData: WorkerData = { commandsModule: opts.commandsModule };
    this.pool = new Piscina({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // One job per worker at a time: tfjs work inside a worker is synchronous anyway.
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      workerData,
      ...(opts.maxQueue !== undefined ? { maxQueue: opts.maxQueue } : {}),
    });
  }

  async run(job: Job, ctx: RequestContext): Promise<Outcome | Outcome<ButtonReply>> {
    try {
      return await this.pool.run({ job, ctx: portable(ctx), requestId: currentRequestId() });
    } catch (err) {
      const errorId = newErrorId();
      log.error({ err, errorId, job: job.kind === 'command' ? `/${job.inv.command}` : 'button' }, 'worker job failed');
      // `mode` makes it a ButtonReply too; a command reply ignores it.
      return { reply: { ...internalErrorReply(errorId), mode: 'new' }, status: 'internal-error', errorId };
    }
  }

  /** True once warm() has run a job on every worker (the /readyz "models loaded" check). */
  warmed = false;

  /**
   * Loads engine and models in every worker before traffic arrives, by running each invocation once
   * per thread at the same time (an idle pool hands one job to each worker).
   */
  async warm(invocations: readonly Invocation[]): Promise<void> {
    const ctx: RequestContext = { platform: 'bench', userId: 'warm-up', userName: 'warm-up', channelId: '' };
    for (const inv of invocations) await Promise.all(Array.from({ length: this.threads }, () => this.run({ kind: 'command', inv }, ctx)));
    this.warmed = true;
  }

  utilization(): number {
    return this.pool.utilization;
  }

  get queued(): number {
    return this.pool.queueSize;
  }

  /** Waits for running jobs, then stops the threads. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
