// Shared by /neighbors, /analogy and /similarity: vocabulary lookup with friendly OOV replies.
import { UserError } from '../src/core/errors.ts';
import { inlineCode } from '../src/core/reply.ts';
import { lookup, splitWords } from '../src/nn/word2vec/query.ts';
import type { WordVectors } from '../src/nn/word2vec/vectors.ts';

/** The vocabulary words of `text`, or a UserError naming each unknown word with its nearest spellings. */
export function knownWords(v: WordVectors, text: string, example: string): string[] {
  const words = splitWords(text);
  if (words.length === 0) throw new UserError('I need at least one word with a letter or digit in it.', example);
  const { known, unknown } = lookup(v, words);
  if (unknown.length > 0) {
    const lines = unknown.map((u) =>
      u.suggestions.length ? `${inlineCode(u.word)} — did you mean ${u.suggestions.map((w) => inlineCode(w)).join(', ')}?` : `${inlineCode(u.word)} — nothing close in spelling.`,
    );
    throw new UserError(
      `${unknown.length === 1 ? 'This word is' : 'These words are'} not among the ${v.size.toLocaleString('en')} words the vectors know (they were trained on the Brown corpus and dictionary text, lower-cased):\n${lines.join('\n')}`,
      example,
    );
  }
  return known;
}

export const fmtScore = (x: number) => x.toFixed(3);
