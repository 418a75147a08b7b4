// npm run data:translate [-- --train 120000 --seed 1234]: writes data/translate/*.jsonl and stats.json.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS, buildCorpus, corpusStats, type CorpusOptions } from './corpus.ts';

export const DATA_DIR = path.resolve('data/translate');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const opts: CorpusOptions = {
  seed: arg('seed', DEFAULT_CORPUS.seed),
  train: arg('train', DEFAULT_CORPUS.train),
  valid: arg('valid', DEFAULT_CORPUS.valid),
  test: arg('test', DEFAULT_CORPUS.test),
  long: arg('long', DEFAULT_CORPUS.long),
};
const t0 = Date.now();
const corpus = buildCorpus(opts);
fs.mkdirSync(DATA_DIR, { recursive: true });
for (const [name, split] of Object.entries(corpus)) {
  fs.writeFileSync(path.join(DATA_DIR, `${name}.jsonl`), split.map((e: object) => JSON.stringify(e)).join('\n') + '\n');
}
const stats = { options: opts, ...corpusStats(corpus), seconds: (Date.now() - t0) / 1000 };
fs.writeFileSync(path.join(DATA_DIR, 'stats.json'), JSON.stringify(stats, null, 2));
console.log(JSON.stringify(stats, null, 2));
