// Text in and out of an open-vocabulary (subword) translator: the source is cut into pieces
// (copy slots for numbers, URLs, emoji, names the vocabulary cannot spell), the model writes
// Spanish pieces, and the pieces are joined back into words with the slots restored verbatim.
import { SubwordTokenizer, WORD_START, detokenize, openingMarks, settleSlots, type SubwordFile } from '../model/subword.ts';
import { keepQuestion, polishSpanish } from './polish.ts';
import type { DecodeOptions, LoadedTranslator } from './translator.ts';

export interface SubwordPair {
  src: SubwordTokenizer;
  tgt: SubwordTokenizer;
}

export function subwordPair(files: { src: SubwordFile; tgt: SubwordFile }): SubwordPair {
  return { src: new SubwordTokenizer(files.src), tgt: new SubwordTokenizer(files.tgt) };
}

/** A piece as a chart label: "▁casa" → "casa", a continuation "s" → "-s", a copy slot → what it copies. */
export function pieceLabel(p: string, slots: ReadonlyMap<string, string> = new Map()): string {
  const copied = slots.get(p);
  if (copied !== undefined) return copied;
  return p.startsWith(WORD_START) ? p.slice(1) || '␣' : `-${p}`;
}

export interface SubwordTranslation {
  pieces: string[]; // source pieces the model read
  sourceWords: string[]; // the source words they spell
  wordOf: number[]; // pieces[i] belongs to sourceWords[wordOf[i]]
  tokens: string[]; // Spanish pieces the model wrote
  slots: ReadonlyMap<string, string>; // copy slot → the text it stands for
  text: string;
  attention: number[][]; // [output piece incl. <EOS>][source piece]
  score: number;
}

/**
 * Capitals the user wrote inside the sentence (names: "with Kowalski") come back on the same
 * words of the translation; the tokenizer itself reads and writes lower case.
 */
export function restoreCase(spanish: string, english: string, properNames: ReadonlySet<string> = new Set()): string {
  const capitalised = new Map<string, string>();
  english.split(/\s+/).forEach((w, i) => {
    const word = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (i > 0 && /^\p{Lu}/u.test(word) && word !== 'I') capitalised.set(word.toLowerCase(), word);
  });
  return spanish.replace(/\p{L}+/gu, (w) => capitalised.get(w) ?? (properNames.has(w) ? w.charAt(0).toUpperCase() + w.slice(1) : w));
}

/** Decoded Spanish words (slots as ⟪i⟫) → the text a user reads; one path for /translate and the evals. */
export function spanishText(words: readonly string[], slots: ReadonlyMap<string, string>, english: string, properNames?: ReadonlySet<string>): string {
  return restoreCase(detokenize(polishSpanish(openingMarks(keepQuestion(settleSlots(words, slots), english)), slots), slots), english, properNames);
}

export function translateSubword(t: LoadedTranslator, sw: SubwordPair, text: string, opts: DecodeOptions = {}): SubwordTranslation {
  const enc = sw.src.encode(text, new Map(), { nameSlots: true });
  const out = t.translateTokens(enc.pieces, opts);
  const words = sw.tgt.words(out.tokens.map((p) => sw.tgt.id(p) ?? 2));
  return {
    pieces: enc.pieces,
    sourceWords: enc.words,
    wordOf: enc.wordOf,
    tokens: out.tokens,
    slots: enc.slots,
    text: spanishText(words, enc.slots, text, t.properNames),
    attention: out.attention,
    score: out.score,
  };
}
