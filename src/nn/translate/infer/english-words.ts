// Real English words, so the typo fixer leaves them alone: a word no translator knows ("decoding",
// "sunflower") is not a typo of a known word one letter away ("deciding", "sunflowers"). The
// word-list package: 274,136 English words (SCOWL-based), read once on the first typo check.
import fs from 'node:fs';
import wordListPath from 'word-list';

let words: ReadonlySet<string> | undefined;

/** Every word of the list, lower case. */
export function englishWordList(): ReadonlySet<string> {
  return (words ??= new Set(fs.readFileSync(wordListPath, 'utf8').toLowerCase().split('\n').filter(Boolean)));
}

/**
 * A listed word, unless it is two neighbouring letters of a word the caller knows swapped: the list
 * holds rare words that are also the commonest typos ("appels" is a fencing term, and "apples"
 * typed fast).
 */
export function isListedWord(word: string, isKnown: (w: string) => boolean): boolean {
  if (!englishWordList().has(word)) return false;
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (swapped !== word && isKnown(swapped)) return false;
  }
  return true;
}
