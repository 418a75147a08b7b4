// The English→Spanish sentence generator: a small grammar over grammar/lexicon.ts that writes
// each pair with gold word alignments. Deterministic for a seed (one PRNG: core/random's Rng,
// mulberry32). The grammar lives in grammar/, one module per part of a sentence:
// english (morphology) → noun-phrase → subject → verb-phrase → place-time → clause,
// clauses-be, clauses-verbs, clauses-other → sentence.
export { Rng } from '../../src/core/random.ts';
export { en3, enIng, enPast, enPlural } from './grammar/english.ts';
export { nounPhrase, nounsOf, type NP, type NPOpts } from './grammar/noun-phrase.ts';
export { coordinatedSubject, subject } from './grammar/subject.ts';
export type { Form } from './grammar/verb-phrase.ts';
export type { Clause } from './grammar/clause.ts';
export { JOBS } from './grammar/clauses-verbs.ts';
export { clauseOf, sentence, type Kind, type Pair } from './grammar/sentence.ts';
