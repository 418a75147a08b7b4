// Training speed of the translation models: one optimisation step on real batches of each
// model's recipe, with the fused training kernels (lstm-sequence.ts, cross-entropy.ts) and with
// the plain tfjs ops that compute the same thing, alternating step by step so both share the
// machine's load; and the measured training time of each shipped model (its metadata.json).
// `npm run bench -- translate-train`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initBackend, tf } from '../src/nn/runtime.ts';
import { fusedTraining } from '../src/nn/translate/kernels/fused-training.ts';
import { createModel, defaultConfig, MODEL_KINDS, type ModelKind } from '../src/nn/translate/model/config.ts';
import { Vocab } from '../src/nn/translate/model/vocab.ts';
import { disposeBatch, encodeExamples, makeBatch, planBatches } from '../src/nn/translate/train/batches.ts';
import { loadCorpus } from '../scripts/translate/data.ts';
import { RECIPES } from '../src/nn/translate/train/recipes.ts';
import { trainStep } from '../src/nn/translate/train/step.ts';
import { ParallelTrainer } from '../src/nn/translate/train/parallel.ts';
import { machine, ms, summarize, table, writeSection } from './lib.ts';

const STEPS = 30; // timed steps per path and model, after 3 untimed ones
const load = () => os.loadavg()[0]!.toFixed(1);

interface StepTimes {
  fused: number[];
  ops: number[];
  tokens: number[];
}

/** Two copies of one freshly initialised model take the same batches, one per path, alternating. */
function timeSteps(kind: ModelKind, corpus: ReturnType<typeof loadCorpus>): StepTimes {
  const srcVocab = Vocab.fromCorpus(corpus.train.map((e) => e.src));
  const tgtVocab = Vocab.fromCorpus(corpus.train.map((e) => e.tgt));
  const data = encodeExamples(corpus.train, srcVocab, tgtVocab);
  const plan = planBatches(data, RECIPES[kind].tokens, 1);
  const paths = [true, false].map((fused) => {
    const model = createModel(tf, defaultConfig(kind, srcVocab.size, tgtVocab.size), 1);
    return { fused, model, vars: [...model.params.vars.values()], optimizer: tf.train.adam(RECIPES[kind].lr, 0.9, 0.98, 1e-9) };
  });
  const times: StepTimes = { fused: [], ops: [], tokens: [] };
  for (let s = 0; s < STEPS + 3; s++) {
    const idx = plan[s]!;
    const batch = makeBatch(tf, data, idx, kind !== 'transformer');
    for (const p of paths) {
      fusedTraining.enabled = p.fused;
      const t0 = performance.now();
      trainStep(tf, p.model, batch, p.optimizer, p.vars);
      if (s >= 3) times[p.fused ? 'fused' : 'ops'].push(performance.now() - t0);
    }
    if (s >= 3) times.tokens.push(idx.reduce((n, i) => n + data[i]!.tgt.length + 1, 0));
    disposeBatch(batch);
  }
  fusedTraining.enabled = true;
  for (const p of paths) {
    for (const v of p.vars) v.dispose();
    p.optimizer.dispose();
  }
  return times;
}

const PARALLEL_TOKENS = 2000; // the wild stage's batch (scripts/translate/train-default.ts)

/** The transformer on one thread and data-parallel on two (parallel.ts), same batches, alternating. */
async function timeParallel(corpus: ReturnType<typeof loadCorpus>): Promise<{ one: number[]; two: number[]; tokens: number[] }> {
  const srcVocab = Vocab.fromCorpus(corpus.train.map((e) => e.src));
  const tgtVocab = Vocab.fromCorpus(corpus.train.map((e) => e.tgt));
  const data = encodeExamples(corpus.train, srcVocab, tgtVocab);
  const plan = planBatches(data, PARALLEL_TOKENS, 2);
  const config = defaultConfig('transformer', srcVocab.size, tgtVocab.size);
  const [a, b] = [createModel(tf, config, 1), createModel(tf, config, 1)];
  const vars = [...a.params.vars.values()];
  const [optA, optB] = [0, 1].map(() => tf.train.adam(0.001, 0.9, 0.98, 1e-9));
  const parallel = await ParallelTrainer.start(b, 2, false, tf.getBackend());
  const out = { one: [] as number[], two: [] as number[], tokens: [] as number[] };
  try {
    for (let s = 0; s < STEPS + 3; s++) {
      const idx = plan[s]!;
      const batch = makeBatch(tf, data, idx, false);
      let t0 = performance.now();
      trainStep(tf, a, batch, optA!, vars);
      const one = performance.now() - t0;
      disposeBatch(batch);
      t0 = performance.now();
      await parallel.step(tf, b, idx.map((i) => data[i]!), false, optB!);
      if (s >= 3) {
        out.one.push(one);
        out.two.push(performance.now() - t0);
        out.tokens.push(idx.reduce((n, i) => n + data[i]!.tgt.length + 1, 0));
      }
    }
  } finally {
    await parallel.close();
  }
  for (const v of [...a.params.vars.values(), ...b.params.vars.values()]) v.dispose();
  return out;
}

