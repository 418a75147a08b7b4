// Open-vocabulary text ↔ ids for the translators: a SentencePiece unigram model trained here
// (spm_train, see scripts/translate/distill/tokenizer.ts) encoded with its own Viterbi in TS, plus
// copy slots: URLs, e-mails, @mentions, numbers, emoji, `code` and any word with a character the
// vocabulary never saw are replaced by ⟪0⟫, ⟪1⟫, … before encoding and put back verbatim on decode.

/** What the tokenizer file holds (models/translate/<model>/subword.json). */
export interface SubwordFile {
  format: 'nn-tutor-unigram';
  /** [piece, log probability] in id order; ids 0–2 are <PAD>, <EOS>, <UNK> as in vocab.ts. */
  pieces: [string, number][];
}

import { keptTerm } from './jargon.ts';

export const WORD_START = '▁';
export const MAX_SLOTS = 8;
export const slotToken = (i: number) => `⟪${i}⟫`;
export const SLOT_RE = /^⟪(\d)⟫$/;

export interface Encoded {
  ids: number[];
  pieces: string[];
  /** The source words (after normalisation) the pieces spell, for the heatmap's rows/columns. */
  words: string[];
  /** pieces[i] belongs to words[wordOf[i]]. */
  wordOf: number[];
  /** slot token → the original text it stands for (copied through on decode). */
  slots: Map<string, string>;
}

/** Laughter and chat noises, copied as typed: "lol" is no English word to translate. */
export const LAUGHTER = /(?<![\p{L}\p{N}])(?:[lL][oO][lL]+|[lL][mM][fF]?[aA][oO]+|[rR][oO][fF][lL]|[hH][aA](?:[hH][aA])+[hH]?|[hH][eE](?:[hH][eE])+|[xX][dD]+)(?![\p{L}\p{N}])/u;

