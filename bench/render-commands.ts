// The two commands whose replies carry the charts with latency targets, end to end in-process:
// /neighbors with its PCA scatter (target p95 < 40 ms) and /translate of a 10-word sentence with
// its attention heatmap (target p95 < 60 ms). Wall and this process' CPU per call; prints only
// (the word2vec and translate benches own those rows in RESULTS.md). `npx tsx bench/render-commands.ts`
import os from 'node:os';
import { neighborsReply } from '../commands/neighbors.ts';
import { commands } from '../commands/index.ts';
import { dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { summarize } from './lib.ts';
const words = ['king', 'queen', 'money', 'france', 'good', 'run', 'monday', 'water', 'city', 'music'];
async function time(fn: () => unknown, runs: number) {
  const wall: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) { const c = process.cpuUsage(); const t = performance.now(); await fn(); wall.push(performance.now() - t); const d = process.cpuUsage(c); cpu.push((d.user + d.system) / 1000); }
  const w = summarize(wall), c = summarize(cpu); return `p50 ${w.p50.toFixed(1)} p95 ${w.p95.toFixed(1)} ms, cpu p50 ${c.p50.toFixed(1)} p95 ${c.p95.toFixed(1)} ms`;
}
console.log('load', os.loadavg().map((l) => l.toFixed(1)).join(' '));
neighborsReply('king', 10);
let i = 0;
console.log('/neighbors word:king with chart', await time(() => neighborsReply('king', 10, true), 60));
console.log('/neighbors 10 words with chart ', await time(() => neighborsReply(words[i++ % words.length]!, 10, true), 60));
console.log('/neighbors no chart            ', await time(() => neighborsReply('king', 10, false), 100));
const registry = new Registry(commands);
const ctx = { platform: 'console', userId: 'bench', channelId: 'bench' } as never;
const TEN = 'my mother and my father eat bread every day at home';
const line = `/translate text:${TEN}`;
const r = await dispatchLine(registry, line, ctx);
console.log(r.status, (r as any).reply?.images?.length, (r as any).reply?.fields?.find((f: any) => f.name === 'Translation')?.value);
for (let k = 0; k < 5; k++) await dispatchLine(registry, line, ctx);
console.log('/translate 10 words (default model, beam 4) + heatmap', await time(() => dispatchLine(registry, line, ctx), 40));
console.log('load', os.loadavg().map((l) => l.toFixed(1)).join(' '));
