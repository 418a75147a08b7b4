// npm run train:translate -- --model attention|transformer|seq2seq [--steps N] [--tokens N]
//   [--lr 0.003] [--warmup N] [--seed 1] [--resume] [--eval-every 250]  (defaults: RECIPES below)
//   [--data wild [--init DIR]]: the open-vocabulary models, on the distilled corpus of
//   npm run data:translate-wild with its subword vocabularies; --init warm-starts a transformer
//   from a word-level transformer of the same width (scripts/translate/distill/encoded.ts).
//   [--continue [--from DIR]]: a further stage from the shipped model in DIR (default the output
//   directory; its float16 weights, or this model's checkpoint when present and no --from), with its
//   subword pieces. [--weight study=3,chat=1.5]: wild-corpus kinds drawn that many times per epoch.
//   [--minutes M]: wall-clock budget; the learning-rate schedule follows the larger of the step and
//   time fractions, and the model is written when the budget ends. [--deadline MS]: the budget
//   also ends at that wall-clock time (ms since 1970), for a chain of stages under one budget
//   (scripts/translate/train-default.ts); loading the data counts against it, --minutes does not.
//   [--threads N]: data-parallel over N cores (worker threads with model replicas, one optimizer
//   step on the token-weighted mean gradient: src/nn/translate/train/parallel.ts). Default 1.
// Trains one translator on the generated corpus, shows a progress bar (loss, tokens/s, ETA),
// checkpoints to data/translate/ckpt/<model>/ (resume with --resume) and writes the shipped
// model (float16 weights, vocabularies, metadata) to models/translate/<model>/.
import fs from 'node:fs';
import path from 'node:path';
import { initBackend, tf } from '../../src/nn/runtime.ts';
import { createModel, defaultConfig, type ModelKind } from '../../src/nn/translate/model/config.ts';
import { Vocab } from '../../src/nn/translate/model/vocab.ts';
import { loadWeights, saveWeights } from '../../src/nn/translate/model/weights.ts';
import { disposeBatch, encodeExamples, type Encoded, makeBatch, planBatches } from '../../src/nn/translate/train/batches.ts';
import { loadCorpus } from './data.ts';
import { RECIPES } from '../../src/nn/translate/train/recipes.ts';
import { trainStep } from '../../src/nn/translate/train/step.ts';
import { ParallelTrainer } from '../../src/nn/translate/train/parallel.ts';
import { properNames } from './grammar/lexicon.ts';
import { loadWildEncoded, warmStartFromWords, type SubwordFiles } from './distill/encoded.ts';
import { WILD_DATA_DIR } from './distill/paths.ts';
import { Rng } from '../../src/core/random.ts';
import type { Transformer } from '../../src/nn/translate/model/transformer.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const flag = (name: string) => argv.includes(`--${name}`);

const kind = arg('model', 'attention') as ModelKind;
if (!['attention', 'transformer', 'seq2seq'].includes(kind)) throw new Error(`unknown --model ${kind}`);
const recipe = RECIPES[kind];
const steps = Number(arg('steps', String(recipe.steps)));
const tokensPerBatch = Number(arg('tokens', String(recipe.tokens)));
const peakLr = Number(arg('lr', String(recipe.lr)));
const warmup = Number(arg('warmup', String(recipe.warmup)));
const seed = Number(arg('seed', '1'));
const evalEvery = Number(arg('eval-every', '250'));
const outDir = path.resolve(arg('out', `models/translate/${kind}`)!);
const wild = arg('data', 'generated') === 'wild';
const ckptDir = path.resolve(`data/translate/ckpt/${kind}${wild ? '-wild' : ''}`);
const budgetMinutes = Number(arg('minutes', 'Infinity'));
const deadline = Number(arg('deadline', 'Infinity'));
if (!(budgetMinutes > 0) || !(deadline > 0)) throw new Error('--minutes and --deadline want positive numbers');
const threads = Number(arg('threads', '1'));
if (!Number.isInteger(threads) || threads < 1 || threads > 16) throw new Error('--threads wants a whole number from 1 to 16');
let budgetSeconds = budgetMinutes * 60; // from the first step; --deadline shortens it below
const fromDir = arg('from') ? path.resolve(arg('from')!) : undefined;
const continueDir = flag('continue') ? (fromDir ?? outDir) : undefined;
const kindWeights = Object.fromEntries((arg('weight', '') ?? '').split(',').filter(Boolean).map((kv) => {
  const [k, v] = kv.split('=');
  if (!k || !(Number(v) >= 0)) throw new Error(`--weight wants kind=number,… (got ${kv})`);
  return [k, Number(v)];
})) as Record<string, number>;

