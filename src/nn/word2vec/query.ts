// From what a user typed to vocabulary words: case and surrounding punctuation normalised, and
// for unknown words the nearest spellings the vectors do know.
import type { WordVectors } from './vectors.ts';

/** "King," → "king"; inner apostrophes and hyphens stay ("don't", "well-known"). */
export function normaliseWord(raw: string): string {
  return raw.toLowerCase().replace(/[’‘]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Words of a free-text query (spaces, commas or plus signs between them). */
export function splitWords(text: string): string[] {
  return text.split(/[\s,+]+/).map(normaliseWord).filter((w) => w !== '');
}

export interface Unknown {
  word: string;
  suggestions: string[];
}

export interface Lookup {
  known: string[];
  unknown: Unknown[];
}

export function lookup(v: WordVectors, words: readonly string[]): Lookup {
  const known: string[] = [];
  const unknown: Unknown[] = [];
  for (const w of words) {
    if (v.has(w)) known.push(w);
    else unknown.push({ word: w, suggestions: v.suggestions(w, 5) });
  }
  return { known, unknown };
}
