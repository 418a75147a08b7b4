// The inference pool: real piscina worker threads (each loading TypeScript through tsx), answering
// model commands with structured-clone-able Replies, routed by the `worker` flag.
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreRunner } from '../../../src/adapters/runner.ts';
import type { RequestContext } from '../../../src/core/command.ts';
import { PoolExecutor, workerCount } from '../../../src/core/pool/pool-executor.ts';
import { WorkQueue } from '../../../src/core/queue.ts';
import { Registry } from '../../../src/core/registry.ts';
import { Metrics } from '../../../src/ops/metrics.ts';
import { commands as fixtures } from './fixture-commands.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'ada', channelId: 'c1', outbox: { post: async () => ({ platform: 'test', channelId: 'c1', messageId: 'm' }) } };
const queue = () => new WorkQueue({ concurrency: 2, maxQueued: 20, cooldownMs: 0 });

describe('workerCount', () => {
  it('defaults to cores − 1, at least 1, and honours WORKERS', () => {
    expect(workerCount(undefined, 8)).toBe(7);
    expect(workerCount(undefined, 2)).toBe(1);
    expect(workerCount(undefined, 1)).toBe(1);
    expect(workerCount(3, 8)).toBe(3);
    expect(workerCount(0, 8)).toBe(1);
  });
});

describe('PoolExecutor', () => {
  const pools: PoolExecutor[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('runs worker commands on a worker thread and the rest inline, recording metrics', async () => {
    const pool = new PoolExecutor({ threads: 2, commandsModule: new URL('./fixture-commands.ts', import.meta.url).href });
    pools.push(pool);
    const metrics = new Metrics({ defaultMetrics: false });
    const runner = new CoreRunner(new Registry(fixtures), queue(), pool, metrics);
    const remote = await runner.command({ command: 'where', options: {} }, ctx);
    expect(remote.status).toBe('ok');
    expect(remote.reply.text).toMatch(/^thread \d+$/);
    expect(remote.reply.text).not.toBe(`thread ${threadId}`);
    expect(remote.reply.images?.[0].data).toBeInstanceOf(Uint8Array);
    expect(remote.reply.images?.[0].alt).toBe('ada');
    const local = await runner.command({ command: 'here', options: {} }, ctx);
    expect(local.reply.text).toBe(`thread ${threadId}`);
    const click = await runner.button('where:7', ctx);
    expect(click.reply.mode).toBe('update');
    expect(click.reply.text).toMatch(/^button 7 on thread \d+$/);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/nn_tutor_requests_total\{platform="test",command="where",kind="command",status="ok"\} 1/);
    expect(text).toMatch(/nn_tutor_requests_total\{platform="test",command="here",kind="command",status="ok"\} 1/);
  }, 60_000);

  it('turns a handler failure inside a worker into the usual apology with an error id', async () => {
    const pool = new PoolExecutor({ threads: 1, commandsModule: new URL('./fixture-commands.ts', import.meta.url).href });
    pools.push(pool);
    const runner = new CoreRunner(new Registry(fixtures), queue(), pool, new Metrics({ defaultMetrics: false }));
    const out = await runner.command({ command: 'crash', options: {} }, ctx);
    expect(out.status).toBe('internal-error');
    expect(out.reply.text).toMatch(/error id/);
    expect(out.reply.text).not.toMatch(/exploded/);
  }, 60_000);

  it('answers a real model command (/predict, the LSTM) from a worker with a PNG chart', async () => {
    const { commands } = await import('../../../commands/index.ts');
    const pool = new PoolExecutor({ threads: 1, commandsModule: new URL('../../../commands/index.ts', import.meta.url).href });
    pools.push(pool);
    const runner = new CoreRunner(new Registry(commands), queue(), pool, new Metrics({ defaultMetrics: false }));
    expect(pool.warmed).toBe(false);
    await pool.warm([{ command: 'predict', options: { values: '1,0,1,0' } }]);
    expect(pool.warmed).toBe(true);
    const out = await runner.command({ command: 'predict', options: { values: '0,0.5,0.25,1' } }, ctx);
    expect(out.status).toBe('ok');
    expect(out.reply.text).toMatch(/\d\.\d+/);
    const png = out.reply.images?.[0];
    expect(png).toBeDefined();
    expect(Array.from(png!.data.subarray(0, 4))).toEqual([137, 80, 78, 71]);
    expect(pool.utilization()).toBeGreaterThan(0);
  }, 120_000);
});