const backend = await initBackend();
let srcVocab: Vocab;
let tgtVocab: Vocab;
let train: Encoded[];
let valid: Encoded[];
let subword: SubwordFiles | undefined;
if (wild) {
  const shippedPieces = continueDir && path.join(continueDir, 'subword.json');
  const w = loadWildEncoded(WILD_DATA_DIR, Number(arg('max-pieces', '100')), shippedPieces && fs.existsSync(shippedPieces) ? shippedPieces : undefined);
  subword = w.tokenizers;
  srcVocab = new Vocab(w.tokenizers.src.pieces.map(([p]) => p));
  tgtVocab = new Vocab(w.tokenizers.tgt.pieces.map(([p]) => p));
  train = weighted(w.train, w.trainKinds, kindWeights, seed);
  valid = w.valid;
} else {
  const corpus = loadCorpus();
  srcVocab = Vocab.fromCorpus(corpus.train.map((e) => e.src));
  tgtVocab = Vocab.fromCorpus(corpus.train.map((e) => e.tgt));
  train = encodeExamples(corpus.train, srcVocab, tgtVocab);
  valid = encodeExamples(corpus.valid.slice(0, 1000), srcVocab, tgtVocab);
}
/** Each pair `weights[kind]` times (default 1; a fraction is a seeded coin flip), for --weight. */
function weighted(data: Encoded[], kinds: string[], weights: Record<string, number>, s: number): Encoded[] {
  if (!Object.keys(weights).length) return data;
  const rng = new Rng(s * 7919);
  const out: Encoded[] = [];
  const counts: Record<string, number> = {};
  data.forEach((e, i) => {
    const k = kinds[i] ?? '';
    const w = weights[k] ?? 1;
    const n = Math.floor(w) + (rng.chance(w - Math.floor(w)) ? 1 : 0);
    for (let j = 0; j < n; j++) out.push(e);
    counts[k] = (counts[k] ?? 0) + n;
  });
  console.error(`pairs per epoch by kind after --weight: ${JSON.stringify(counts)}`);
  return out;
}
const leftPad = kind !== 'transformer';
const config = defaultConfig(kind, srcVocab.size, tgtVocab.size);
if (wild && config.kind === 'transformer') config.maxLen = 128; // subword sentences run longer
for (const k of Object.keys(config) as (keyof typeof config)[]) {
  const v = arg(String(k));
  if (v !== undefined && typeof config[k] === 'number') (config as unknown as Record<string, number>)[k] = Number(v);
}
const model = createModel(tf, config, seed);
const init = arg('init');
let warmStart: { from: string; srcPieces: number; tgtPieces: number; stage: Record<string, unknown> } | undefined;
if (init && subword && config.kind === 'transformer') {
  // the weights only on a fresh start (a resumed run has them in its checkpoint); the record always
  const matched = warmStartFromWords(tf, model as Transformer, path.resolve(init), subword);
  const { history: _h, ...stage } = JSON.parse(fs.readFileSync(path.join(path.resolve(init), 'metadata.json'), 'utf8')).training;
  warmStart = { from: init, srcPieces: matched.src, tgtPieces: matched.tgt, stage };
  console.error(`warm start from ${init}: ${matched.src} source and ${matched.tgt} target pieces are whole words of its vocabulary`);
}
const optimizer = tf.train.adam(peakLr, 0.9, 0.98, 1e-9);
const vars = [...model.params.vars.values()];

let step = 0;
let elapsed = 0; // training seconds before this run (resume)
const history: { step: number; loss: number; valid?: number; seconds: number }[] = [];
const exportOnly = flag('export'); // write models/translate/<model> from the last checkpoint, no training
// --continue: a second stage starting from the shipped model's weights (fresh Adam, own schedule)
let previousStage: Record<string, unknown> | undefined;
if (continueDir) {
  const prev = JSON.parse(fs.readFileSync(path.join(continueDir, 'metadata.json'), 'utf8'));
  // this model's own full-precision checkpoint when there is one, else the shipped float16 weights
  const fromCkpt = !fromDir && fs.existsSync(path.join(ckptDir, 'params.json'));
  for (const [name, t] of fromCkpt ? loadWeights(tf, ckptDir, 'params') : loadWeights(tf, continueDir)) model.params.get(name).assign(t);
  previousStage = prev.training;
  console.error(`continuing from ${fromCkpt ? ckptDir : continueDir} (${prev.training.steps} steps, ${prev.training.seconds} s)`);
}
if (exportOnly && !fs.existsSync(path.join(ckptDir, 'state.json'))) {
  // checkpoints of runs started before state.json existed: parameters only
  for (const [name, t] of loadWeights(tf, ckptDir, 'params')) model.params.get(name).assign(t);
  step = Number(arg('export-step', '0'));
  // progress lines of that run's log: "step N loss X valid Y lr … T tok/s"
  const logFile = arg('log');
  if (logFile) {
    for (const m of fs.readFileSync(logFile, 'utf8').matchAll(/step (\d+) loss ([\d.]+) valid ([\d.]+) lr \S+ (\d+) tok\/s/g)) {
      if (Number(m[1]) <= step) history.push({ step: Number(m[1]), loss: Number(m[2]), valid: Number(m[3]), seconds: NaN });
    }
    elapsed = Number(arg('seconds', '0'));
  }
} else if ((flag('resume') || exportOnly) && fs.existsSync(path.join(ckptDir, 'state.json'))) {
  const state = JSON.parse(fs.readFileSync(path.join(ckptDir, 'state.json'), 'utf8'));
  const w = loadWeights(tf, ckptDir, 'params');
  for (const [name, t] of w) model.params.get(name).assign(t);
  const opt = loadWeights(tf, ckptDir, 'optimizer');
  await optimizer.setWeights([...opt.entries()].map(([name, tensor]) => ({ name, tensor })));
  step = state.step;
  elapsed = state.elapsed;
  history.push(...state.history);
  console.error(`resumed at step ${step}`);
}

