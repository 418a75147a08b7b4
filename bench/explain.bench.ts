// /explain (every topic, both depths, and a step-through click) and /predict end to end in-process:
// request line → validated options → handler (live demo math) → Reply with PNG bytes.
import { explain } from '../commands/explain.ts';
import { predict } from '../commands/predict.ts';
import type { RequestContext } from '../src/core/command.ts';
import { dispatchButton, dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import os from 'node:os';
import { attentionDemo } from '../src/explain/attention.ts';
import { topicDiagram } from '../src/explain/diagrams.ts';
import { positionalEncodingRow } from '../src/explain/math.ts';
import { selfAttentionDemo } from '../src/explain/transformer.ts';
import { TOPIC_IDS } from '../src/explain/types.ts';
import { trainToyWord2vec } from '../src/explain/word2vec-toy.ts';
import { runLstm } from '../src/nn/lstm-unit.ts';
import { loadPredictModels } from '../src/nn/predict/model.ts';
import { measure, ms, table, writeSection } from './lib.ts';

const ctx: RequestContext = { platform: 'bench', userId: 'bench', userName: 'bench', channelId: 'bench' };

export async function run(): Promise<void> {
  const registry = new Registry([explain, predict]);
  const cases: [string, () => Promise<unknown>][] = [];
  for (const id of TOPIC_IDS) {
    for (const depth of ['quick', 'deep']) {
      const line = `/explain topic:${id} depth:${depth}`;
      cases.push([line, () => dispatchLine(registry, line, ctx)]);
    }
  }
  cases.push(['button explain:s:lstm:3:1,0.5,0.25,1', () => dispatchButton(registry, 'explain:s:lstm:3:1,0.5,0.25,1', ctx)]);
  cases.push(["button explain:s:attention:6:let's go", () => dispatchButton(registry, "explain:s:attention:6:let's go", ctx)]);
  for (const line of ['/predict values:0,0.5,0.25,1', '/predict values:1,0.5,0.25,1 model:rnn', `/predict values:${Array.from({ length: 30 }, (_, i) => (i * 7) % 13).join(',')}`]) {
    cases.push([line, () => dispatchLine(registry, line, ctx)]);
  }
  const rows: (string | number)[][] = [];
  for (const [name, fn] of cases) {
    const c0 = process.cpuUsage();
    const s = await measure(fn, { runs: 30, warmup: 3 });
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000 / (s.runs + 3); // CPU ms per call: what load on the machine cannot inflate
    rows.push([`\`${name.length > 60 ? name.slice(0, 57) + '...' : name}\``, ms(s.p50), ms(s.p95), ms(s.max), ms(cpu), s.runs, s.p95 < 100 ? 'yes' : 'NO']);
    console.log(`${name.slice(0, 60).padEnd(60)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  cpu ${ms(cpu)} ms/call`);
  }
  // The demos' own math, without text or PNG, to show where the time goes.
  const m = loadPredictModels();
  const demos: [string, () => unknown][] = [
    ['LSTM unit over 4 days', () => runLstm(m.lstm, [1, 0.5, 0.25, 1])],
    ['word2vec toy: 300 training steps', () => trainToyWord2vec()],
    ['attention toy: encoder + 2 decoder steps', () => attentionDemo()],
    ['self-attention for 2 words', () => selfAttentionDemo()],
    ['positional encodings 16 × 12', () => Array.from({ length: 16 }, (_, p) => positionalEncodingRow(p, 12))],
  ];
  const demoRows: (string | number)[][] = [];
  for (const [name, fn] of demos) {
    const s = await measure(fn, { runs: 50, warmup: 5 });
    demoRows.push([name, ms(s.p50), ms(s.p95)]);
    console.log(`demo ${name.padEnd(55)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms`);
  }
  // Each topic's architecture diagram alone (layout + SVG + PNG): the part of a reply it adds.
  const diagramRows: (string | number)[][] = [];
  for (const id of TOPIC_IDS) {
    if (!topicDiagram(id, { depth: 'quick' })) continue;
    const c0 = process.cpuUsage();
    const s = await measure(() => topicDiagram(id, { depth: 'quick' }), { runs: 30, warmup: 3 });
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000 / (s.runs + 3);
    diagramRows.push([id, ms(s.p50), ms(s.p95), ms(cpu), s.p95 < 100 ? 'yes' : 'NO']);
    console.log(`diagram ${id.padEnd(52)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  cpu ${ms(cpu)} ms/call`);
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  writeSection(
    'explain',
    `## /explain and /predict, end to end in-process\n\nRequest → options → live demo (LSTM steps, word2vec training, attention, positional encodings) → Reply with the topic's architecture diagram and its data chart, two PNGs (alice-tn has none). 3 warm-up calls, 30 timed runs each; target p95 < 100 ms. \`npm run bench -- explain\`. Load average at the end of the run (1/5/15 min): ${load} on ${os.cpus().length} cores shared with other work, which inflates wall times and their tails; CPU ms per call (process user + system time / calls) is what one request costs.\n\n${table(['request', 'p50 ms', 'p95 ms', 'max ms', 'CPU ms/call', 'runs', 'p95 < 100 ms'], rows)}\n\nThe demos' own math (no text, no PNG) — the rest of each request is mostly the PNG:\n\n${table(['demo', 'p50 ms', 'p95 ms'], demoRows)}\n\nEach topic's architecture diagram alone (live numbers, layout, SVG, PNG; src/explain/diagrams.ts), included in the rows above:\n\n${table(['diagram', 'p50 ms', 'p95 ms', 'CPU ms/call', 'p95 < 100 ms'], diagramRows)}`,
  );
}
