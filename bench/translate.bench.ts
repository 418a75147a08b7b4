// /translate of a 10-word sentence (beam 4, with the attention PNG), p95 per model; decoding
// alone with the fast decoders vs the reference (full-recompute) ones, side by side in one run;
// and the cold load time of all translation models. `npm run bench -- translate`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { attentionChart } from '../commands/translate.ts';
import { commands } from '../commands/index.ts';
import type { RequestContext } from '../src/core/command.ts';
import { dispatchLine } from '../src/core/dispatch.ts';
import { Registry } from '../src/core/registry.ts';
import { availableModels, getTranslator, translateText } from '../src/nn/translate/infer/service.ts';
import { tf } from '../src/nn/runtime.ts';
import { referenceStepper } from '../tests/nn/translate/reference-decoding.ts';
import { normalizeEnglish } from '../src/nn/translate/model/text.ts';
import { machine, ms, summarize, table, writeSection, type Stats } from './lib.ts';

const ctx: RequestContext = { platform: 'bench', userId: 'bench', userName: 'bench', channelId: 'bench' };
export const TEN_WORDS = 'my sister and i will go to the new park tomorrow';
const RUNS = 40;

interface Timed {
  wall: Stats;
  cpu: Stats; // this process' user + system CPU ms per call (the machine is shared)
}

/**
 * Time several variants in one loop, alternating them run by run so that they share the same
 * load; wall and CPU ms per call after `warmup` untimed rounds.
 */
async function sideBySide(variants: (() => unknown)[], runs = RUNS, warmup = 5): Promise<Timed[]> {
  for (let i = 0; i < warmup; i++) for (const f of variants) await f();
  const wall = variants.map(() => [] as number[]);
  const cpu = variants.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [v, f] of variants.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await f();
      wall[v]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[v]!.push((c.user + c.system) / 1000);
    }
  }
  return variants.map((_, v) => ({ wall: summarize(wall[v]!), cpu: summarize(cpu[v]!) }));
}

