// /explain (every topic, both depths, and a step-through click) and /predict end to end in-process:
// request line → validated options → handler (live demo math) → Reply with PNG bytes.
import { explain } from '../commands/explain.ts';
import { predict } from '../commands/predict.ts';
import type { RequestContext } from '../src/core/command.ts';
import { dispatchButton, dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { TOPIC_IDS } from '../src/explain/types.ts';
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
    const s = await measure(fn, { runs: 30, warmup: 3 });
    rows.push([`\`${name.length > 60 ? name.slice(0, 57) + '...' : name}\``, ms(s.p50), ms(s.p95), ms(s.max), s.runs, s.p95 < 100 ? 'yes' : 'NO']);
    console.log(`${name.slice(0, 60).padEnd(60)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms`);
  }
  writeSection(
    'explain',
    `## /explain and /predict, end to end in-process\n\nRequest → options → live demo (LSTM steps, word2vec training, attention, positional encodings) → Reply with one PNG (alice-tn has none). 3 warm-up calls, 30 timed runs each; target p95 < 100 ms. \`npm run bench -- explain\`.\n\n${table(['request', 'p50 ms', 'p95 ms', 'max ms', 'runs', 'p95 < 100 ms'], rows)}`,
  );
}