function lrAt(s: number): number {
  if (s < warmup) return (peakLr * (s + 1)) / warmup;
  const timeFraction = (elapsed + (Date.now() - t0) / 1000) / budgetSeconds; // 0 without --minutes
  const p = Math.max((s - warmup) / Math.max(1, steps - warmup), timeFraction);
  return peakLr * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, p))));
}

/** Parameters, optimizer moments and progress; awaited so it completes inside the sync loop. */
async function checkpoint(): Promise<void> {
  saveWeights(ckptDir, model.params.vars, { file: 'params' });
  fs.writeFileSync(path.join(ckptDir, 'state.json'), JSON.stringify({ step, elapsed: elapsed + (Date.now() - t0) / 1000, history, config, seed }));
  const ws = await optimizer.getWeights();
  saveWeights(ckptDir, new Map(ws.map((w) => [w.name, w.tensor])), { file: 'optimizer' });
}

function validLoss(): number {
  const plan = planBatches(valid, tokensPerBatch, 99);
  let sum = 0;
  let n = 0;
  for (const idx of plan) {
    const b = makeBatch(tf, valid, idx, leftPad);
    const l = tf.tidy(() => model.loss(b));
    const tokens = idx.reduce((s, i) => s + valid[i]!.tgt.length + 1, 0);
    sum += (l.dataSync()[0] ?? 0) * tokens;
    n += tokens;
    l.dispose();
    disposeBatch(b);
  }
  return sum / n;
}

const params = model.params.count();
const parallel = threads > 1 && !exportOnly ? await ParallelTrainer.start(model, threads, leftPad, backend) : undefined;
console.error(`${kind}: ${params.toLocaleString()} parameters, backend ${backend}${parallel ? ` on ${threads} threads` : ''}, vocab ${srcVocab.size}/${tgtVocab.size}, ${train.length} pairs, ${steps} steps of ~${tokensPerBatch} tokens`);
const t0 = Date.now();
if (Number.isFinite(deadline)) budgetSeconds = Math.min(budgetSeconds, elapsed + Math.max(0, (deadline - t0) / 1000));
// The data order is a function of (seed, epoch), so a resumed run sees the same batches. Each
// epoch's plan is built once (planning 120k pairs takes a few hundred ms; rebuilding the earlier
// epochs' plans at every step had cut the speed 2–4× from the second epoch on).
const epochSizes: number[] = []; // batches in each epoch planned so far
let plan: number[][] = [];
let planEpoch = -1;
function planFor(e: number): number[][] {
  if (planEpoch !== e) {
    plan = planBatches(train, tokensPerBatch, seed * 1000 + e);
    planEpoch = e;
    epochSizes[e] = plan.length;
  }
  return plan;
}
function batchFor(s: number): number[] {
  let start = 0;
  for (let e = 0; ; e++) {
    const size = epochSizes[e] ?? planFor(e).length;
    if (s < start + size) return planFor(e)[s - start]!;
    start += size;
  }
}

