// What the commands call: text in, translation + attention + unknown words out. Loads the
// tensor engine and the shipped models lazily, once per process. The pipeline:
// chat English → written English (model/chat.ts) → tokens → unambiguous typos corrected →
// decoding → words the model cannot read copied or looked up at the attended place
// (rare-words.ts) → written Spanish, with those words marked and the model's confidence.
import fs from 'node:fs';
import path from 'node:path';
import { escapeMarkdown } from '../../../core/reply.ts';
import { MODELS_DIR as NN_MODELS_DIR } from '../../catalog.ts';
import { MODEL_KINDS, type ModelKind } from '../model/config.ts';
import { SLOT_WORD, normalizeChat, type ChatChange } from '../model/chat.ts';
import { formatSpanish, normalizeEnglish } from '../model/text.ts';
import { insertNegation } from './negation.ts';
import { lexiconFrom, replaceRareWords, type Lexicon, type RareWord } from './rare-words.ts';
import type { DecodeOptions, LoadedTranslator } from './translator.ts';
import { pieceLabel, translateSubword } from './subword-text.ts';
import { nearestWords, openVocabularyCorrection, unambiguousCorrection } from './typos.ts';
import { isListedWord } from './english-words.ts';

export { nearestWords } from './typos.ts';

export const MAX_WORDS = 30;

export interface UnknownWord {
  word: string;
  suggestions: string[];
}

export interface TextTranslation {
  model: ModelKind;
  source: string[]; // English tokens the model read (subword models: piece labels, "-s" continues a word)
  /** The source is subword pieces: "Read as" joins a word's pieces with "·". */
  pieces?: boolean;
  tokens: string[]; // Spanish tokens
  text: string; // written Spanish (¿…?, ¡…!, capitals)
  attention: number[][]; // [output token incl. <EOS>][source token]
  unknown: UnknownWord[]; // words still unknown after typo correction (copied or looked up)
  /** Chat words rewritten and typos corrected, in reading order ("Read as:" shows them). */
  corrections: ChatChange[];
  /** Output words the model did not write itself: copied from the English or from the lexicon. */
  rare: RareWord[];
  /** A negation the model dropped and the reply put back ("no", "nunca"). */
  addedNegation?: string;
  /** `text` with those words in _italics_ (markdown, user text escaped). */
  marked: string;
  /** The model's own confidence: geometric mean of its per-token probabilities (0–1). */
  confidence: number;
  ms: number;
}

/** Below this mean per-token probability the reply says the translation is a guess. */
export const LOW_CONFIDENCE = 0.5;

// Loaded once and kept: under tsx every dynamic import() is a round trip to its loader thread,
// and a /translate made five of them.
let translatorModule: Promise<typeof import('./translator.ts')> | undefined;
let engine: Promise<typeof import('../../runtime.ts').tf> | undefined;

const translatorCode = () => (translatorModule ??= import('./translator.ts'));