/** Training-time limits: 30 min for the RNNs; the default transformer may take 2 hours (issue 15). */
const TIME_LIMIT_MINUTES: Record<ModelKind, number> = { attention: 30, seq2seq: 30, transformer: 120 };

interface Stage {
  steps: number;
  seconds: number;
  threads?: number; // data-parallel stages (--threads)
}

function trainingTime(kind: ModelKind): { stages: Stage[]; total: number } | undefined {
  const file = path.resolve(import.meta.dirname, '..', 'models', 'translate', kind, 'metadata.json');
  if (!fs.existsSync(file)) return undefined;
  const t = JSON.parse(fs.readFileSync(file, 'utf8')).training as Stage & { previousStages?: Stage[]; totalSeconds?: number; warmStart?: { stage?: Stage } };
  // a warm start (train:translate-default's word-level stage A) is the first stage
  const stages = [...(t.warmStart?.stage ? [t.warmStart.stage] : []), ...(t.previousStages ?? []), t];
  return { stages, total: t.totalSeconds ?? t.seconds };
}

export async function run(): Promise<void> {
  await initBackend();
  if (tf.getBackend() !== 'wasm') console.log(`engine ${tf.getBackend()}: the fused kernels are wasm-only, both paths run plain ops`);
  const rows: (string | number)[][] = [];
  const loadStart = load();
  const corpus = loadCorpus(); // built in-process (~20 s) when data/translate is absent
  for (const kind of MODEL_KINDS) {
    const t = timeSteps(kind, corpus);
    const fused = summarize(t.fused);
    const ops = summarize(t.ops);
    const tokens = summarize(t.tokens).p50;
    rows.push([kind, RECIPES[kind].tokens, ms(ops.p50), ms(fused.p50), `${(ops.p50 / fused.p50).toFixed(2)}×`, Math.round((tokens / fused.p50) * 1000), fused.runs]);
    console.log(`${kind.padEnd(12)} step p50: plain ops ${ms(ops.p50)} ms, fused ${ms(fused.p50)} ms (${(ops.p50 / fused.p50).toFixed(2)}×)`);
  }
  const par = await timeParallel(corpus);
  const [one, two] = [summarize(par.one).p50, summarize(par.two).p50];
  const parTokens = summarize(par.tokens).p50;
  console.log(`transformer ${PARALLEL_TOKENS}-token step p50: 1 thread ${ms(one)} ms, 2 threads ${ms(two)} ms (${(one / two).toFixed(2)}×)`);
  const loadEnd = load();
  const timeRows = MODEL_KINDS.flatMap((kind) => {
    const t = trainingTime(kind);
    if (!t) return [];
    const stages = t.stages.map((s) => `${s.steps} steps ${Math.round(s.seconds / 60)} min${s.threads ? ` on ${s.threads} threads` : ''}`).join(' + ');
    const limit = TIME_LIMIT_MINUTES[kind];
    return [[kind, stages, `${(t.total / 60).toFixed(1)} min`, `${t.total <= limit * 60 ? 'yes' : 'no'} (${limit} min)`]];
  });
  writeSection(
    'translate-train',
    `## Translation training speed\n\n` +
      `One optimisation step (forward, backward, clipping, Adam) on the first ${STEPS} batches (after 3 untimed) of each model's recipe (target tokens per batch as shown), freshly initialised; two copies of the model take the same batch, one with the plain tfjs ops and one with the fused training kernels (LSTM recurrence: src/nn/translate/kernels/lstm-sequence.ts; cross-entropy: kernels/cross-entropy.ts), alternating step by step. Median ms per step. ${machine()}, ${new Date().toISOString().slice(0, 10)}, load average ${loadStart} at the start and ${loadEnd} at the end. \`npm run bench -- translate-train\`.\n\n` +
      table(['model', 'tokens / batch', 'plain ops p50 ms', 'fused p50 ms', 'speed-up', 'tokens/s (fused)', 'steps'], rows) +
      `\n\nData-parallel training (\`--threads 2\`, src/nn/translate/train/parallel.ts: a worker thread with its own wasm engine and a model replica computes the gradient of half of each batch; one Adam step on the token-weighted mean): the transformer's wild-stage batch (~${PARALLEL_TOKENS} target tokens), one step on 1 thread and one on 2 threads alternating over the same ${STEPS} batches (after 3 untimed), median ms per step:\n\n` +
      table(['model', 'tokens / batch', '1 thread p50 ms', '2 threads p50 ms', 'speed-up', 'tokens/s (2 threads)', 'steps'], [
        ['transformer', PARALLEL_TOKENS, ms(one), ms(two), `${(one / two).toFixed(2)}×`, Math.round((parTokens / two) * 1000), par.two.length],
      ]) +
      `\n\nTraining time of the shipped models (\`training\` in models/translate/<model>/metadata.json; wall time; one core per model unless a stage says threads: the attention model alone on the machine, seq2seq and the word-level transformer partly side by side on its 2 cores, which slows each by up to ~30%):\n\n` +
      table(['model', 'stages', 'total', 'within its limit'], timeRows) +
      '\n',
  );
}
