// Where a command's work runs. InlineExecutor: on this thread, as always (console, tests, WORKERS=0).
// PoolExecutor (pool-executor.ts): on worker threads, each with its own tensor engine and models.
// The runner sends only commands flagged `worker: true` to the pool; the rest stay inline.
import type { ButtonReply, RequestContext } from '../command.ts';
import { dispatch, dispatchButton, type Invocation, type Outcome } from '../dispatch.ts';
import type { Registry } from '../registry.ts';

/** A unit of work as it crosses to a worker: plain data only (structured clone). */
export type Job = { kind: 'command'; inv: Invocation } | { kind: 'button'; id: string };

/** A context without the Outbox (functions do not cross threads; model commands never post). */
export type PortableContext = Omit<RequestContext, 'outbox'>;

export interface Executor {
  readonly kind: 'inline' | 'pool';
  /** Jobs it can run at once. */
  readonly threads: number;
  run(job: Job, ctx: RequestContext): Promise<Outcome | Outcome<ButtonReply>>;
  /** Busy share since start, 0–1. */
  utilization(): number;
  close(): Promise<void>;
}

/** Runs a job against a registry; the same function runs inline and inside each worker. */
export function runJob(registry: Registry, job: Job, ctx: RequestContext): Promise<Outcome | Outcome<ButtonReply>> {
  return job.kind === 'command' ? dispatch(registry, job.inv, ctx) : dispatchButton(registry, job.id, ctx);
}

export class InlineExecutor implements Executor {
  readonly kind = 'inline' as const;
  readonly threads = 1;
  constructor(private readonly registry: Registry) {}
  run(job: Job, ctx: RequestContext): Promise<Outcome | Outcome<ButtonReply>> {
    return runJob(this.registry, job, ctx);
  }
  utilization(): number {
    return 0;
  }
  async close(): Promise<void> {}
}

export function portable(ctx: RequestContext): PortableContext {
  const { outbox: _outbox, ...rest } = ctx;
  return rest;
}
