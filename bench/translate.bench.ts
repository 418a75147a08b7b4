// /translate of a 10-word sentence (beam 4, with the attention PNG), p95 per model, and the
// cold load time of all translation models. `npm run bench -- translate`.
import { spawnSync } from 'node:child_process';
import { commands } from '../commands/index.ts';
import type { RequestContext } from '../src/core/command.ts';
import { dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { availableModels } from '../src/nn/translate/service.ts';
import { machine, measure, ms, table, writeSection } from './lib.ts';

const ctx: RequestContext = { platform: 'bench', userId: 'bench', userName: 'bench', channelId: 'bench' };
export const TEN_WORDS = 'my sister and i will go to the new park tomorrow';

/** Load every shipped translator in a fresh process (engine start-up included and reported apart). */
function coldLoad(): { engineMs: number; modelsMs: number } {
  const script = `
    const t0 = performance.now();
    const { initBackend, tf } = await import('./src/nn/runtime.ts');
    const { patchWasmKernels } = await import('./src/nn/translate/wasm-kernels.ts');
    await initBackend(); patchWasmKernels(tf);
    const t1 = performance.now();
    const { loadTranslator, modelExists } = await import('./src/nn/translate/translator.ts');
    for (const m of ['attention', 'transformer', 'seq2seq']) if (modelExists(m)) await loadTranslator(tf, m);
    console.log(JSON.stringify({ engineMs: t1 - t0, modelsMs: performance.now() - t1 }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

export async function run(): Promise<void> {
  const registry = new Registry(commands);
  const models = await availableModels();
  const rows: (string | number)[][] = [];
  for (const model of models) {
    const line = `/translate text:${TEN_WORDS} model:${model}`;
    const first = await dispatchLine(registry, line, ctx);
    if (first.status !== 'ok') throw new Error(`${line}: ${first.status}`);
    const s = await measure(() => dispatchLine(registry, line, ctx), { runs: 40, warmup: 3 });
    rows.push([model, (first.reply.images ?? []).length, ms(s.p50), ms(s.p95), ms(s.p99), s.runs]);
    console.log(`${model.padEnd(12)} p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms`);
  }
  for (const model of models.filter((m) => m !== 'seq2seq')) {
    const greedy = await measure(() => dispatchLine(registry, `/translate text:${TEN_WORDS} model:${model} decoding:greedy`, ctx), { runs: 40, warmup: 3 });
    rows.push([`${model}, greedy`, 1, ms(greedy.p50), ms(greedy.p95), ms(greedy.p99), greedy.runs]);
  }
  const load = coldLoad();
  console.log(`cold load: engine ${ms(load.engineMs)} ms, ${models.length} models ${ms(load.modelsMs)} ms`);
  writeSection(
    'translate',
    `## /translate (toy English→Spanish models)\n\n` +
      `In-process, beam 4 unless noted, 10-word sentence “${TEN_WORDS}”, reply with the attention heatmap PNG (none for seq2seq). ${machine()}, ${new Date().toISOString().slice(0, 10)}, machine shared with other jobs. \`npm run bench -- translate\`.\n\n` +
      table(['model', 'PNGs', 'p50 ms', 'p95 ms', 'p99 ms', 'runs'], rows) +
      `\n\nCold start in a fresh process: tensor engine (wasm) ${ms(load.engineMs)} ms, then loading all ${models.length} translation models ${ms(load.modelsMs)} ms (target < 1 s).\n`,
  );
}
