// npm run bench:word2vec — our word2vec trainer side by side with Debian's fastText in word2vec
// mode (`apt-get install fasttext`), on the prepared Brown corpus, same hyper-parameters:
// skip-gram and CBOW, 1 and 2 threads, fastText and ours alternating, 3 runs each; medians.
// Speed is words/s over the real words each tool processed (see `wordsProcessed`), end to end
// (process start to vectors on disk). Quality: WordSim-353, SimLex-999, Google analogies.
// Run it niced in the background (~15 min): `nice -n 5 npm run bench:word2vec > tmp/bench.log 2>&1 &`.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchmarksDir, evaluateAll, type EvalReport } from '../src/nn/word2vec/evaluate.ts';
import { loadTextVectors, loadVectors } from '../src/nn/word2vec/store.ts';
import type { WordVectors } from '../src/nn/word2vec/vectors.ts';
import { DATA_DIR, loadCorpus, MODEL_DIR, REPO_ROOT } from '../scripts/word2vec/common.ts';
import { machine, writeSection } from './lib.ts';

const RUNS = Number(process.env.W2V_BENCH_RUNS ?? 3);
const EPOCHS = 5;
const ALPHA = 0.05; // fastText's default for both architectures; we pass it to both tools
const ARCHS = (process.env.W2V_BENCH_ARCHS ?? 'skipgram,cbow').split(',') as ('skipgram' | 'cbow')[];
const THREADS = (process.env.W2V_BENCH_THREADS ?? '1,2').split(',').map(Number);
const OUT = join(REPO_ROOT, 'tmp', 'word2vec-bench');
// Every run is appended here as it finishes, so a long bench cut short (or split into parts,
// e.g. W2V_BENCH_ARCHS=cbow later) still summarises all its runs: W2V_BENCH_SUMMARY_ONLY=1.
const RUNS_FILE = join(OUT, 'runs.jsonl');

