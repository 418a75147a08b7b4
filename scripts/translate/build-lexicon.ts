// npm run data:lexicon: models/translate/lexicon.tsv, `english<TAB>spanish` per line, the
// bilingual word list /translate falls back on (rare words of the word-level models; the
// lexical prior of the open-vocabulary transformer). Each English word is translated on its own
// by the teacher, Apertium eng-spa (Debian apertium-eng-spa). The words: the shipped word2vec
// vocabulary (real English text) and the transformer's whole-word English pieces; words Apertium
// does not know (it leaves them as they were) are left out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireApertium } from './distill/apertium.ts';
import { SubwordTokenizer, type SubwordFile } from '../../src/nn/translate/model/subword.ts';

const OUT = path.resolve('models/translate/lexicon.tsv');

function englishWords(): string[] {
  const w2v = fs.readFileSync(path.resolve('models/word2vec/vocab.txt'), 'utf8').split('\n');
  const subwordFile = path.resolve('models/translate/transformer/subword.json');
  const pieces = fs.existsSync(subwordFile) ? new SubwordTokenizer((JSON.parse(fs.readFileSync(subwordFile, 'utf8')) as { src: SubwordFile }).src).wholeWords() : [];
  return [...new Set([...pieces, ...w2v])].filter((w) => /^[a-z]{3,}$/.test(w));
}

/** Each word alone, numbered and a blank line apart so that Apertium cannot merge or reorder lines. */
function translateWords(words: readonly string[]): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
  try {
    const inFile = path.join(dir, 'in.txt');
    const outFile = path.join(dir, 'out.txt');
    fs.writeFileSync(inFile, words.map((w, i) => `${i} ${w}\n`).join('\n'));
    execFileSync('apertium', ['-u', 'eng-spa', inFile, outFile], { stdio: 'ignore' });
    const out = new Map<string, string>();
    for (const line of fs.readFileSync(outFile, 'utf8').split('\n')) {
      const m = line.trim().match(/^(\d+) (.+)$/);
      const en = m && words[Number(m[1])];
      const es = m?.[2]!.toLowerCase().trim();
      // one or two Spanish words; the same word back means Apertium did not know it
      if (en && es && es !== en && /^[\p{L}]+(?: [\p{L}]+)?$/u.test(es)) out.set(en, es);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

requireApertium();
const t0 = Date.now();
const words = englishWords();
const lexicon = translateWords(words);
fs.writeFileSync(OUT, [...lexicon].map(([en, es]) => `${en}\t${es}`).join('\n') + '\n');
console.log(`${lexicon.size} of ${words.length} English words → ${path.relative(process.cwd(), OUT)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
