// Sentences: a weighted choice of clause kinds, joined by and/but/because; questions get ¿…?.
import type { Rng } from '../../../src/core/random.ts';
import { finalizeSpanish, seq, w, type Link, type Seg } from './segment.ts';
import { type Clause, actionClause } from './clause.ts';
import { copulaClause, fromClause, locationClause, tenerClause, thereIsClause, weatherClause } from './clauses-be.ts';
import { gustarClause, imperativeClause, jobClause, letsClause, modalClause } from './clauses-verbs.ts';
import { fixedPhrase, infinitiveFragment, npFragment, whQuestion } from './clauses-other.ts';

export type Kind = 'action' | 'copula' | 'location' | 'from' | 'tener' | 'weather' | 'there' | 'gustar' | 'modal' | 'lets' | 'inf' | 'np' | 'wh' | 'fixed' | 'imperative' | 'job';
// Weights: every construction gets a fair share of 120k sentences; imperatives and jobs are new.
const KINDS: [number, Kind][] = [
  [24, 'action'], [9, 'copula'], [3.5, 'location'], [1.5, 'from'], [3.5, 'tener'], [3.5, 'weather'], [3, 'there'], [8, 'gustar'],
  [7, 'modal'], [3.5, 'lets'], [1.5, 'inf'], [3, 'np'], [10, 'wh'], [4, 'fixed'], [8, 'imperative'], [3, 'job'],
];
const JOINABLE = new Set<Kind>(['action', 'copula', 'location', 'tener', 'weather', 'there', 'gustar', 'modal', 'from', 'job']);

/** One clause of a kind (exported for tests of each construction's agreement rules). */
export function clauseOf(rng: Rng, kind: Kind): Clause {
  switch (kind) {
    case 'action': return actionClause(rng);
    case 'copula': return copulaClause(rng);
    case 'location': return locationClause(rng);
    case 'from': return fromClause(rng);
    case 'tener': return tenerClause(rng);
    case 'weather': return weatherClause(rng);
    case 'there': return thereIsClause(rng);
    case 'gustar': return gustarClause(rng);
    case 'modal': return modalClause(rng);
    case 'lets': return letsClause(rng);
    case 'inf': return infinitiveFragment(rng);
    case 'np': return npFragment(rng);
    case 'wh': return whQuestion(rng);
    case 'fixed': return fixedPhrase(rng);
    case 'imperative': return imperativeClause(rng);
    case 'job': return jobClause(rng);
  }
}

export interface Pair {
  src: string[]; // English tokens (normalised, as the model sees them)
  tgt: string[]; // Spanish tokens
  align: Link[]; // [src index, tgt index]
}

/** One sentence: a clause, or statements joined by and/but/because (up to `maxClauses`). */
export function sentence(rng: Rng, opts: { minClauses?: number; maxClauses?: number } = {}): Pair {
  const minC = opts.minClauses ?? 1;
  const maxC = opts.maxClauses ?? 3;
  let kind = rng.weighted(KINDS);
  if (minC > 1) while (!JOINABLE.has(kind)) kind = rng.weighted(KINDS);
  const first = clauseOf(rng, kind);
  let seg = first.seg;
  let question = !!first.question;
  let clauses = 1;
  const want = minC + (JOINABLE.has(kind) ? rng.weighted<number>([[70, 0], [22, 1], [8, 2]]) : 0);
  while (clauses < Math.min(want, maxC) && !question) {
    let k = rng.weighted(KINDS);
    while (!JOINABLE.has(k)) k = rng.weighted(KINDS);
    const next = clauseOf(rng, k);
    const [en, es] = rng.weighted<[string, string]>([[5, ['and', 'y']], [3, ['but', 'pero']], [3, ['because', 'porque']]]);
    seg = seq(seg, w(en, es), next.seg);
    clauses++;
  }
  if (question) {
    const q: Seg = { en: ['?'], es: ['?'], links: [[0, 0]] };
    seg = seq({ en: [], es: ['¿'], links: [] }, seg, q);
    // "¿" belongs to the English "?"
    seg.links.push([seg.en.length - 1, 0]);
  }
  const fin = finalizeSpanish(seg);
  return { src: fin.en, tgt: fin.es, align: fin.links };
}