interface Run {
  tool: 'fastText' | 'ours';
  arch: string;
  threads: number;
  seconds: number;
  wordsPerSecond: number;
  quality?: EvalReport;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function hasFastText(): boolean {
  return spawnSync('fasttext', [], { stdio: 'ignore' }).error === undefined;
}

function timed(cmd: string, args: string[]): number {
  const t0 = performance.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  return (performance.now() - t0) / 1000;
}

export async function run(): Promise<void> {
  const corpusFile = join(DATA_DIR, 'brown.txt');
  if (!existsSync(corpusFile)) execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/word2vec/prepare.ts')], { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const { vocab, tokens, lines } = loadCorpus(corpusFile, 5);
  const inVocab = vocab.trainWords;
  // What each tool processes in 5 "epochs" (in-vocabulary word tokens, `</s>` not counted):
  // ours: 5 passes. fastText: it stops after epoch × (all tokens read, OOV and `</s>` included)
  // in-vocabulary tokens, `</s>` included, i.e. 5 × (tokens + lines) / (inVocab + lines) passes.
  const ftPasses = (EPOCHS * (tokens + lines)) / (inVocab + lines);
  const words = { ours: EPOCHS * inVocab, fastText: ftPasses * inVocab };
  console.log(`Brown: ${tokens} tokens, ${lines} lines, ${vocab.words.length} words ≥ 5, ${inVocab} in-vocabulary tokens a pass; fastText makes ${ftPasses.toFixed(2)} passes`);
  const bench = benchmarksDir(REPO_ROOT);
  if (!bench) console.log('benchmarks not found (../shared/benchmarks): speed only');
  const ft = hasFastText();
  if (!ft) console.log('fasttext not installed (apt-get install fasttext): our trainer only');

  const runs: Run[] = existsSync(RUNS_FILE) ? readFileSync(RUNS_FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Run) : [];
  const record = (r: Run) => {
    runs.push(r);
    appendFileSync(RUNS_FILE, JSON.stringify(r) + '\n');
    report(r);
  };
  const quality = async (v: WordVectors) => (bench ? evaluateAll(v, bench) : undefined);
  for (const arch of process.env.W2V_BENCH_SUMMARY_ONLY ? [] : ARCHS) {
    for (const threads of THREADS) {
      for (let r = 0; r < RUNS; r++) {
        if (ft) {
          const prefix = join(OUT, `ft-${arch}-${threads}`);
          const seconds = timed('fasttext', [arch, '-input', corpusFile, '-output', prefix, '-maxn', '0', '-dim', '100', '-ws', '5', '-neg', '5', '-minCount', '5', '-epoch', String(EPOCHS), '-t', '1e-3', '-lr', String(ALPHA), '-thread', String(threads)]);
          const q = await quality(loadTextVectors(`${prefix}.vec`));
          record({ tool: 'fastText', arch, threads, seconds, wordsPerSecond: words.fastText / seconds, quality: q });
        }
        const dir = join(OUT, `ours-${arch}-${threads}`);
        const seconds = timed(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/word2vec/train.ts'), '--corpus', corpusFile, '--arch', arch, '--threads', String(threads), '--epochs', String(EPOCHS), '--alpha', String(ALPHA), '--seed', String(r + 1), '--out', dir, '--no-eval']);
        const q = await quality(loadVectors(dir));
        record({ tool: 'ours', arch, threads, seconds, wordsPerSecond: words.ours / seconds, quality: q });
      }
    }
  }
  const md = summary(runs, { tokens, lines, inVocab, ftPasses });
  console.log('\n' + md);
  writeSection('word2vec-train', md);
  writeFileSync(join(MODEL_DIR, 'bench.md'), md + '\n');
}

function report(r: Run): void {
  const q = r.quality;
  console.log(`${r.tool.padEnd(8)} ${r.arch.padEnd(8)} ${r.threads}t  ${r.seconds.toFixed(1)} s  ${Math.round(r.wordsPerSecond)} words/s` +
    (q ? `  ws353 ${q.ws353.rho.toFixed(3)}  simlex ${q.simlex.rho.toFixed(3)}  analogy ${(100 * q.analogy.accuracy).toFixed(1)}%` : ''));
}

function summary(runs: Run[], c: { tokens: number; lines: number; inVocab: number; ftPasses: number }): string {
  const rows: string[] = [];
  const pick = (tool: string, arch: string, threads: number) => runs.filter((r) => r.tool === tool && r.arch === arch && r.threads === threads);
  const med = (rs: Run[], f: (r: Run) => number | undefined) => {
    const xs = rs.map(f).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return xs.length ? median(xs) : NaN;
  };
  const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  const sign = (x: number, d = 3) => (Number.isFinite(x) ? (x >= 0 ? '+' : '') + x.toFixed(d) : '–');
  const archs = [...new Set(runs.map((r) => r.arch))];
  const threadCounts = [...new Set(runs.map((r) => r.threads))].sort();
  for (const arch of archs) {
    for (const threads of threadCounts) {
      const o = pick('ours', arch, threads), f = pick('fastText', arch, threads);
      if (o.length === 0 && f.length === 0) continue;
      const m = (rs: Run[]) => ({
        wps: med(rs, (r) => r.wordsPerSecond),
        s: med(rs, (r) => r.seconds),
        ws: med(rs, (r) => r.quality?.ws353.rho),
        sl: med(rs, (r) => r.quality?.simlex.rho),
        an: med(rs, (r) => (r.quality ? 100 * r.quality.analogy.accuracy : undefined)),
      });
      const mo = m(o), mf = m(f);
      rows.push(`| ${arch} | ${threads} | ${f.length}/${o.length} | ${Math.round(mf.wps).toLocaleString('en')} (${mf.s.toFixed(1)} s) | ${Math.round(mo.wps).toLocaleString('en')} (${mo.s.toFixed(1)} s) | **${(mo.wps / mf.wps).toFixed(2)}** | ${f3(mf.ws)} / ${f3(mo.ws)} (${sign(mo.ws - mf.ws)}) | ${f3(mf.sl)} / ${f3(mo.sl)} (${sign(mo.sl - mf.sl)}) | ${mf.an.toFixed(1)} / ${mo.an.toFixed(1)} (${sign(mo.an - mf.an, 1)}) |`);
    }
  }
  return [
    '## word2vec training: ours vs fastText (word2vec mode)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine()} (2 cores shared with other jobs; only same-run ratios count). \`npm run bench:word2vec\`.`,
    '',
    `Brown (${c.tokens.toLocaleString('en')} tokens, ${c.lines.toLocaleString('en')} lines; ${c.inVocab.toLocaleString('en')} in-vocabulary tokens a pass), dim 100, window 5, negative 5, sample 1e-3, min-count 5, 5 epochs, lr ${ALPHA} for both; fastText \`-maxn 0\` (no sub-words).`,
    `Medians over the runs (count per tool in the table; ${RUNS} planned), fastText and ours alternating. Words/s = in-vocabulary word tokens processed ÷ wall time from process start to vectors on disk:`,
    `ours makes 5 passes; fastText's \`-epoch 5\` makes ${c.ftPasses.toFixed(2)} (it counts out-of-vocabulary tokens and \`</s>\` toward its target) and is credited with those words (its \`</s>\` tokens, ${c.lines.toLocaleString('en')} a pass, are not counted).`,
    'Differences kept: fastText samples noise from count^0.5, we from count^0.75 (word2vec.c); fastText trains `</s>` as a word inside windows, we end the window at the sentence end (word2vec.c).',
    '',
    'Caveat: the machine\'s 2 cores are shared with other agents (load average 6–14 during the 2026-11-25 run). Alternating runs share the drift, yet ratios this large mean fastText lost more to the contention than we did; a 1-epoch, 1-thread skip-gram A/B at load ≈ 2.5 measured ours 117k vs fastText 73–90k words/s (≈ 1.3–1.6×). Cells missing from the table were not run (time).',
    '',
    '| arch | threads | runs ft/ours | fastText words/s (wall s) | ours words/s (wall s) | ratio ours/fastText | WS-353 ft / ours (Δ) | SimLex ft / ours (Δ) | analogy % ft / ours (Δ) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
