// Graceful shutdown on SIGTERM/SIGINT: steps run in order within one overall deadline — stop taking
// work (the HTTP server refuses new requests and /readyz fails, platforms disconnect), finish what is
// in flight (queue and REST follow-ups), then close the worker pool and the database. A step that
// overruns is abandoned, so the process always exits before the orchestrator's SIGKILL.
import { log } from '../core/log.ts';

export interface ShutdownStep {
  name: string;
  /** Gets the time left (ms) before the deadline. */
  run: (remainingMs: number) => Promise<void> | void;
}

export interface ShutdownReport {
  completed: string[];
  failed: string[];
  /** Steps cut off or never started because the deadline passed. */
  abandoned: string[];
  ms: number;
}

export async function shutdown(steps: readonly ShutdownStep[], deadlineMs: number, now: () => number = () => performance.now()): Promise<ShutdownReport> {
  const start = now();
  const report: ShutdownReport = { completed: [], failed: [], abandoned: [], ms: 0 };
  let expired = false;
  for (const step of steps) {
    const remaining = deadlineMs - (now() - start);
    if (expired || remaining <= 0) {
      report.abandoned.push(step.name);
      continue;
    }
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      Promise.resolve()
        .then(() => step.run(remaining))
        .then(
          () => 'completed' as const,
          (err: unknown) => {
            log.warn({ err, step: step.name }, 'shutdown step failed');
            return 'failed' as const;
          },
        ),
      new Promise<'abandoned'>((r) => (timer = setTimeout(() => r('abandoned'), remaining))),
    ]);
    clearTimeout(timer);
    if (outcome === 'abandoned') expired = true;
    report[outcome].push(step.name);
  }
  report.ms = now() - start;
  return report;
}

/** Resolves once `idle()` is true (polled), or after `timeoutMs`; returns whether it became idle. */
export async function waitIdle(idle: () => boolean, timeoutMs: number, pollMs = 20): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!idle()) {
    if (performance.now() >= end) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return true;
}

/** Runs `steps` once on the first SIGTERM or SIGINT, then calls `exit` (process.exit by default). */
export function onTermination(steps: readonly ShutdownStep[], deadlineMs: number, exit: (code: number) => void = (c) => process.exit(c)): () => void {
  let started = false;
  const handler = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    log.info({ signal, deadlineMs }, 'shutting down');
    void shutdown(steps, deadlineMs).then((r) => {
      log.info(r, 'shutdown finished');
      exit(r.failed.length || r.abandoned.length ? 1 : 0);
    });
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
