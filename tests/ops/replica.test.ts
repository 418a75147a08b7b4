// A replica's shutdown: readiness fails first, running work finishes, then adapters, pool, store and
// the HTTP server close, in that order, within the deadline.
import { describe, expect, it } from 'vitest';
import { InlineExecutor } from '../../src/core/pool/executor.ts';
import { WorkQueue } from '../../src/core/queue.ts';
import { Registry } from '../../src/core/registry.ts';
import { Metrics } from '../../src/ops/metrics.ts';
import { shutdownSteps, startOpsServer } from '../../src/ops/replica.ts';
import { shutdown } from '../../src/ops/shutdown.ts';

describe('replica shutdown', () => {
  it('drains the queue before closing the pool and the store, and readiness fails at once', async () => {
    const ops = await startOpsServer({ port: 0, host: '127.0.0.1', checks: { database: () => true }, metrics: new Metrics({ defaultMetrics: false }) });
    const base = `http://127.0.0.1:${ops.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const queue = new WorkQueue({ concurrency: 1, maxQueued: 10, cooldownMs: 0 });
    const order: string[] = [];
    const job = queue.run('u1', async () => {
      await new Promise((r) => setTimeout(r, 150));
      order.push('job finished');
      return 1;
    });
    await new Promise((r) => setTimeout(r, 20));
    const inline = new InlineExecutor(new Registry([]));
    const executor = Object.assign(Object.create(inline) as InlineExecutor, { close: async () => void order.push('pool closed') });
    const closing = shutdown(
      shutdownSteps({
        ops,
        queue,
        executor,
        stopAdapters: async () => void order.push('adapters stopped'),
        closeStore: () => void order.push('store closed'),
      }),
      5000,
    );
    await new Promise((r) => setTimeout(r, 30));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const report = await closing;
    expect((await job).ok).toBe(true);
    expect(order).toEqual(['job finished', 'adapters stopped', 'pool closed', 'store closed']);
    expect(report.abandoned).toEqual([]);
    expect(ops.http.server.listening).toBe(false);
  });
});
