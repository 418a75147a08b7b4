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
 * The one correction to apply, or undefined: the best candidate must be alone at its distance
 * (or, one edit away, the only one that is the same letters with two swapped: "recieve" →
 * "receive", not "relieve"), and either one edit away (in a word of 4+ letters) or two edits away
 * in a word of 7+ letters with nothing else closer than three.
 */
export function unambiguousCorrection(word: string, known: readonly string[]): string | undefined {
  if (!/^\p{L}+$/u.test(word) || word.length < 4) return undefined;
  const c = candidates(word, known);
  const best = c[0];
  if (!best) return undefined;
  const tied = c.filter((x) => x.d === best.d);
  const letters = (w: string) => [...w].sort().join('');
  const swapped = tied.filter((x) => letters(x.k) === letters(word));
  const pick = tied.length === 1 ? best : best.d === 1 && swapped.length === 1 ? swapped[0]! : undefined;
  if (!pick) return undefined;
  if (pick.d === 1) return pick.k;
  const next = c.find((x) => x.d > pick.d);
  if (pick.d === 2 && word.length >= 7 && tied.length === 1 && (!next || next.d >= 3)) return pick.k;
  return undefined;
}

/**
 * For an open-vocabulary model, which can read any word as pieces: a wrong correction is worse
 * than none, so only a word that is no real English word is corrected, never into a longer or
 * shorter form of itself ("logits" is not a typo of "logit"), and a 4-letter word only when two
 * letters were swapped ("waht"; "relu" stays).
 */
export function openVocabularyCorrection(word: string, known: readonly string[], isReal: (w: string) => boolean): string | undefined {
  if (isReal(word) || JARGON.has(word) || isInflected(word, isReal)) return undefined;
  const fix = unambiguousCorrection(word, known);
  if (!fix || fix.startsWith(word) || word.startsWith(fix)) return undefined;
  if (word.length === 4 && [...word].sort().join('') !== [...fix].sort().join('')) return undefined;
  return fix;
}

// The syllabus's jargon that word lists of everyday English lack, one edit from an everyday word
// ("bleu" is not "blue", "relu" not "rely"): a study group types these on purpose.
const JARGON = new Set(['bleu', 'relu', 'gelu', 'elu', 'tanh', 'adam', 'lstm', 'lstms', 'rnn', 'rnns', 'gru', 'grus', 'cnn', 'bert', 'gpt', 'cbow', 'logit', 'logits', 'softmax', 'argmax', 'backprop', 'glove', 'elmo', 'sgd', 'rmsprop', 'adagrad', 'epoch', 'epochs', 'batchnorm', 'layernorm', 'dropout', 'onehot', 'tfidf', 'ngram', 'ngrams', 'bigram', 'bigrams', 'unigram', 'skipgram', 'token', 'tokens', 'embed', 'embeds', 'seq', 'attn', 'mlp', 'xor', 'perceptron', 'tensor', 'tensors']);

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ness'];

/** "tokenizers" when "tokenizer" is real, "embedded" when "embed" is: a form of a real word. */
function isInflected(word: string, isReal: (w: string) => boolean): boolean {
  return SUFFIXES.some((s) => word.endsWith(s) && word.length - s.length >= 3 && (isReal(word.slice(0, -s.length)) || isReal(word.slice(0, -s.length) + 'e')));
}