let ema = 0;
let tokensSeen = 0;
const firstStep = step;
let stop = false;
process.on('SIGTERM', () => (stop = true));
process.on('SIGINT', () => (stop = true));
let outOfTime = false;
for (; step < steps && !stop && !outOfTime && !exportOnly; step++) {
  const idx = batchFor(step);
  (optimizer as unknown as { learningRate: number }).learningRate = lrAt(step);
  let l: number;
  if (parallel) l = await parallel.step(tf, model, idx.map((i) => train[i]!), leftPad, optimizer);
  else {
    const b = makeBatch(tf, train, idx, leftPad);
    l = trainStep(tf, model, b, optimizer, vars);
    disposeBatch(b);
  }
  tokensSeen += idx.reduce((s, i) => s + train[i]!.tgt.length + 1, 0);
  ema = step === 0 || ema === 0 ? l : 0.98 * ema + 0.02 * l;
  const secs = (Date.now() - t0) / 1000;
  const done = step + 1;
  if (done % 10 === 0 || done === steps) {
    // let SIGINT/SIGTERM handlers run: the loop is synchronous and its awaits settle as microtasks
    await new Promise((r) => setImmediate(r));
    const rate = tokensSeen / secs;
    const eta = Math.min(((steps - done) * secs) / Math.max(1, done - firstStep), budgetSeconds - elapsed - secs); // a budget ends it first
    bar(done, ema, rate, eta);
  }
  if (done % evalEvery === 0 || done === steps) {
    const v = validLoss();
    history.push({ step: done, loss: ema, valid: v, seconds: elapsed + secs });
    console.error(`\nstep ${done} loss ${ema.toFixed(4)} valid ${v.toFixed(4)} lr ${lrAt(step).toExponential(2)} ${(tokensSeen / secs).toFixed(0)} tok/s`);
    await checkpoint();
  }
  if (elapsed + (Date.now() - t0) / 1000 >= budgetSeconds) outOfTime = true;
}
// out of time between evaluations: the recorded losses are this step's, not those of up to evalEvery steps ago
if (outOfTime && history.at(-1)?.step !== step) {
  const v = validLoss();
  history.push({ step, loss: ema, valid: v, seconds: elapsed + (Date.now() - t0) / 1000 });
  console.error(`\nstep ${step} loss ${ema.toFixed(4)} valid ${v.toFixed(4)} (budget ended)`);
}
/** Earlier stages flattened (oldest first) and the total training time over all stages. */
function stagesInfo(prev: Record<string, unknown>, seconds: number) {
  const { previousStages, totalSeconds, history: _h, ...own } = prev as { previousStages?: Record<string, unknown>[]; totalSeconds?: number; history?: unknown };
  void totalSeconds;
  const stages: Record<string, unknown>[] = [...(previousStages ?? []), own];
  let total = seconds;
  for (const st of stages) total += Number(st.seconds ?? 0);
  return { previousStages: stages, totalSeconds: Math.round(total) };
}

function bar(done: number, loss: number, rate: number, etaSec: number): void {
  const width = 30;
  const filled = Math.round((done / steps) * width);
  const eta = Number.isFinite(etaSec) ? `${Math.floor(etaSec / 60)}:${String(Math.round(etaSec % 60)).padStart(2, '0')}` : '?';
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${steps} loss ${loss.toFixed(3)} ${rate.toFixed(0)} tok/s ETA ${eta}   `);
  if (done % 100 === 0) process.stderr.write('\n');
}

await parallel?.close();
const seconds = exportOnly ? elapsed : elapsed + (Date.now() - t0) / 1000;
if (!exportOnly) await checkpoint();
if (step >= steps || outOfTime || exportOnly) {
  const bytes = saveWeights(outDir, model.params.vars, { float16: true });
  fs.writeFileSync(path.join(outDir, 'vocab.json'), JSON.stringify({ src: srcVocab.words(), tgt: tgtVocab.words() }));
  if (subword) fs.writeFileSync(path.join(outDir, 'subword.json'), JSON.stringify(subword));
  else fs.rmSync(path.join(outDir, 'subword.json'), { force: true });
  const names = properNames();
  const meta = {
    name: kind,
    config,
    parameters: params,
    weightsBytes: bytes,
    properNames: [...names.es],
    ...(subword ? { tokenizer: 'subword' as const } : {}),
    training: {
      data: wild ? 'wild' : 'generated',
      ...(warmStart ? { warmStart } : {}),
      ...(continueDir ? { continuedFrom: path.relative(process.cwd(), continueDir) } : {}),
      ...(Object.keys(kindWeights).length ? { kindWeights } : {}),
      ...(Number.isFinite(budgetSeconds) ? { budgetMinutes: Math.round((budgetSeconds / 60) * 10) / 10 } : {}),
      steps: step, plannedSteps: steps, tokensPerBatch, peakLr, warmup, seed, ...(threads > 1 ? { threads } : {}), optimizer: 'adam(0.9, 0.98), clip global norm 1, cosine decay',
      seconds: Math.round(seconds), backend, trainPairs: train.length, finalLoss: history.at(-1)?.loss, validLoss: history.at(-1)?.valid,
      history,
      ...(previousStage ? stagesInfo(previousStage, seconds) : {}),
    },
  };
  fs.writeFileSync(path.join(outDir, 'metadata.json'), JSON.stringify(meta, null, 2));
  console.error(`\nsaved ${outDir} (${(bytes / 1e6).toFixed(2)} MB) after ${Math.round(seconds)} s`);
}
