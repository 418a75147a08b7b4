// npm run data:translate-wild must have run. Measures the choices behind the open vocabulary on
// the wild dev set (never trained on): unknown-word rate of word-level vocabularies (the old
// model's, and the 8,000 most frequent words of the new corpus) against unigram and BPE subword
// vocabularies: pieces per word (sequence length) and encode speed of the shipped unigram vocabularies (data:translate-wild), pieces per word of an 8,000-piece BPE.
// tsx scripts/translate/distill/measure-tokenizer.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SubwordTokenizer, normalizeText, type SubwordFile } from '../../../src/nn/translate/model/subword.ts';
import { loadWild } from '../devset/wild.ts';
import { WILD_DATA_DIR } from './paths.ts';
import { trainSpm } from './tokenizer.ts';

const wild = loadWild();
const sides = { src: wild.map((w) => w.en), tgt: wild.map((w) => w.refs[0]!) };
const words = (lines: string[]) => lines.flatMap((l) => normalizeText(l).split(' ')).filter((w) => !/^⟪\d⟫$/.test(w));
const result: Record<string, unknown> = {};

for (const side of ['src', 'tgt'] as const) {
  const devWords = words(sides[side]);
  const corpus = fs.readFileSync(path.join(WILD_DATA_DIR, `${side}.txt`), 'utf8').split('\n');
  const counts = new Map<string, number>();
  for (const l of corpus) for (const w of l.split(' ')) if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = new Set([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8000).map(([w]) => w));
  const oldVocab = new Set((JSON.parse(fs.readFileSync('models/translate/transformer/vocab.json', 'utf8')) as Record<string, string[]>)[side]);
  const oov = (v: Set<string>) => devWords.filter((w) => !v.has(w)).length / devWords.length;
  const uni = new SubwordTokenizer((JSON.parse(fs.readFileSync(path.join(WILD_DATA_DIR, 'subword.json'), 'utf8')) as Record<string, SubwordFile>)[side]!);
  const t0 = performance.now();
  let pieces = 0;
  for (let r = 0; r < 20; r++) for (const l of sides[side]) pieces += uni.encode(l).ids.length;
  const ms = performance.now() - t0;
  // BPE of the same size, for the sequence length it gives (spm_encode)
  const prefix = path.join(WILD_DATA_DIR, `measure-bpe-${side}`);
  trainSpm(path.join(WILD_DATA_DIR, `${side}.txt`), prefix, 8000, 'bpe');
  const devFile = `${prefix}.dev.txt`;
  fs.writeFileSync(devFile, sides[side].map((l) => normalizeText(l)).join('\n') + '\n');
  const bpe = execFileSync('spm_encode', [`--model=${prefix}.model`, `--input=${devFile}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  result[side] = {
    devWords: devWords.length,
    unknownWordRate: { oldWordVocab: oov(oldVocab), newCorpusTop8000Words: oov(top) },
    unigramShipped: { pieces: uni.size, piecesPerWord: pieces / 20 / devWords.length, unknownPieces: 0, encodeWordsPerSecond: Math.round((devWords.length * 20) / (ms / 1000)) },
    bpe8000: { piecesPerWord: bpe.reduce((s, l) => s + l.split(' ').length, 0) / devWords.length },
  };
}
console.log(JSON.stringify(result, null, 2));
