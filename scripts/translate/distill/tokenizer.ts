// Trains the subword vocabularies with SentencePiece (Debian `sentencepiece`: spm_train), one
// unigram model per language, on the normalised text the models read (subword.ts normalizeText),
// and writes them as SubwordFile JSON that src/nn/translate/model/subword.ts encodes without spm.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_SLOTS, normalizeText, slotToken, type SubwordFile } from '../../../src/nn/translate/model/subword.ts';

export interface TokenizerOptions {
  srcVocab: number;
  tgtVocab: number;
  type: 'unigram' | 'bpe';
}

export const DEFAULT_TOKENIZER: TokenizerOptions = { srcVocab: 6000, tgtVocab: 5000, type: 'unigram' };

/**
 * Whole words of the beginner course (the generator's vocabulary) added as single pieces, so a
 * course sentence encodes word by word as the word-level models read it (and a transformer can be
 * warm-started from one: distill/encoded.ts). A whole-word piece outscores any split of the word.
 */
export function withWholeWords(file: SubwordFile, words: Iterable<string>): { file: SubwordFile; added: number } {
  const have = new Set(file.pieces.map(([p]) => p));
  const pieces = [...file.pieces];
  let added = 0;
  for (const w of words) {
    if (!/^[\p{L}']+$/u.test(w) || have.has(`▁${w}`)) continue;
    have.add(`▁${w}`);
    pieces.push([`▁${w}`, -1]);
    added++;
  }
  return { file: { ...file, pieces }, added };
}

function requireSpm(): void {
  try {
    execFileSync('spm_train', ['--help'], { stdio: 'pipe' });
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new Error('SentencePiece is needed: as root run `apt-get install -y sentencepiece` (Debian package), then rerun.');
  }
}

/** spm_train on one file of normalised lines → SubwordFile. */
export function trainSpm(textFile: string, prefix: string, vocab: number, type: TokenizerOptions['type']): SubwordFile {
  requireSpm();
  const slots = Array.from({ length: MAX_SLOTS }, (_, i) => slotToken(i)).join(',');
  execFileSync('spm_train', [
    `--input=${textFile}`, `--model_prefix=${prefix}`, `--vocab_size=${vocab}`, `--model_type=${type}`,
    '--character_coverage=1.0', '--normalization_rule_name=identity', '--pad_id=0', '--eos_id=1', '--unk_id=2', '--bos_id=-1',
    `--user_defined_symbols=${slots}`, '--input_sentence_size=400000', '--shuffle_input_sentence=true', '--num_threads=1',
    '--minloglevel=2',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  const pieces = fs
    .readFileSync(`${prefix}.vocab`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l, i): [string, number] => {
      const [p, score] = l.split('\t');
      return [i === 0 ? '<PAD>' : i === 1 ? '<EOS>' : i === 2 ? '<UNK>' : p!, Number(score)];
    });
  return { format: 'nn-tutor-unigram', pieces };
}

/** Normalised source and target lines (copy slots shared within a pair, as at inference). */
export function normalizedPairs(pairs: readonly { en: string; es: string }[]): { src: string[]; tgt: string[] } {
  const src: string[] = [];
  const tgt: string[] = [];
  for (const p of pairs) {
    const slots = new Map<string, string>();
    src.push(normalizeText(p.en, slots));
    tgt.push(normalizeText(p.es, slots));
  }
  return { src, tgt };
}

export function trainTokenizers(
  pairs: readonly { en: string; es: string }[] | undefined,
  dir: string,
  courseWords: { src: Iterable<string>; tgt: Iterable<string> },
  o: TokenizerOptions = DEFAULT_TOKENIZER,
) {
  const t0 = Date.now();
  if (pairs) {
    const { src, tgt } = normalizedPairs(pairs);
    fs.writeFileSync(path.join(dir, 'src.txt'), src.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'tgt.txt'), tgt.join('\n') + '\n');
  }
  const s = withWholeWords(trainSpm(path.join(dir, 'src.txt'), path.join(dir, 'spm-src'), o.srcVocab, o.type), courseWords.src);
  const t = withWholeWords(trainSpm(path.join(dir, 'tgt.txt'), path.join(dir, 'spm-tgt'), o.tgtVocab, o.type), courseWords.tgt);
  fs.writeFileSync(path.join(dir, 'subword.json'), JSON.stringify({ src: s.file, tgt: t.file, options: o }));
  return { ...o, courseWordsAdded: { src: s.added, tgt: t.added }, pieces: { src: s.file.pieces.length, tgt: t.file.pieces.length }, seconds: (Date.now() - t0) / 1000 };
}