/** Load every shipped translator in a fresh process (engine start-up included and reported apart). */
function coldLoad(): { engineMs: number; modelsMs: number } {
  const script = `
    const t0 = performance.now();
    const { initBackend, tf } = await import('./src/nn/runtime.ts');
    await initBackend();
    const t1 = performance.now();
    const { loadTranslator, modelExists } = await import('./src/nn/translate/infer/translator.ts');
    for (const m of ['attention', 'transformer', 'seq2seq']) if (modelExists(m)) await loadTranslator(tf, m);
    console.log(JSON.stringify({ engineMs: t1 - t0, modelsMs: performance.now() - t1 }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const load = () => os.loadavg()[0]!.toFixed(1);

export async function run(): Promise<void> {
  const registry = new Registry(commands);
  const models = await availableModels();
  const loadStart = load();
  const words = normalizeEnglish(TEN_WORDS).tokens;

  // 1. the whole command, beam 4 and greedy
  const commandRows: (string | number)[][] = [];
  for (const model of models) {
    const line = `/translate text:${TEN_WORDS} model:${model}`;
    const first = await dispatchLine(registry, line, ctx);
    if (first.status !== 'ok') throw new Error(`${line}: ${first.status}`);
    const variants = [() => dispatchLine(registry, line, ctx)];
    if (model !== 'seq2seq') variants.push(() => dispatchLine(registry, `${line} decoding:greedy`, ctx));
    const [beam, greedy] = await sideBySide(variants);
    commandRows.push([model, (first.reply.images ?? []).length, ms(beam!.wall.p50), ms(beam!.wall.p95), ms(beam!.wall.p99), ms(beam!.cpu.p50), beam!.wall.runs]);
    if (greedy) commandRows.push([`${model}, greedy`, 1, ms(greedy.wall.p50), ms(greedy.wall.p95), ms(greedy.wall.p99), ms(greedy.cpu.p50), greedy.wall.runs]);
    console.log(`${model.padEnd(12)} /translate p50 ${ms(beam!.wall.p50)} ms  p95 ${ms(beam!.wall.p95)} ms  cpu p50 ${ms(beam!.cpu.p50)} ms`);
  }

  // 2. decoding alone (beam 4): fast decoders vs the reference ones, alternating; and the PNG alone
  const decodeRows: (string | number)[][] = [];
  for (const model of models) {
    const t = await getTranslator(model);
    // an open-vocabulary model reads subword pieces
    const src = t.subword ? t.subword.src.encode(TEN_WORDS).pieces : words;
    const fast = t.translateTokens(src, { beam: 4 });
    const ref = t.translateTokens(src, { beam: 4, stepper: referenceStepper(tf, t) });
    if (fast.tokens.join(' ') !== ref.tokens.join(' ')) throw new Error(`${model}: fast and reference decoders disagree`);
    const [r, f] = await sideBySide([() => t.translateTokens(src, { beam: 4, stepper: referenceStepper(tf, t) }), () => t.translateTokens(src, { beam: 4 })]);
    const translation = await translateText(TEN_WORDS, model);
    const png = t.hasAttention ? (await sideBySide([() => attentionChart(translation)], 20, 2))[0]! : undefined;
    decodeRows.push([
      model,
      fast.tokens.length,
      `${ms(r!.wall.p50)} / ${ms(r!.wall.p95)} / ${ms(r!.cpu.p50)}`,
      `${ms(f!.wall.p50)} / ${ms(f!.wall.p95)} / ${ms(f!.cpu.p50)}`,
      `${(r!.cpu.p50 / f!.cpu.p50).toFixed(1)}×`,
      png ? `${ms(png.wall.p50)} / ${ms(png.wall.p95)}` : '–',
    ]);
    console.log(`${model.padEnd(12)} decode reference p50 ${ms(r!.wall.p50)} ms, fast p50 ${ms(f!.wall.p50)} ms (cpu ${ms(r!.cpu.p50)} → ${ms(f!.cpu.p50)} ms)`);
  }
  const loadEnd = load();

  const cold = coldLoad();
  console.log(`cold load: engine ${ms(cold.engineMs)} ms, ${models.length} models ${ms(cold.modelsMs)} ms`);
  writeSection(
    'translate',
    `## /translate (toy English→Spanish models)\n\n` +
      `In-process, beam 4 unless noted, 10-word sentence “${TEN_WORDS}”, reply with the attention heatmap PNG (none for seq2seq); wall ms, and this process' CPU ms (user + system) since the machine is shared. ${machine()}, ${new Date().toISOString().slice(0, 10)}, load average ${loadStart} at the start and ${loadEnd} at the end. \`npm run bench -- translate\`.\n\n` +
      table(['model', 'PNGs', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU p50 ms', 'runs'], commandRows) +
      `\n\nDecoding alone (\`translateTokens\`, beam 4, ${RUNS} runs each, the two decoders alternating run by run; both give the same translation): the reference decoders (transformer: the decoder re-run over every hypothesis' whole prefix each step; LSTMs: encoder outputs copied per hypothesis, plain tfjs ops) vs the fast ones (src/nn/translate/infer/transformer-decoder.ts, rnn-decoder.ts: cached self-attention keys/values, encoder–decoder attention folded once per sentence, all beams in one batch per step, fused kernels, one read-back per step). Cells: p50 / p95 / CPU p50 ms. The heatmap PNG alone (src/render) for comparison.\n\n` +
      table(['model', 'output tokens', 'reference', 'fast', 'CPU speed-up', 'heatmap PNG p50 / p95'], decodeRows) +
      `\n\nCold start in a fresh process: tensor engine (wasm) ${ms(cold.engineMs)} ms, then loading all ${models.length} translation models ${ms(cold.modelsMs)} ms (target < 1 s).\n`,
  );
}
