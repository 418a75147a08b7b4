// What a replica runs besides its adapters: the shared HTTP server on PORT (health, readiness,
// metrics; adapters add their webhook routes), the executor for model commands, and the ordered
// graceful-shutdown steps. start.ts/main.ts put these together; each piece is tested on its own.
import type { Executor } from '../core/pool/executor.ts';
import { PoolExecutor, workerCount } from '../core/pool/pool-executor.ts';
import type { WorkQueue } from '../core/queue.ts';
import { mountHealth, type ReadinessCheck } from './health.ts';
import { HttpServer } from './http-server.ts';
import { metrics as processMetrics, type Metrics } from './metrics.ts';
import { waitIdle, type ShutdownStep } from './shutdown.ts';

/** SIGTERM to exit: in-flight work, pool and store get this long (orchestrators SIGKILL at ~30 s). */
export const SHUTDOWN_DEADLINE_MS = 20_000;

export interface OpsServer {
  http: HttpServer;
  port: number;
  /** False once shutdown began (/readyz then fails, so the load balancer drains this replica). */
  accepting: { value: boolean };
}

/** Listens on `port` with /healthz, /readyz (the given checks) and /metrics; adapters mount more routes. */
export async function startOpsServer(opts: { port: number; host?: string; checks: Record<string, ReadinessCheck>; metrics?: Metrics }): Promise<OpsServer> {
  const http = new HttpServer();
  const accepting = { value: true };
  mountHealth(http, { checks: opts.checks, accepting: () => accepting.value });
  (opts.metrics ?? processMetrics).mount(http);
  const port = await http.listen(opts.port, opts.host);
  return { http, port, accepting };
}

/** The pool for `worker: true` commands: WORKERS threads (default cores − 1, at least 1). */
export function makeExecutor(opts: { workers?: number; commandsModule: string; metrics?: Metrics }): PoolExecutor {
  const pool = new PoolExecutor({ threads: workerCount(opts.workers), commandsModule: opts.commandsModule });
  (opts.metrics ?? processMetrics).watchWorkers(() => ({ utilization: pool.utilization(), threads: pool.threads }));
  return pool;
}

export interface ShutdownParts {
  ops?: OpsServer;
  /** Stops the platforms (no new interactions; Discord HTTP drains its follow-ups). */
  stopAdapters: () => Promise<void>;
  queue: WorkQueue;
  executor: Executor;
  /** Closes the store (and its scheduler). */
  closeStore?: () => Promise<void> | void;
}

/** Stop taking work → let queued and running jobs finish → stop adapters → close pool → close store → close HTTP. */
export function shutdownSteps(p: ShutdownParts): ShutdownStep[] {
  return [
    {
      name: 'stop taking work',
      run: () => {
        if (p.ops) p.ops.accepting.value = false;
      },
    },
    { name: 'finish queued work', run: async (remaining) => void (await waitIdle(() => p.queue.stats.running === 0 && p.queue.stats.queued === 0, remaining)) },
    { name: 'stop adapters', run: () => p.stopAdapters() },
    { name: 'close worker pool', run: () => p.executor.close() },
    { name: 'close store', run: async () => void (await p.closeStore?.()) },
    { name: 'close HTTP server', run: (remaining) => p.ops?.http.close(Math.min(remaining, 5000)) },
  ];
}
