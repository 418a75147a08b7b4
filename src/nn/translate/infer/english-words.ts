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
