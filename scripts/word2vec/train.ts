// npm run train:word2vec [-- --corpus ship|brown|<file> --arch skipgram|cbow --epochs 5 --threads N
//                          --alpha 0.025 --noise-power 0.75 --min-count 5 --keep 40000 --out models/word2vec
//                          --seed 1 --no-eval]
// Trains word2vec on a prepared corpus (npm run data:word2vec first), saves the vectors with
// metadata, evaluates them when ../shared/benchmarks is there, and writes the model card.
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig, type Architecture } from '../../src/nn/word2vec/config.ts';
import { progressPrinter } from '../../src/nn/word2vec/progress.ts';
import { saveVectors } from '../../src/nn/word2vec/store.ts';
import { train } from '../../src/nn/word2vec/trainer.ts';
import { DATA_DIR, loadCorpus, MODEL_DIR, parseArgs, REPO_ROOT } from './common.ts';
import { evaluateModel } from './card.ts';

const args = parseArgs(process.argv.slice(2));
const corpusName = args.corpus ?? 'ship';
const file = ['ship', 'brown'].includes(corpusName) ? join(DATA_DIR, `${corpusName}.txt`) : resolve(corpusName);
const arch = (args.arch ?? 'skipgram') as Architecture;
const cfg = defaultConfig({
  arch,
  epochs: Number(args.epochs ?? 5),
  threads: Number(args.threads ?? availableParallelism()),
  minCount: Number(args['min-count'] ?? 5),
  seed: Number(args.seed ?? 1),
  ...(args.alpha ? { alpha: Number(args.alpha) } : {}),
  ...(args.dim ? { dim: Number(args.dim) } : {}),
  ...(args['noise-power'] ? { noisePower: Number(args['noise-power']) } : {}),
});
const outDir = resolve(args.out ?? MODEL_DIR);

const t0 = performance.now();
const { vocab, corpus, tokens, lines } = loadCorpus(file, cfg.minCount);
console.log(`corpus ${file}: ${tokens.toLocaleString('en')} tokens, ${vocab.words.length.toLocaleString('en')} words with count ≥ ${cfg.minCount} (${vocab.trainWords.toLocaleString('en')} in-vocabulary tokens a pass), ${((performance.now() - t0) / 1000).toFixed(1)} s to load`);
console.log(`training ${cfg.arch}, dim ${cfg.dim}, window ${cfg.window}, negative ${cfg.negative} (noise count^${cfg.noisePower}), sample ${cfg.sample}, ${cfg.epochs} epochs, alpha ${cfg.alpha}, ${cfg.threads} threads, ${cfg.kernel} kernel`);
const result = await train(corpus, vocab, cfg, progressPrinter());
const rate = result.wordsProcessed / result.seconds;
console.log(`trained in ${result.seconds.toFixed(1)} s: ${Math.round(rate).toLocaleString('en')} words/s (${Math.round(rate / cfg.threads).toLocaleString('en')} a thread)`);

// Ship the most frequent rows only (if --keep): smaller file, faster brute-force search.
const keep = Math.min(vocab.words.length, Number(args.keep ?? vocab.words.length));
const words = vocab.words.slice(0, keep);
const matrix = result.vectors.subarray(0, keep * cfg.dim);
saveVectors(outDir, words, matrix, cfg.dim, {
  corpus: { file: file.startsWith(REPO_ROOT) ? file.slice(REPO_ROOT.length + 1) : file, tokens, lines, trainedVocabulary: vocab.words.length, inVocabularyTokensPerPass: vocab.trainWords },
  hyperParameters: { ...cfg, noiseTableSize: cfg.noiseTableSize },
  training: { seconds: Number(result.seconds.toFixed(1)), wordsProcessed: result.wordsProcessed, wordsPerSecond: Math.round(rate), date: new Date().toISOString().slice(0, 10) },
  shippedRows: keep,
  // Where the files were written is not part of the recipe (a trial run's output may be promoted).
  command: `npm run train:word2vec -- ${process.argv.slice(2).join(' ').replace(/--out \S+ ?/, '')}`.trim(),
});
console.log(`saved ${keep.toLocaleString('en')} × ${cfg.dim} vectors (float16) to ${outDir}`);
// --no-eval: the side-by-side bench times the run end to end and evaluates separately.
if (args['no-eval'] !== 'true') await evaluateModel(outDir);
