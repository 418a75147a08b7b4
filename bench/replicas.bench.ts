// /translate through the runner with 1 vs 2 inference workers in one process (piscina pool, each
// worker with its own engine and models): saturation throughput (a closed loop keeping 8 requests in
// flight) and latency at fixed offered loads (open loop, 20 / 50 / 100 requests/s), side by side in
// one run. Each request comes from a different user so per-user cooldowns do not interfere; the
// queue allows 1,000 waiting so nothing is refused. `npm run bench -- replicas`.
import os from 'node:os';
import { commands } from '../commands/index.ts';
import { CoreRunner } from '../src/adapters/runner.ts';
import type { RequestContext } from '../src/core/command.ts';
import { PoolExecutor } from '../src/core/pool/pool-executor.ts';
import { WorkQueue } from '../src/core/queue.ts';
import { Registry } from '../src/core/registry.ts';
import { Metrics } from '../src/ops/metrics.ts';
import { ms, summarize, table, writeSection } from './lib.ts';

const SENTENCES = ["let's go to the beach", 'i am tired', 'where is the library', 'we eat bread every day', 'she does not like the rain', 'thank you very much'];
const LOADS = [20, 50, 100];
// `--quick` halves the durations (a smoke run); the recorded rows use the full ones.
const QUICK = process.argv.includes('--quick');
const LOAD_SECONDS = QUICK ? 2 : 4;
const SATURATION_SECONDS = QUICK ? 3 : 6;
const IN_FLIGHT = 8;

let user = 0;
function request(runner: CoreRunner): Promise<number> {
  user += 1;
  const ctx: RequestContext = { platform: 'bench', userId: `u${user}`, userName: 'bench', channelId: 'c' };
  const text = SENTENCES[user % SENTENCES.length];
  const t0 = performance.now();
  return runner.command({ command: 'translate', options: { text } }, ctx).then((o) => {
    if (o.status !== 'ok') throw new Error(`translate failed: ${o.reply.text}`);
    return performance.now() - t0;
  });
}

async function saturation(runner: CoreRunner): Promise<number> {
  const end = performance.now() + SATURATION_SECONDS * 1000;
  let done = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await request(runner);
      done += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return done / ((performance.now() - t0) / 1000);
}

async function offered(runner: CoreRunner, rps: number): Promise<{ achieved: number; p50: number; p95: number; n: number }> {
  const n = rps * LOAD_SECONDS;
  const all: Promise<number>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    all.push(request(runner));
  }
  const lat = await Promise.all(all);
  const s = summarize(lat);
  return { achieved: n / ((performance.now() - t0) / 1000), p50: s.p50, p95: s.p95, n };
}

export async function run(): Promise<void> {
  const registry = new Registry(commands);
  const configs = [1, 2].map((threads) => {
    const pool = new PoolExecutor({ threads, commandsModule: new URL('../commands/index.ts', import.meta.url).href });
    const queue = new WorkQueue({ concurrency: threads, maxQueued: 1000, cooldownMs: 0, gapMs: 0, ioShare: 0 });
    return { threads, pool, runner: new CoreRunner(registry, queue, pool, new Metrics({ defaultMetrics: false })) };
  });
  try {
    // Warm every worker (engine start, model load) outside the measurement.
    for (const c of configs) await Promise.all(Array.from({ length: c.threads * 3 }, () => request(c.runner)));
    const rows: (string | number)[][] = [];
    const sat: number[] = [];
    for (const c of configs) sat.push(await saturation(c.runner));
    for (const rps of LOADS) {
      const cells: string[] = [];
      for (const c of configs) {
        const r = await offered(c.runner, rps);
        cells.push(`${r.achieved.toFixed(1)}`, `${ms(r.p50)} / ${ms(r.p95)}`);
        console.log(`${c.threads} worker(s) at ${rps} rps offered: ${r.achieved.toFixed(1)} rps, p50/p95 ${ms(r.p50)}/${ms(r.p95)} ms (${r.n} requests)`);
      }
      rows.push([`${rps} requests/s for ${LOAD_SECONDS} s`, ...cells]);
    }
    rows.unshift([`saturation (${IN_FLIGHT} in flight, ${SATURATION_SECONDS} s)`, sat[0].toFixed(1), '', sat[1].toFixed(1), '']);
    console.log(`saturation: 1 worker ${sat[0].toFixed(1)} rps, 2 workers ${sat[1].toFixed(1)} rps`);
    const [l1, l5, l15] = os.loadavg().map((x) => x.toFixed(1));
    writeSection(
      'replicas',
      `## Inference workers: /translate with 1 vs 2 workers in one process

\`/translate text:…\` (transformer, beam 4, attention chart as PNG) through the runner and its queue
into a piscina pool whose workers each load their own tensor engine and models; Replies come back
by structured clone. Saturation: completed requests/s with ${IN_FLIGHT} kept in flight. Offered loads:
requests started on a fixed schedule (open loop), latency from start to Reply, p50 / p95 in ms; the
"served/s" column falls below the offered rate once the workers saturate and the queue grows.
Both configurations measured in the same run, one after the other. \`npm run bench -- replicas\`.
Load average at the end (1/5/15 min): ${l1} / ${l5} / ${l15} on ${os.cpus().length} cores shared with other work,
so a second worker can only help as far as a second core is free.

${table(['load', '1 worker: served/s', '1 worker: p50 / p95 ms', '2 workers: served/s', '2 workers: p50 / p95 ms'], rows)}`,
    );
  } finally {
    await Promise.all(configs.map((c) => c.pool.close()));
  }
}