/** Discord and Slack markup for mentions, channels and links: <@123>, <#C1|general>, <!here>, <https://x|x>. */
export const PLATFORM_MARKUP = /<(?:[@#!][^<>\s|]*|https?:\/\/[^<>\s|]+)(?:\|[^<>\n]{0,100})?>/u;

// Spans copied verbatim: order matters (a URL contains digits, an e-mail an @).
const COPY_SPANS = [
  PLATFORM_MARKUP.source,
  /https?:\/\/\S+|www\.\S+/u.source,
  /[\w.+-]+@[\w-]+\.[\w.]+/u.source,
  /@\w+/u.source,
  /`[^`]+`/u.source,
  LAUGHTER.source,
  // names with digits inside (word2vec, seq2seq, gpt2): one span, not word + number + word
  /(?<![\p{L}\d])\p{L}+\d+[\p{L}\d]*(?![\p{L}\d])/u.source,
  // a time keeps its am/pm ("3pm", "10:30 a.m."): split off, "pm" came back as nothing or a word
  /\d+(?:[.,:/]\d+)*(?:%|\s?[ap]\.?m\b\.?)?/u.source,
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|\p{Emoji_Modifier})*/u.source,
];
const COPY_RE = new RegExp(COPY_SPANS.join('|'), 'gu');

/**
 * Text as the models read and write it: NFC, straight quotes, lower case, punctuation split off
 * ("Hi, Ana!" → "hi , ana !"), copy spans replaced by slots. Used for both languages.
 */
export function normalizeText(text: string, slots = new Map<string, string>()): string {
  let s = text.normalize('NFC').replace(/[’‘`´]/g, (m) => (m === '`' ? m : "'")).replace(/[“”«»]/g, '"');
  const bySource = new Map([...slots].map(([k, v]) => [v, k]));
  s = s.replace(COPY_RE, (m) => {
    let key = bySource.get(m);
    if (!key) {
      if (slots.size >= MAX_SLOTS) return m.startsWith('`') ? m.slice(1, -1) : m;
      key = slotToken(slots.size);
      slots.set(key, m);
      bySource.set(m, key);
    }
    return ` ${key} `;
  });
  s = s.toLowerCase();
  s = s.replace(/([¿¡?!.,;:"()\[\]…])/g, ' $1 ');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Spanish opens questions and exclamations: ["te", "gusta", "?"] → ["¿", "te", "gusta", "?"]
 * (the distilled targets often lack the opening mark; the gold ones have it).
 */
export function openingMarks(words: readonly string[]): string[] {
  const out: string[] = [];
  let start = 0; // where the current sentence begins in out
  for (const w of words) {
    out.push(w);
    if (w === '?' || w === '!') {
      const open = w === '?' ? '¿' : '¡';
      if (!out.slice(start).includes(open)) out.splice(start, 0, open);
    }
    if (w === '.' || w === '?' || w === '!') start = out.length;
  }
  return out;
}

/**
 * Words written with a capital inside a sentence ("my friend Kowalski"), lower-cased: with
 * `nameSlots`, those the vocabulary cannot spell as one piece are copied through as slots
 * instead of being translated piece by piece into something invented.
 */
export function likelyNames(text: string): Set<string> {
  const out = new Set<string>();
  text.split(/\s+/).forEach((raw, i, all) => {
    const w = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const sentenceStart = i === 0 || /[.?!]$/.test(all[i - 1]!);
    if (!sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(w)) out.add(w.toLowerCase());
  });
  return out;
}

/**
 * Slots in a decoded translation: each at most once (a model may repeat one), and any the model
 * left out appended, so nothing the user wrote is silently dropped.
 */
export function settleSlots(words: readonly string[], slots: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const out = words.filter((w) => !SLOT_RE.test(w) || (slots.has(w) && !seen.has(w) && seen.add(w)));
  const missing = [...slots.keys()].filter((k) => !seen.has(k));
  if (!missing.length) return out;
  const end = out.length && /^[.?!]$/.test(out.at(-1)!) ? out.length - 1 : out.length;
  return [...out.slice(0, end), ...missing, ...out.slice(end)];
}

/** Spanish (or English) words → written text: "¿ dónde vives ?" → "¿Dónde vives?". */
export function detokenize(words: readonly string[], slots: ReadonlyMap<string, string> = new Map()): string {
  // slots holding only marks ("¡", "🎉") come back first, so the spacing rules apply to them
  const value = (k: string) => slots.get(k) ?? '';
  let s = words.map((w) => w.replace(/⟪\d⟫/g, (k) => (/\p{L}/u.test(value(k)) ? k : value(k)))).join(' ');
  s = s.replace(/\s+([?!.,;:…)\]])/g, '$1').replace(/([¿¡(\[])\s+/g, '$1').replace(/\s+/g, ' ').trim();
  s = s.replace(/[,;:]+(?=[?!.])/g, ''); // "marcador,?": a comma never ends a sentence
  // first letter of each sentence, also after an opening ¿ ¡; before the slots come back, so a
  // link or `code` starting a sentence keeps its case
  s = s.replace(/(^|[.?!]\s+)([¿¡"(]*)(\p{Ll})/gu, (_, a: string, b: string, c: string) => a + b + c.toUpperCase());
  return s.replace(/⟪\d⟫/g, value).replace(/\s+/g, ' ').trim();
}

export class SubwordTokenizer {
  private readonly index = new Map<string, number>();
  private readonly maxPieceLen: number;
  readonly chars: ReadonlySet<string>;

  constructor(readonly file: SubwordFile) {
    file.pieces.forEach(([p], i) => this.index.set(p, i));
    this.maxPieceLen = Math.max(...file.pieces.map(([p]) => [...p].length));
    const chars = new Set<string>();
    for (const [p] of file.pieces) if (!/^<.*>$/.test(p)) for (const c of p) chars.add(c);
    this.chars = chars;
  }

  get size(): number {
    return this.file.pieces.length;
  }

  /** The pieces that are whole words of letters ("▁casa" → "casa"), most probable first. */
  wholeWords(): string[] {
    return this.file.pieces
      .filter(([p]) => p.startsWith(WORD_START) && /^\p{L}{2,}$/u.test(p.slice(1)))
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p.slice(1));
  }

  piece(id: number): string {
    return this.file.pieces[id]?.[0] ?? '<UNK>';
  }

  id(piece: string): number | undefined {
    return this.index.get(piece);
  }

  /** Most probable segmentation of one word (Viterbi over the unigram log probabilities). */
  private segment(word: string): string[] {
    const text = WORD_START + word;
    // offsets of code points, so a piece never splits a surrogate pair
    const at: number[] = [];
    for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) at.push(i);
    at.push(text.length);
    const n = at.length - 1;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1);
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - this.maxPieceLen); start < end; start++) {
        if (best[start] === -Infinity) continue;
        const id = this.index.get(text.slice(at[start]!, at[end]!));
        if (id === undefined || id < 3) continue;
        const score = best[start]! + this.file.pieces[id]![1];
        if (score > best[end]!) {
          best[end] = score;
          from[end] = start;
        }
      }
    }
    if (best[n] === -Infinity) return ['<UNK>'];
    const out: string[] = [];
    for (let end = n; end > 0; end = from[end]!) out.push(text.slice(at[from[end]!]!, at[end]!));
    return out.reverse();
  }

  /**
   * Text → ids. A word with a character the vocabulary never saw becomes a copy slot, so nothing
   * the user typed maps to <UNK>. `slots` may be shared with a second call (target side in training).
   */
  encode(text: string, slots = new Map<string, string>(), opts: { nameSlots?: boolean } = {}): Encoded {
    const names = opts.nameSlots ? likelyNames(text) : new Set<string>();
    const normalized = normalizeText(text, slots);
    const words = normalized ? normalized.split(' ') : [];
    const pieces: string[] = [];
    const wordOf: number[] = [];
    words.forEach((w, wi) => {
      let ps: string[];
      // at inference (nameSlots) a technical term (GPU, PyTorch) is copied in its usual spelling
      const term = opts.nameSlots ? keptTerm(w) : undefined;
      if (SLOT_RE.test(w)) ps = [w];
      else if (slots.size < MAX_SLOTS && (term || [...w].some((c) => !this.chars.has(c)) || (names.has(w) && this.segment(w).length >= 2))) {
        const key = slotToken(slots.size);
        slots.set(key, term ?? w);
        words[wi] = key;
        ps = [key];
      } else ps = this.segment(w);
      for (const p of ps) {
        pieces.push(p);
        wordOf.push(wi);
      }
    });
    const ids = pieces.map((p) => this.index.get(p) ?? 2);
    return { ids, pieces, words, wordOf, slots };
  }

  /** Ids (up to <EOS>) → the words they spell, slots still as ⟪i⟫. */
  words(ids: readonly number[]): string[] {
    let s = '';
    for (const id of ids) {
      if (id === 1) break;
      if (id === 0) continue;
      const p = this.piece(id);
      s += SLOT_RE.test(p) ? WORD_START + p : p;
    }
    return s.split(WORD_START).filter(Boolean);
  }

  /** Ids → written text, slots replaced by what they stood for. */
  decode(ids: readonly number[], slots: ReadonlyMap<string, string> = new Map()): string {
    return detokenize(this.words(ids), slots);
  }
}
