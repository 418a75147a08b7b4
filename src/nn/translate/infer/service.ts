// What the commands call: text in, translation + attention + unknown words out. Loads the
// tensor engine and the shipped models lazily, once per process.
import { editDistance } from '../../../core/suggest.ts';
import { MODEL_KINDS, type ModelKind } from '../model/config.ts';
import { formatSpanish, normalizeEnglish } from '../model/text.ts';
import type { DecodeOptions, LoadedTranslator } from './translator.ts';
import { pieceLabel, translateSubword } from './subword-text.ts';

export const MAX_WORDS = 30;

export interface UnknownWord {
  word: string;
  suggestions: string[];
}

export interface TextTranslation {
  model: ModelKind;
  source: string[]; // English tokens the model read
  tokens: string[]; // Spanish tokens
  text: string; // written Spanish (¿…?, ¡…!, capitals)
  attention: number[][]; // [output token incl. <EOS>][source token]
  unknown: UnknownWord[];
  ms: number;
}

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

/**
 * Nearest known words by edit distance (transpositions count 1), at most ~⅓ of the word's
 * letters away; ties keep the vocabulary's order, which is most frequent first.
 */
export function nearestWords(word: string, known: readonly string[], max = 3): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return known
    .map((k, i) => ({ k, i, d: editDistance(word, k) }))
    .filter((x) => x.d <= limit && (x.k.length > 2 || word.length <= 3))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((x) => x.k);
}

/** Words outside the model's vocabulary, each with the nearest known words. */
function unknownWithSuggestions(t: LoadedTranslator, tokens: readonly string[]): UnknownWord[] {
  const words = t.unknownWords(tokens);
  if (!words.length) return [];
  const known = t.srcVocab.words().filter((w) => w !== '?');
  return words.map((word) => ({ word, suggestions: nearestWords(word, known) }));
}

export async function translateText(text: string, name: ModelKind, opts: DecodeOptions = {}): Promise<TextTranslation> {
  const input = normalizeEnglish(text);
  const t = await getTranslator(name);
  if (t.subword) {
    const t0 = performance.now();
    const out = translateSubword(t, t.subword, text, opts);
    const label = (p: string) => pieceLabel(p, out.slots);
    return { model: name, source: out.pieces.map(label), tokens: out.tokens.map(label), text: out.text, attention: out.attention, unknown: [], ms: performance.now() - t0 };
  }
  const unknown = unknownWithSuggestions(t, input.tokens);
  const t0 = performance.now();
  const out = t.translateTokens(input.tokens, opts);
  return {
    model: name,
    source: input.tokens,
    tokens: out.tokens,
    text: formatSpanish(out.tokens, { exclamation: input.exclamation, properNames: t.properNames }),
    attention: out.attention,
    unknown,
    ms: performance.now() - t0,
  };
}

/** Encoder self-attention of the transformer for /attention: [layer][head][S][S]. */
export async function selfAttention(text: string): Promise<{ source: string[]; maps: number[][][][]; unknown: UnknownWord[] }> {
  const input = normalizeEnglish(text);
  const t = await getTranslator('transformer');
  if (t.subword) {
    const enc = t.subword.src.encode(text, new Map(), { nameSlots: true });
    return { source: enc.pieces.map((p) => pieceLabel(p, enc.slots)), maps: t.encoderSelfAttention(enc.pieces), unknown: [] };
  }
  const unknown = unknownWithSuggestions(t, input.tokens);
  return { source: input.tokens, maps: t.encoderSelfAttention(input.tokens), unknown };
}
