// What a replica runs besides its adapters: the shared HTTP server on PORT (health, readiness,
// metrics; adapters add their webhook routes), the executor for model commands, and the ordered
// graceful-shutdown steps. start.ts/main.ts put these together; each piece is tested on its own.
import type { Adapter } from '../adapters/adapter.ts';
import type { CoreRunner } from '../adapters/runner.ts';
import { ConfigError, type Config } from '../config.ts';
import { log } from '../core/log.ts';
import type { Executor } from '../core/pool/executor.ts';
import { PoolExecutor, workerCount } from '../core/pool/pool-executor.ts';
import type { WorkQueue } from '../core/queue.ts';
import { mountHealth, type ReadinessCheck } from './health.ts';
import { HttpServer } from './http-server.ts';
import { metrics as processMetrics, type Metrics } from './metrics.ts';
import { waitIdle, type ShutdownStep } from './shutdown.ts';
import type { QuizStore } from '../store/types.ts';

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

export interface Replica {
  http: HttpServer;
  ops: OpsServer;
  /** The inference pool; undefined with WORKERS=0 (model commands on the main thread). */
  executor?: PoolExecutor;
  /** After the adapters mounted their routes: listen on PORT and watch the runner's queue. */
  listen(runner: CoreRunner): Promise<void>;
}

/** The parts a chat-platform process adds around its adapters (see main.ts). */
export async function startReplica(config: Config, adapters: readonly Adapter[], store: QuizStore, commandsModule: string, metrics: Metrics = processMetrics): Promise<Replica> {
  const executor = config.WORKERS === 0 ? undefined : makeExecutor({ workers: config.WORKERS, commandsModule, metrics });
  // Engines and models load in every worker in the background; /readyz says "models" until done.
  if (executor && config.NN_WARMUP) {
    void executor.warm([{ command: 'translate', options: { text: 'hello' } }]).catch((err: unknown) => log.warn({ err }, 'worker warm-up failed'));
  }
  const http = new HttpServer();
  const accepting = { value: true };
  const checks: Record<string, ReadinessCheck> = {
    database: async () => (await store.getQuiz('readyz-probe'), true),
    models: () => !executor || !config.NN_WARMUP || executor.warmed,
    platforms: () => adapters.every((a) => a.connected()),
  };
  mountHealth(http, { checks, accepting: () => accepting.value });
  metrics.mount(http);
  const ops: OpsServer = { http, port: config.PORT, accepting };
  // Webhook adapters cannot work without the port; gateway and Socket Mode only lose health and metrics.
  const needsPort = adapters.some((a) => a.name.includes('HTTP'));
  return {
    http,
    ops,
    executor,
    async listen(runner) {
      metrics.watchQueue(() => runner.queue.stats);
      try {
        ops.port = await http.listen(config.PORT);
        log.info({ port: ops.port }, 'http server listening');
      } catch (err) {
        const why = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `(${config.PORT}) is already in use by another program` : `(${config.PORT}) cannot be listened on: ${(err as Error).message}`;
        if (needsPort) throw new ConfigError('PORT', why);
        log.warn({ port: config.PORT, err }, 'no /healthz, /readyz or /metrics: the port is not available');
      }
    },
  };
}
