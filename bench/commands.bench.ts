// Every registered command end to end in-process: request → Reply with PNG bytes, using each
// command's own examples (so new commands are covered without touching this file).
import { commands } from '../commands/index.ts';
import type { RequestContext } from '../src/core/command.ts';
import { dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { measure, ms, table, writeSection } from './lib.ts';

const ctx: RequestContext = { platform: 'bench', userId: 'bench', userName: 'bench', channelId: 'bench' };

export async function run(): Promise<void> {
  const registry = new Registry(commands);
  const rows: (string | number)[][] = [];
  for (const def of registry.list()) {
    for (const example of def.examples.slice(0, 2)) {
      const first = await dispatchLine(registry, example, ctx); // also loads models once
      if (first.status !== 'ok') {
        rows.push([`\`${example}\``, first.status, '', '', '', '']);
        continue;
      }
      const s = await measure(() => dispatchLine(registry, example, ctx), { runs: 30, warmup: 2 });
      const pngs = (first.reply.images ?? []).length;
      rows.push([`\`${example}\``, pngs, ms(s.p50), ms(s.p95), ms(s.p99), s.runs]);
      console.log(`${example.padEnd(50)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  p99 ${ms(s.p99)} ms`);
    }
  }
  writeSection(
    'commands',
    `## Every command, end to end in-process\n\nRequest line → validated options → handler → Reply (PNG bytes included), after one warm-up call that loads models. \`npm run bench -- commands\`.\n\n${table(['example', 'PNGs', 'p50 ms', 'p95 ms', 'p99 ms', 'runs'], rows)}`,
  );
}
