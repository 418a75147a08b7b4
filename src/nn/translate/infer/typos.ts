// Typos against the words a model knows: suggestions for the reply ("did you mean"), and a
// correction only when one known word is clearly the best candidate.
import { editDistance } from '../../../core/suggest.ts';

/**
 * Nearest known words by edit distance (transpositions count 1), at most ~⅓ of the word's
 * letters away; ties keep the vocabulary's order, which is most frequent first.
 */
export function nearestWords(word: string, known: readonly string[], max = 3): string[] {
  return candidates(word, known)
    .slice(0, max)
    .map((x) => x.k);
}

function candidates(word: string, known: readonly string[]): { k: string; i: number; d: number }[] {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return known
    .map((k, i) => ({ k, i, d: Math.abs(k.length - word.length) > limit ? limit + 1 : editDistance(word, k) }))
    .filter((x) => x.d <= limit && (x.k.length > 2 || word.length <= 3))
    .sort((a, b) => a.d - b.d || a.i - b.i);
}

/**
 * The one correction to apply, or undefined: the best candidate must be alone at its distance,
 * and either one edit away (in a word of 4+ letters) or two edits away in a word of 7+ letters
 * with nothing else within three.
 */
export function unambiguousCorrection(word: string, known: readonly string[]): string | undefined {
  if (!/^\p{L}+$/u.test(word) || word.length < 4) return undefined;
  const c = candidates(word, known);
  const [best, second] = c;
  if (!best || (second && second.d === best.d)) return undefined;
  if (best.d === 1) return best.k;
  if (best.d === 2 && word.length >= 7 && (!second || second.d > 3)) return best.k;
  return undefined;
}
