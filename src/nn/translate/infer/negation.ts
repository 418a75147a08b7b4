// Negation must survive translation: a source with a negating word makes the decoder keep going
// until the output has a Spanish negator (beam search's `requireAny`).

/** English words that negate (after normalisation: don't → do not). */
export const ENGLISH_NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'cannot']);

/** Spanish words that carry a negation. */
export const SPANISH_NEGATORS: ReadonlySet<string> = new Set(['no', 'nunca', 'jamás', 'ni', 'nadie', 'nada', 'tampoco', 'ningún', 'ninguno', 'ninguna', 'ningunos', 'ningunas', 'sin']);

export const hasNegation = (words: readonly string[], negators: ReadonlySet<string> = ENGLISH_NEGATORS) => words.some((w) => negators.has(w));

export const hasSpanishNegation = (tokens: readonly string[]) => tokens.some((t) => SPANISH_NEGATORS.has(t.toLowerCase()));

/**
 * The last resort when a model could not write the negation at all: "no" (or "nunca" for
 * "never") goes in before the output word aligned with the English word next to the negator:
 * the auxiliary before "not" ("is not" → "no es"), the verb after "never" ("never eats" →
 * "nunca come"). Without attention the position is relative. Returns the index inserted at.
 */
export function insertNegation(source: readonly string[], tokens: string[], attention: number[][]): number | undefined {
  const n = source.findIndex((w) => ENGLISH_NEGATORS.has(w.toLowerCase()));
  if (n < 0 || hasSpanishNegation(tokens)) return undefined;
  const word = source[n]!.toLowerCase() === 'never' ? 'nunca' : 'no';
  const S = source.length;
  const anchor = word === 'nunca' ? Math.min(n + 1, S - 1) : Math.max(n - 1, 0);
  const hasAttention = attention.length >= tokens.length && tokens.length > 0 && attention[0]!.length === S;
  let at: number;
  if (hasAttention) {
    const aligned = tokens.map((_, j) => attention[j]!.indexOf(Math.max(...attention[j]!)));
    const hits = aligned.map((a, j) => [Math.abs(a - anchor), j] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    at = hits.length ? hits[0]![1] : 0;
    attention.splice(at, 0, source.map((_, k) => (k === n ? 1 : 0)));
  } else at = Math.min(tokens.length, Math.round((n * tokens.length) / S));
  if (tokens[at] === '¿') at++;
  tokens.splice(at, 0, word);
  return at;
}
