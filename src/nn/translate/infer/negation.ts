// Negation must survive translation: a source with a negating word makes the decoder keep going
// until the output has a Spanish negator (beam search's `requireAny`).

/** English words that negate (after normalisation: don't → do not). */
export const ENGLISH_NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'cannot']);

/** Spanish words that carry a negation. */
export const SPANISH_NEGATORS: ReadonlySet<string> = new Set(['no', 'nunca', 'jamás', 'ni', 'nadie', 'nada', 'tampoco', 'ningún', 'ninguno', 'ninguna', 'ningunos', 'ningunas', 'sin']);

export const hasNegation = (words: readonly string[], negators: ReadonlySet<string> = ENGLISH_NEGATORS) => words.some((w) => negators.has(w));
