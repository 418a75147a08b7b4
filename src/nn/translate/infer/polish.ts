// Slips a small student model copies from its data, mended on the decoded Spanish words
// (lower case, marks as their own words, copy slots still as ⟪i⟫):
// - a number or a name the model put after the final full stop ("no entiendo la pregunta . ⟪0⟫"):
//   the stop moves to the end; laughter and emoji may trail a sentence ("estoy cansado . lol").
// - an accented question word opening a sentence that is no question ("cuándo el concierto
//   acabó , …"): Spanish writes it without the accent there ("cuando"); a real question has ¿.
// - a question answered as a statement (keepQuestion).
import { LAUGHTER, SLOT_RE } from '../model/subword.ts';

// not qué / quién / cuánto: they also open exclamations ("qué bonito"), which keep the accent
const UNACCENTED: Record<string, string> = { cuándo: 'cuando', dónde: 'donde', adónde: 'adonde', cómo: 'como' };
const isMark = (w: string) => /^[.?!]$/.test(w);
const WHOLE_LAUGHTER = new RegExp(`^(?:${LAUGHTER.source})$`, 'u');
const ALL_LAUGHTER = new RegExp(LAUGHTER.source, 'gu');

/** A slot that is part of the sentence's meaning (a number, a name), not a trailing aside. */
function isContentSlot(w: string, slots: ReadonlyMap<string, string>): boolean {
  const v = slots.get(w);
  return v !== undefined && /[\p{L}\p{N}]/u.test(v) && !WHOLE_LAUGHTER.test(v);
}

/**
 * Questions in, questions out: the English asked (its last sentence ends in "?") but the model
 * wrote a statement, so its final stop becomes "?" (openingMarks then adds the ¿); and an English
 * text that asks nothing gets no "?" the model wrote ("cant find the room" → "no encuentro la sala").
 */
export function keepQuestion(words: readonly string[], english: string): string[] {
  if (!english.includes('?')) return words.map((w) => (w === '?' ? '.' : w)).filter((w, i, a) => !(w === '.' && a[i - 1] === '.'));
  const asks = /\?$/.test(english.replace(ALL_LAUGHTER, '').replace(/[^\p{L}\p{N}?.!]+$/u, ''));
  if (!asks) return [...words];
  let end = words.length - 1;
  while (end >= 0 && SLOT_RE.test(words[end]!)) end--;
  if (end >= 0 && words[end] === '?') return [...words];
  const out = [...words];
  if (end >= 0 && (words[end] === '.' || words[end] === '!')) out[end] = '?';
  else out.splice(end + 1, 0, '?');
  return out;
}

export function polishSpanish(words: readonly string[], slots: ReadonlyMap<string, string> = new Map()): string[] {
  const out = [...words];
  // the final mark and the slots after it
  let mark = out.length - 1;
  while (mark >= 0 && SLOT_RE.test(out[mark]!)) mark--;
  if (mark >= 0 && mark < out.length - 1 && isMark(out[mark]!) && out.slice(mark + 1).some((w) => isContentSlot(w, slots))) {
    const trailing = out.splice(mark + 1);
    const content = trailing.filter((w) => isContentSlot(w, slots));
    const asides = trailing.filter((w) => !isContentSlot(w, slots));
    out.splice(mark, 0, ...content);
    out.push(...asides);
  }
  for (let i = 0; i < out.length; i++) {
    const starts = i === 0 || isMark(out[i - 1]!);
    const plain = UNACCENTED[out[i]!];
    if (starts && plain) out[i] = plain;
  }
  return out;
}
