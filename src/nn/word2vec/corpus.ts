// Brown corpus preparation: NLTK "word/TAG" tokens → lower-case words, one sentence a line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A token is kept only if it has a letter or a digit (drops punctuation like `` '' . --). */
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Strip the tag (split at the LAST '/', since words like "1/2/cd" hold slashes), lower-case. */
export function untag(token: string): string {
  const slash = token.lastIndexOf('/');
  return (slash > 0 ? token.slice(0, slash) : token).toLowerCase();
}

/** One tagged Brown line → the kept words (may be empty). */
export function prepareLine(line: string): string[] {
  const out: string[] = [];
  for (const token of line.split(/\s+/)) {
    if (token === '') continue;
    const word = untag(token);
    if (HAS_WORD_CHAR.test(word)) out.push(word);
  }
  return out;
}

/** Corpus files are named c<category a–r><two digits>, e.g. ca01. */
export function brownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Every sentence of the corpus as a list of words, in file order. */
export function* brownSentences(dir: string): Generator<string[]> {
  for (const file of brownFiles(dir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const words = prepareLine(line);
      if (words.length > 0) yield words;
    }
  }
}

/** Plain-text normaliser for other English sources (glosses, definitions): same rules as Brown. */
export function prepareText(line: string): string[] {
  const out: string[] = [];
  for (const raw of line.toLowerCase().split(/\s+/)) {
    // Peel surrounding punctuation but keep inner apostrophes/hyphens ("don't", "well-known").
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word !== '' && HAS_WORD_CHAR.test(word)) out.push(word);
  }
  return out;
}

export interface CorpusStats {
  tokens: number;
  types: number;
  typesMinCount: number;
  sentences: number;
}

export function countCorpus(sentences: Iterable<string[]>, minCount = 5): { stats: CorpusStats; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let tokens = 0;
  let n = 0;
  for (const s of sentences) {
    n++;
    for (const w of s) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      tokens++;
    }
  }
  let typesMinCount = 0;
  for (const c of counts.values()) if (c >= minCount) typesMinCount++;
  return { stats: { tokens, types: counts.size, typesMinCount, sentences: n }, counts };
}
