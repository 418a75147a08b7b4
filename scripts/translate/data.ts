// Reads the built corpus (npm run data:translate), building it in-process when absent.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CORPUS, buildCorpus, type Corpus, type Example } from './corpus.ts';

export const DATA_DIR = path.resolve('data/translate');

function read(name: string): Example[] {
  return fs
    .readFileSync(path.join(DATA_DIR, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Example);
}

export function loadCorpus(): Corpus {
  if (!fs.existsSync(path.join(DATA_DIR, 'train.jsonl'))) {
    console.error('data/translate missing: building the corpus (npm run data:translate)…');
    return buildCorpus(DEFAULT_CORPUS);
  }
  return { train: read('train'), valid: read('valid'), test: read('test'), long: read('long') };
}