function startEngine() {
  engine ??= (async () => {
    const { initBackend, tf } = await import('../../runtime.ts');
    await initBackend();
    return tf;
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Which translation models are shipped (does not start the tensor engine). */
export async function availableModels(): Promise<ModelKind[]> {
  const { modelExists } = await translatorCode();
  return MODEL_KINDS.filter((m) => modelExists(m));
}

export async function getTranslator(name: ModelKind): Promise<LoadedTranslator> {
  const [tf, { loadTranslator }] = await Promise.all([startEngine(), translatorCode()]);
  return loadTranslator(tf, name);
}

/** Words outside the model's vocabulary, each with the nearest known words. */
function unknownWithSuggestions(t: LoadedTranslator, tokens: readonly string[]): UnknownWord[] {
  const words = t.unknownWords(tokens);
  if (!words.length) return [];
  const known = t.srcVocab.words().filter((w) => w !== '?');
  return words.map((word) => ({ word, suggestions: nearestWords(word, known) }));
}

let lexicon: Lexicon | undefined;

/**
 * The bilingual lexicon for words the model cannot read: models/translate/lexicon.tsv
 * (`english<TAB>spanish` per line), when it is shipped; otherwise such words are copied.
 */
export function loadLexicon(file = path.join(modelsDir(), 'lexicon.tsv')): Lexicon | undefined {
  if (lexicon) return lexicon;
  if (!fs.existsSync(file)) return undefined;
  const pairs = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.split('\t')).filter((p): p is [string, string] => p.length >= 2 && !!p[0] && !!p[1]);
  return (lexicon = lexiconFrom(pairs.map(([en, es]) => [en.trim().toLowerCase(), es.trim()] as const)));
}

const modelsDir = () => path.join(NN_MODELS_DIR, 'translate');

let word2vecWords: string[] | undefined;
/** The shipped word2vec vocabulary, most frequent first (40,000 words of real English text). */
function word2vecVocabulary(): string[] {
  if (word2vecWords) return word2vecWords;
  const file = path.join(NN_MODELS_DIR, 'word2vec', 'vocab.txt');
  return (word2vecWords = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
}

let englishWords: ReadonlySet<string> | undefined;
/**
 * Real English words the translators do not know ("feeds"): never "corrected" into a known word
 * one letter away ("needs"). The 20,000 most frequent words of the shipped word2vec vocabulary
 * (names and words of its texts), and the word-list package's English words.
 */
function isRealEnglish(word: string, isKnown: (w: string) => boolean): boolean {
  englishWords ??= new Set(word2vecVocabulary().slice(0, 20_000));
  return englishWords.has(word) || isListedWord(word, isKnown);
}

interface OpenVocabularyWords {
  known: string[]; // correction targets: whole-word pieces, then frequent English words
  real: ReadonlySet<string>; // never corrected
}
const openWords = new WeakMap<LoadedTranslator, OpenVocabularyWords>();

function openVocabularyWords(t: LoadedTranslator): OpenVocabularyWords {
  let w = openWords.get(t);
  if (!w) {
    const pieces = t.subword!.src.wholeWords();
    const english = word2vecVocabulary();
    const known = [...new Set([...pieces, ...english.slice(0, 20_000)])];
    w = { known, real: new Set([...pieces, ...english]) };
    openWords.set(t, w);
  }
  return w;
}

/** A typo fix for the open-vocabulary model ("diffrence" → "difference"), or undefined. */
function typoFixer(t: LoadedTranslator): (word: string) => string | undefined {
  const { known, real } = openVocabularyWords(t);
  return (word) => (word.length >= 4 && !SLOT_WORD.test(word) ? openVocabularyCorrection(word, known, (w) => real.has(w) || isListedWord(w, (x) => real.has(x))) : undefined);
}

/** Reading the input: chat normalisation, tokens, typo corrections; slots restored as the user typed them. */
function readInput(t: LoadedTranslator, text: string): { tokens: string[]; shown: string[]; exclamation: boolean; corrections: ChatChange[] } {
  const chat = normalizeChat(text);
  const input = normalizeEnglish(chat.text);
  const corrections = [...chat.changes];
  const known = t.srcVocab.words().filter((w) => w !== '?');
  // capitals typed inside the sentence mark names: never "corrected"
  const typedCapital = new Set(text.split(/\s+/).slice(1).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  const tokens = input.tokens.map((tok) => {
    if (t.srcVocab.has(tok) || SLOT_WORD.test(tok) || typedCapital.has(tok) || isRealEnglish(tok, (w) => t.srcVocab.has(w))) return tok;
    const fix = unambiguousCorrection(tok, known);
    if (!fix) return tok;
    corrections.push({ from: tok, to: fix });
    return fix;
  });
  // what the reply shows for each token: slots and copied words as typed
  const typed = new Map(text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean).map((w) => [w.toLowerCase(), w] as const));
  const shown = tokens.map((tok) => {
    const slot = tok.match(SLOT_WORD);
    if (slot) return chat.slots[slot[1]!.charCodeAt(0) - 97] ?? '';
    return t.srcVocab.has(tok) ? tok : (typed.get(tok) ?? tok);
  });
  return { tokens, shown, exclamation: input.exclamation, corrections };
}

/**
 * Chat rewrites for an open-vocabulary model, whose tokenizer copies emoji, URLs and code
 * itself: the chat words are rewritten, the verbatim spans put back as typed.
 */
function chatText(t: LoadedTranslator, text: string): { text: string; changes: ChatChange[] } {
  const chat = normalizeChat(text, typoFixer(t));
  return { text: chat.text.replace(/zzslot([a-z])zz/g, (m, c: string) => chat.slots[c.charCodeAt(0) - 97] ?? m), changes: chat.changes };
}

function translateOpenVocabulary(t: LoadedTranslator, name: ModelKind, text: string, opts: DecodeOptions): TextTranslation {
  const t0 = performance.now();
  const chat = chatText(t, text);
  const out = translateSubword(t, t.subword!, chat.text, opts);
  const label = (p: string) => pieceLabel(p, out.slots);
  return {
    model: name,
    source: out.pieces.map(label),
    pieces: true,
    tokens: out.tokens.map(label),
    text: out.text,
    marked: escapeMarkdown(out.text),
    attention: out.attention,
    unknown: [],
    corrections: chat.changes,
    rare: [],
    confidence: Math.exp(out.score / (out.tokens.length + 1)),
    ms: performance.now() - t0,
  };
}

export async function translateText(text: string, name: ModelKind, opts: DecodeOptions = {}): Promise<TextTranslation> {
  const t = await getTranslator(name);
  if (t.subword) return translateOpenVocabulary(t, name, text, opts);
  const input = readInput(t, text);
  const unknown = unknownWithSuggestions(t, input.tokens.filter((tok) => !SLOT_WORD.test(tok))).map((u) => ({ ...u, word: input.shown[input.tokens.indexOf(u.word)] ?? u.word }));
  const t0 = performance.now();
  const out = t.translateTokens(input.tokens, opts);
  const isUnknown = input.tokens.map((tok) => !t.srcVocab.has(tok));
  const fixed = replaceRareWords(input.shown, isUnknown, out.tokens, out.attention, loadLexicon());
  // never drop a negation: beam search already waits for one; if the model could not write it at all, add it
  const negationAt = insertNegation(input.shown, fixed.tokens, fixed.attention);
  if (negationAt !== undefined) for (const r of fixed.rare) if (r.outputIndex >= negationAt) r.outputIndex++;
  const rareAt = new Set(fixed.rare.map((r) => r.outputIndex));
  const format = (render?: (tok: string, i: number) => string) =>
    formatSpanish(fixed.tokens, { exclamation: input.exclamation, properNames: t.properNames, keep: rareAt, render });
  return {
    model: name,
    source: input.shown,
    tokens: fixed.tokens,
    text: format(),
    marked: format((tok, i) => (rareAt.has(i) || i === negationAt ? `_${escapeMarkdown(tok)}_` : tok)),
    attention: t.hasAttention ? fixed.attention : [],
    unknown,
    corrections: input.corrections,
    rare: fixed.rare,
    addedNegation: negationAt !== undefined ? fixed.tokens[negationAt] : undefined,
    confidence: Math.exp(out.score / (out.tokens.length + 1)),
    ms: performance.now() - t0,
  };
}

/** Encoder self-attention of the transformer for /attention: [layer][head][S][S]. */
export async function selfAttention(text: string): Promise<{ source: string[]; maps: number[][][][]; unknown: UnknownWord[] }> {
  const t = await getTranslator('transformer');
  if (t.subword) {
    const enc = t.subword.src.encode(chatText(t, text).text, new Map(), { nameSlots: true });
    return { source: enc.pieces.map((p) => pieceLabel(p, enc.slots)), maps: t.encoderSelfAttention(enc.pieces), unknown: [] };
  }
  const input = readInput(t, text);
  const unknown = unknownWithSuggestions(t, input.tokens.filter((tok) => !SLOT_WORD.test(tok)));
  return { source: input.shown, maps: t.encoderSelfAttention(input.tokens), unknown };
}
