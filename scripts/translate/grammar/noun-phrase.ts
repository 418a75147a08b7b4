// Noun phrases in both languages: determiner, adjective, noun; agreement and alignment links.
import type { Rng } from '../../../src/core/random.ts';
import { ADJECTIVES, NOUNS, NUMBERS, type Adjective, type Gender, type Noun, type NounCat } from './lexicon.ts';
import { adjectiveForm, determiner, nounForm, type Det, type Person } from './spanish.ts';
import { reorder, seq, w, type Link, type Seg } from './segment.ts';
import { enPlural, lc } from './english.ts';

export interface NP {
  seg: Seg;
  g: Gender;
  plural: boolean;
  person: Person;
  /** Index of the head noun in seg.en (for links of personal "a", clitics). */
  head: number;
  pronoun?: boolean;
}

const byCat = new Map<NounCat, Noun[]>();
for (const n of NOUNS) byCat.set(n.cat, [...(byCat.get(n.cat) ?? []), n]);
export const nounsOf = (cats: readonly NounCat[]) => cats.flatMap((c) => byCat.get(c) ?? []);
export const adjFor = (use: 'thing' | 'person' | 'food' | 'color') => ADJECTIVES.filter((a) => a.uses.includes(use));
const isPerson = (n: Noun) => n.cat === 'family' || n.cat === 'person';

function adjUseFor(n: Noun): 'thing' | 'person' | 'food' {
  if (isPerson(n) || n.cat === 'animal') return 'person';
  if (n.cat === 'food' || n.cat === 'drink') return 'food';
  return 'thing';
}

/** A random adjective that fits the noun (colours only for things). */
export function pickAdj(rng: Rng, n: Noun): Adjective {
  const use = adjUseFor(n);
  if (use === 'thing' && rng.chance(0.35)) return rng.pick(adjFor('color'));
  if (use === 'person' && n.cat === 'animal') return rng.pick(adjFor('person').filter((a) => a.copula === 'ser' || rng.chance(0.3)));
  return rng.pick(adjFor(use));
}

const EN_DET: Record<Det, [string, string]> = {
  the: ['the', 'the'], a: ['a', 'some'], some: ['some', 'some'], my: ['my', 'my'], your: ['your', 'your'],
  his: ['his', 'his'], her: ['her', 'her'], our: ['our', 'our'], their: ['their', 'their'],
  this: ['this', 'these'], that: ['that', 'those'], many: ['a lot of', 'many'], none: ['', ''], any: ['any', 'any'],
};

export interface NPOpts {
  det?: Det | 'num';
  plural?: boolean;
  adj?: Adjective | null;
  num?: number; // index into NUMBERS
  /** Spanish side needs an article even when English has none ("I like apples" → "las manzanas"). */
  esDet?: Det;
}

export function nounPhrase(noun: Noun, o: NPOpts): NP {
  const plural = (!!o.plural && !noun.mass) || !!noun.esPluralOnly || !!noun.pluralOnly;
  const det = o.det ?? 'the';
  const enNoun = plural && !noun.esPluralOnly ? enPlural(noun) : noun.en;
  const parts: Seg[] = [];
  const enOrder: number[] = [];
  const adj = o.adj ?? null;
  // English: det adj noun; Spanish: det noun adj.
  let detSeg: Seg | undefined;
  if (det === 'num') {
    const [en, es] = NUMBERS[o.num ?? 0]!;
    const esNum = en === 'one' ? (noun.g === 'f' && !noun.elFem ? 'una' : 'un') : es;
    detSeg = w(en, esNum);
  } else {
    const esDet = determiner(o.esDet ?? det, noun, plural);
    let enDet = EN_DET[det][plural && !noun.esPluralOnly ? 1 : 0];
    if (enDet === 'a') {
      const next = adj ? adj.en : enNoun;
      enDet = /^[aeio]/.test(next) || (/^u/.test(next) && !/^(uni|use)/.test(next)) ? 'an' : 'a';
    }
    if (enDet && esDet) detSeg = w(enDet, esDet);
    else if (enDet && !esDet) detSeg = { en: enDet.split(' '), es: [], links: [] };
    else if (!enDet && esDet) detSeg = undefined; // attached to the noun below
    if (!enDet && esDet) {
      const nounSeg = w(lc(enNoun), [esDet, nounForm(noun, plural)], lc(enNoun).split(' ').flatMap((_, i) => [[i, 0], [i, 1]] as Link[]));
      return finishNP(noun, plural, undefined, nounSeg, adj);
    }
  }
  void parts;
  void enOrder;
  const nounSeg = w(lc(enNoun), nounForm(noun, plural));
  return finishNP(noun, plural, detSeg, nounSeg, adj);
}

function finishNP(noun: Noun, plural: boolean, detSeg: Seg | undefined, nounSeg: Seg, adj: Adjective | null): NP {
  const g = noun.g;
  const segs: Seg[] = [];
  if (detSeg) segs.push(detSeg);
  let seg: Seg;
  if (adj) {
    const a = w(adj.en, adjectiveForm(adj, g, plural));
    seg = detSeg ? reorder([detSeg, a, nounSeg], [0, 2, 1]) : reorder([a, nounSeg], [1, 0]);
  } else seg = detSeg ? seq(detSeg, nounSeg) : nounSeg;
  return { seg, g, plural, person: plural ? 5 : 2, head: seg.en.length - 1 };
}

/** A plausible determiner for a noun used as an object. */
export function objectNP(rng: Rng, noun: Noun, opts: { adjP?: number; bare?: boolean } = {}): NP {
  const adjOk = noun.cat !== 'sport' && noun.cat !== 'subject';
  const adj = adjOk && rng.chance(opts.adjP ?? 0.3) ? pickAdj(rng, noun) : null;
  if (opts.bare) return nounPhrase(noun, { det: 'none', adj: null });
  if (noun.mass) {
    const det = rng.weighted<Det>([[4, 'none'], [3, 'the'], [1, 'my'], [1, 'your'], [1, 'our'], [1, 'this'], [1, 'many']]);
    return nounPhrase(noun, { det, adj });
  }
  const plural = rng.chance(0.35);
  if (plural && rng.chance(0.25)) return nounPhrase(noun, { det: 'num', num: 1 + rng.int(19), plural: true, adj });
  const det = rng.weighted<Det>(
    plural
      ? [[3, 'the'], [2, 'none'], [2, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our'], [1, 'their'], [1, 'this'], [1, 'that'], [1, 'some'], [1, 'many']]
      : [[4, 'the'], [4, 'a'], [2, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our'], [1, 'their'], [1, 'this'], [1, 'that']],
  );
  return nounPhrase(noun, { det, plural, adj });
}
