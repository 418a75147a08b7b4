// The English→Spanish sentence generator: a small grammar over lexicon.ts that writes each
// pair with gold word alignments. Deterministic for a seed (mulberry32).
import {
  ADJECTIVES, COUNTRIES, DAYS, NAMES, NAME_GENDER, NOUNS, NUMBERS, VERBS,
  type Adjective, type Gender, type Noun, type NounCat, type Verb,
} from './lexicon.ts';
import {
  DIRECT_PERSON, INDIRECT, REFLEXIVE, adjectiveForm, attachClitic, conjugate, determiner, gerund, imperative2, nounForm, subjunctive1pl,
  type Det, type Person, type Tense,
} from './spanish.ts';
import { finalizeSpanish, reorder, seq, w, type Link, type Seg } from './segment.ts';

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Pick by weight: [[weight, value], ...]. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((s, [k]) => s + k, 0);
    let r = this.next() * total;
    for (const [k, x] of xs) if ((r -= k) < 0) return x;
    return xs[xs.length - 1]![1];
  }
}

// ---------------------------------------------------------------- English morphology
const PAST: Record<string, string> = {
  eat: 'ate', drink: 'drank', read: 'read', write: 'wrote', speak: 'spoke', see: 'saw', make: 'made', do: 'did',
  know: 'knew', buy: 'bought', sell: 'sold', find: 'found', wear: 'wore', ride: 'rode', take: 'took', have: 'had',
  bring: 'brought', lose: 'lost', understand: 'understood', teach: 'taught', forget: 'forgot', pay: 'paid', win: 'won',
  drive: 'drove', go: 'went', run: 'ran', swim: 'swam', sleep: 'slept', sing: 'sang', come: 'came', leave: 'left',
  think: 'thought', wake: 'woke', get: 'got', sit: 'sat', draw: 'drew',
};
const DOUBLE = new Set(['run', 'swim', 'sit', 'get', 'win', 'forget', 'stop', 'shop']);

function mapHead(phrase: string, f: (w: string) => string): string {
  const [h, ...rest] = phrase.split(' ');
  return [f(h!), ...rest].join(' ');
}
function third(x: string): string {
  if (x === 'have') return 'has';
  if (/(s|sh|ch|x|z|o)$/.test(x)) return x + 'es';
  if (/[^aeiou]y$/.test(x)) return x.slice(0, -1) + 'ies';
  return x + 's';
}
function pastWord(x: string): string {
  if (PAST[x]) return PAST[x]!;
  if (x.endsWith('e')) return x + 'd';
  if (/[^aeiou]y$/.test(x)) return x.slice(0, -1) + 'ied';
  if (DOUBLE.has(x)) return x + x.at(-1) + 'ed';
  return x + 'ed';
}
function ingWord(x: string): string {
  if (x === 'see' || x === 'be') return x + 'ing';
  if (x.endsWith('ie')) return x.slice(0, -2) + 'ying';
  if (x.endsWith('e')) return x.slice(0, -1) + 'ing';
  if (DOUBLE.has(x)) return x + x.at(-1) + 'ing';
  return x + 'ing';
}
export const en3 = (v: Verb) => v.en3 ?? mapHead(v.en, third);
export const enPast = (v: Verb) => v.enPast ?? mapHead(v.en, pastWord);
export const enIng = (v: Verb) => v.enIng ?? mapHead(v.en, ingWord);

export function enPlural(n: Noun): string {
  if (n.enPl) return n.enPl;
  return mapLast(n.en, (x) => (/(s|sh|ch|x|z)$/.test(x) ? x + 'es' : /[^aeiou]y$/.test(x) ? x.slice(0, -1) + 'ies' : x + 's'));
}
function mapLast(phrase: string, f: (w: string) => string): string {
  const ws = phrase.split(' ');
  ws[ws.length - 1] = f(ws[ws.length - 1]!);
  return ws.join(' ');
}
const lc = (s: string) => s.toLowerCase();

// ---------------------------------------------------------------- noun phrases
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
const adjFor = (use: 'thing' | 'person' | 'food' | 'color') => ADJECTIVES.filter((a) => a.uses.includes(use));
const isPerson = (n: Noun) => n.cat === 'family' || n.cat === 'person';

function adjUseFor(n: Noun): 'thing' | 'person' | 'food' {
  if (isPerson(n) || n.cat === 'animal') return 'person';
  if (n.cat === 'food' || n.cat === 'drink') return 'food';
  return 'thing';
}

/** A random adjective that fits the noun (colours only for things). */
function pickAdj(rng: Rng, n: Noun): Adjective {
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
function objectNP(rng: Rng, noun: Noun, opts: { adjP?: number; bare?: boolean } = {}): NP {
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

// ---------------------------------------------------------------- subjects
const PRONOUNS: { en: string; es: string; person: Person; g: Gender }[] = [
  { en: 'i', es: 'yo', person: 0, g: 'm' }, { en: 'you', es: 'tú', person: 1, g: 'm' },
  { en: 'he', es: 'él', person: 2, g: 'm' }, { en: 'she', es: 'ella', person: 2, g: 'f' },
  { en: 'we', es: 'nosotros', person: 3, g: 'm' }, { en: 'they', es: 'ellos', person: 5, g: 'm' },
];

function nameNP(name: string): NP {
  return { seg: w(lc(name), lc(name)), g: NAME_GENDER[name]!, plural: false, person: 2, head: 0 };
}

/** A person subject for coordination: "my sister", "the teacher", "ana". */
function personNP(rng: Rng): NP {
  if (rng.chance(0.3)) return nameNP(rng.pick(NAMES));
  const noun = rng.pick(nounsOf(['family', 'family', 'person']));
  const det = rng.weighted<Det>([[2, 'the'], [5, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our']]);
  return nounPhrase(noun, { det, plural: rng.chance(0.15) && noun.en !== 'family', adj: rng.chance(0.1) ? pickAdj(rng, noun) : null });
}

/**
 * Coordinated subjects agree in the plural: "my sister and I" → "mi hermana y yo" (nosotros:
 * "iremos"), "juan and my mother" → 3rd plural ("van"); masculine unless both are feminine.
 */
export function coordinatedSubject(rng: Rng): NP {
  const a = personNP(rng);
  if (rng.chance(0.5)) {
    const seg = seq(a.seg, w('and', 'y'), w('i', 'yo'));
    return { seg, g: 'm', plural: true, person: 3, head: seg.en.length - 1 };
  }
  const b = rng.chance(0.15) ? ({ seg: w('you', 'tú'), g: 'm', plural: false, person: 1, head: 0 } as NP) : personNP(rng);
  if (b.seg.en.join(' ') === a.seg.en.join(' ')) return a;
  const seg = seq(a.seg, w('and', 'y'), b.seg);
  // "you and juan" is ustedes in Latin America and in our grammar (no vosotros anywhere)
  return { seg, g: a.g === 'f' && b.g === 'f' ? 'f' : 'm', plural: true, person: 5, head: seg.en.length - 1 };
}

/** A subject: a pronoun (half the time), a name, a person or animal with a determiner, or two of them joined by "and". */
export function subject(rng: Rng, opts: { animals?: boolean; coord?: boolean } = {}): NP {
  if (opts.coord !== false && rng.chance(0.1)) return coordinatedSubject(rng);
  const r = rng.next();
  if (r < 0.5) {
    const p = rng.pick(PRONOUNS);
    return { seg: w(p.en, p.es), g: p.g, plural: p.person >= 3, person: p.person, head: 0, pronoun: true };
  }
  if (r < 0.62) {
    if (rng.chance(0.2)) {
      const [a, b] = [rng.pick(NAMES), rng.pick(NAMES)];
      if (a !== b) {
        const seg = seq(w(lc(a), lc(a)), w('and', 'y'), w(lc(b), lc(b)));
        return { seg, g: NAME_GENDER[a] === 'f' && NAME_GENDER[b] === 'f' ? 'f' : 'm', plural: true, person: 5, head: 2 };
      }
    }
    return nameNP(rng.pick(NAMES));
  }
  const pool = nounsOf(opts.animals === false ? ['family', 'person'] : ['family', 'family', 'person', 'animal']);
  const noun = rng.pick(pool);
  const plural = rng.chance(0.3) && noun.en !== 'family';
  const det = rng.weighted<Det>([[3, 'the'], [4, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our'], [1, 'their'], [1, 'this'], [1, 'that']]);
  const adj = rng.chance(0.15) ? pickAdj(rng, noun) : null;
  return nounPhrase(noun, { det, plural, adj });
}

// ---------------------------------------------------------------- verb phrases
export type Form = 'present' | 'past' | 'future' | 'progressive' | 'goingto';

const BE_PRESENT: Record<Person, string> = { 0: 'am', 1: 'are', 2: 'is', 3: 'are', 5: 'are' };
const BE_PAST: Record<Person, string> = { 0: 'was', 1: 'were', 2: 'was', 3: 'were', 5: 'were' };
const DO_PRESENT = (p: Person) => (p === 2 ? 'does' : 'do');

interface VP {
  /** English auxiliary before the subject in questions ("do", "did", "will", "are"); empty when none. */
  qAux: string[];
  /** Everything from the English verb group to the end, with Spanish finite verb group. */
  verb: Seg;
}

/** Reflexive infinitive: levantar → levantarme (person of the subject). */
function reflexiveInfinitive(inf: string, p: Person): string {
  return inf + REFLEXIVE[p];
}

/**
 * The verb group in a statement or a question: English "does not eat" / "is eating" /
 * "will eat", Spanish "no come" / "está comiendo" / "comerá" (with "me" for reflexives).
 * In questions the English auxiliary moves before the subject (returned in qAux).
 */
function verbGroup(v: Verb, subj: NP, form: Form, neg: boolean, question: boolean): VP {
  const p = subj.person;
  const third3 = p === 2;
  const refl = v.reflexive ? [REFLEXIVE[p]] : [];
  const no = neg ? ['no'] : [];
  const T: Record<'present' | 'past' | 'future', Tense> = { present: 'present', past: 'preterite', future: 'future' };
  if (form === 'present' || form === 'past' || form === 'future') {
    const es = conjugate(v.es, T[form], p);
    const esToks = [...no, ...refl, es];
    if (form === 'future') {
      const en = ['will', ...(neg ? ['not'] : []), ...v.en.split(' ')];
      return build(question ? ['will'] : [], question ? en.slice(1) : en, esToks, neg);
    }
    if (!neg && !question) return build([], (form === 'past' ? enPast(v) : third3 ? en3(v) : v.en).split(' '), esToks, false);
    const aux = form === 'past' ? 'did' : DO_PRESENT(p);
    const en = [aux, ...(neg ? ['not'] : []), ...v.en.split(' ')];
    return build(question ? [aux] : [], question ? en.slice(1) : en, esToks, neg);
  }
  const be = BE_PRESENT[p];
  if (form === 'progressive') {
    // "I am going to the park" → "voy al parque": Spanish uses the simple present for ir.
    const esToks = v.es === 'ir' ? [...no, conjugate('ir', 'present', p)] : [...no, ...refl, conjugate('estar', 'present', p), gerund(v.es)];
    const en = [be, ...(neg ? ['not'] : []), ...enIng(v).split(' ')];
    return build(question ? [be] : [], question ? en.slice(1) : en, esToks, neg);
  }
  // going to + infinitive → ir a + infinitive (reflexive pronoun attached: voy a levantarme)
  const inf = v.reflexive ? reflexiveInfinitive(v.es, p) : v.es;
  const esToks = [...no, conjugate('ir', 'present', p), 'a', inf];
  const en = [be, ...(neg ? ['not'] : []), 'going', 'to', ...v.en.split(' ')];
  return build(question ? [be] : [], question ? en.slice(1) : en, esToks, neg);
}

/**
 * Links inside a verb group: "not" ↔ "no"; the English content verb ↔ the Spanish verb
 * forms; auxiliaries (do, will, am) ↔ the finite Spanish verb.
 */
function build(qAux: string[], en: string[], es: string[], neg: boolean): VP {
  const links: Link[] = [];
  const AUX = new Set(['do', 'does', 'did', 'will', 'am', 'is', 'are', 'was', 'were', 'going']);
  const CLITIC = new Set(['me', 'te', 'se', 'nos']);
  // Spanish roles: "no"; clitic; the finite verb (first verb token); the content verb (last token)
  const noIdx = es.indexOf('no');
  const verbIdx = es.map((_, j) => j).filter((j) => j !== noIdx && !CLITIC.has(es[j]!) && es[j] !== 'a');
  const fin = verbIdx[0]!;
  const content = verbIdx[verbIdx.length - 1]!;
  const aIdx = es.indexOf('a');
  const cl = es.findIndex((t) => CLITIC.has(t));
  en.forEach((t, i) => {
    if (t === 'not') {
      if (neg) links.push([i, noIdx]);
    } else if (AUX.has(t) && i < en.length - 1) links.push([i, fin]);
    else if (t === 'to' && aIdx >= 0 && i < en.length - 1) links.push([i, aIdx]);
    else {
      links.push([i, content]);
      if (cl >= 0) links.push([i, cl]);
    }
  });
  // In questions the auxiliary moved out ("are you eating" → "estás comiendo"): the Spanish
  // finite verb then belongs to the English verb that stayed.
  es.forEach((_, j) => {
    if (!links.some(([, b]) => b === j) && en.length) links.push([en.length - 1, j]);
  });
  return { qAux, verb: { en, es, links: dedupe(links) } };
}

function dedupe(links: Link[]): Link[] {
  const s = new Set<string>();
  return links.filter(([a, b]) => (s.has(`${a},${b}`) ? false : (s.add(`${a},${b}`), true)));
}

// ---------------------------------------------------------------- places and time
const PREPS: [string, string][] = [
  ['in', 'en'], ['on', 'en'], ['under', 'debajo de'], ['next to', 'al lado de'], ['near', 'cerca de'],
  ['behind', 'detrás de'], ['in front of', 'delante de'],
];

function placeNP(rng: Rng, cats: NounCat[] = ['place', 'room']): NP {
  const noun = rng.pick(nounsOf(cats));
  const det = rng.weighted<Det>([[6, 'the'], [1, 'my'], [1, 'your'], [1, 'our'], [1, 'this'], [1, 'that'], [1, 'a']]);
  return nounPhrase(noun, { det, adj: rng.chance(0.15) ? pickAdj(rng, noun) : null });
}

/** "to the park" → "a el parque" (→ "al parque" later), "in Spain" → "en españa", "home" → "a casa". */
function placePhrase(rng: Rng, kind: 'to' | 'in'): Seg {
  const r = rng.next();
  if (r < 0.15) {
    const [en, es] = rng.pick(COUNTRIES);
    return seq(w(kind, kind === 'to' ? 'a' : 'en'), w(lc(en), lc(es)));
  }
  if (r < 0.22) return kind === 'to' ? w('home', 'a casa') : w('at home', 'en casa');
  if (r < 0.27 && kind === 'to') return w('to school', 'a la escuela', [[0, 0], [1, 1], [1, 2]]);
  if (r < 0.31 && kind === 'to') return w('to work', 'a el trabajo', [[0, 0], [1, 1], [1, 2]]);
  if (r < 0.34 && kind === 'to') return w(['to', 'the', 'movies'], ['a', 'el', 'cine'], [[0, 0], [1, 1], [2, 2]]);
  const np = placeNP(rng);
  const prep = kind === 'to' ? w('to', 'a') : w(rng.pick(['in', 'at']), 'en');
  return seq(prep, np.seg);
}

function locationPhrase(rng: Rng): Seg {
  const [en, es] = rng.pick(PREPS);
  const cats: NounCat[] = en === 'in' ? ['room', 'place', 'thing'] : ['home', 'room', 'place', 'vehicle'];
  const np = placeNP(rng, cats);
  return seq(w(en, es), np.seg);
}

type TimeTense = 'present' | 'past' | 'future' | 'progressive';
const TIME: Record<TimeTense, [string, string][]> = {
  present: [['every day', 'todos los días'], ['today', 'hoy'], ['in the morning', 'por la mañana'], ['in the afternoon', 'por la tarde'],
    ['at night', 'por la noche'], ['on the weekend', 'el fin de semana'], ['in the summer', 'en verano'], ['in the winter', 'en invierno'],
    ['every week', 'todas las semanas'], ['sometimes', 'a veces'], ['a lot', 'mucho'], ['here', 'aquí'], ['early', 'temprano'], ['late', 'tarde'],
    ['every morning', 'todas las mañanas'], ['every night', 'todas las noches'], ['every afternoon', 'todas las tardes'], ['in the evening', 'por la tarde'],
    ['on weekends', 'los fines de semana'], ['in the spring', 'en primavera'], ['in the fall', 'en otoño'], ['well', 'bien'], ['very well', 'muy bien'],
    ['a little', 'un poco'], ['together', 'juntos'], ['after school', 'después de la escuela'], ['every year', 'todos los años']],
  past: [['yesterday', 'ayer'], ['last night', 'anoche'], ['last week', 'la semana pasada'], ['last year', 'el año pasado'],
    ['this morning', 'esta mañana'], ['two days ago', 'hace dos días'], ['last month', 'el mes pasado'], ['here', 'aquí'], ['early', 'temprano'],
    ['last weekend', 'el fin de semana pasado'], ['very well', 'muy bien'], ['this afternoon', 'esta tarde'], ['last summer', 'el verano pasado']],
  future: [['tomorrow', 'mañana'], ['next week', 'la próxima semana'], ['next year', 'el próximo año'], ['tonight', 'esta noche'],
    ['later', 'más tarde'], ['soon', 'pronto'], ['tomorrow morning', 'mañana por la mañana'], ['next month', 'el próximo mes']],
  progressive: [['now', 'ahora'], ['right now', 'ahora mismo'], ['today', 'hoy'], ['this morning', 'esta mañana']],
};

function timePhrase(rng: Rng, t: TimeTense): Seg {
  const r = rng.next();
  if (r < 0.12 && t !== 'progressive') {
    const [en, es] = rng.pick(DAYS);
    const esPl = es.endsWith('o') ? es + 's' : es; // los sábados, los lunes
    return t === 'present' ? w(['on', lc(en) + 's'], ['los', esPl], [[0, 0], [1, 0], [1, 1]]) : w(['on', lc(en)], ['el', es]);
  }
  if (r < 0.2 && t !== 'progressive') {
    const n = 1 + rng.int(12);
    const [en, es] = NUMBERS[n - 1]!;
    if (rng.chance(0.5)) return w(['at', en], ['a', n === 1 ? 'la' : 'las', n === 1 ? 'una' : es], [[0, 0], [0, 1], [1, 2]]);
    return n === 1 ? w(['at', 'one', "o'clock"], ['a', 'la', 'una'], [[0, 0], [1, 2], [2, 1]]) : w(['at', en, "o'clock"], ['a', 'las', es], [[0, 0], [1, 2], [2, 1]]);
  }
  const [en, es] = rng.pick(TIME[t]);
  return w(en, es);
}

const TIME_OF: Record<Form, TimeTense> = { present: 'present', past: 'past', future: 'future', progressive: 'progressive', goingto: 'future' };

// ---------------------------------------------------------------- clauses
export interface Clause {
  seg: Seg;
  question?: boolean;
}

// Stative verbs take no progressive in English ("I am knowing").
const STATIVE = new Set(['conocer', 'tener', 'querer', 'necesitar', 'entender', 'recordar', 'amar', 'odiar', 'saber']);

function pickForm(rng: Rng, v?: Verb): Form {
  const f = rng.weighted<Form>([[35, 'present'], [22, 'past'], [16, 'future'], [15, 'progressive'], [10, 'goingto']]);
  return f === 'progressive' && v && STATIVE.has(v.es) ? 'present' : f;
}

/** The verb's object: category-appropriate NP with personal "a" for people, "al fútbol", etc. */
function verbObject(rng: Rng, v: Verb): Seg | undefined {
  if (!v.obj) return undefined;
  const pool = nounsOf(v.obj).filter((x) => !v.objNouns || v.objNouns.includes(x.en));
  const noun = rng.pick(pool);
  if (v.es === 'hacer' && v.en === 'do') {
    const np = nounPhrase(nounsOf(['school']).find((n) => n.en === 'homework')!, { det: rng.pick<Det>(['my', 'the', 'your', 'our', 'his', 'her']) });
    return np.seg;
  }
  if (v.es === 'montar') {
    const ride = rng.pick(nounsOf(['vehicle']).filter((n) => n.en === 'bicycle' || n.en === 'bus' || n.en === 'train'));
    const det = rng.pick<Det>(['a', 'my', 'the', 'his', 'her']);
    const np = nounPhrase(ride, { det, esDet: det === 'a' ? 'none' : det });
    return withEsPrefix(np, 'en');
  }
  const np = objectNP(rng, noun, { bare: v.bareObj && noun.cat === 'subject' });
  if (v.esPrep === 'a' && noun.cat === 'sport') {
    // "play soccer" → "jugar al fútbol": Spanish needs "a" + article where English has none
    const en = noun.en.split(' ');
    return w(en, ['a', 'el', noun.es], en.flatMap((_, i) => [[i, 0], [i, 1], [i, 2]] as Link[]));
  }
  if (noun.cat === 'family' || noun.cat === 'person') return withEsPrefix(np, 'a'); // personal "a"
  return np.seg;
}

function withEsPrefix(np: NP, prefix: string): Seg {
  return { en: np.seg.en, es: [prefix, ...np.seg.es], links: [[np.head, 0], ...np.seg.links.map(([a, b]) => [a, b + 1] as Link)] };
}

const TRANSITIVE = VERBS.filter((v) => v.obj);
const INTRANSITIVE = VERBS.filter((v) => !v.obj && !v.reflexive);
const REFLEXIVES = VERBS.filter((v) => v.reflexive);

/** Object or place complement for any verb (may be empty). */
function complement(rng: Rng, v: Verb, person?: Person): Seg | undefined {
  if (v.obj) return verbObject(rng, v);
  if (v.place && rng.chance(v.es === 'ir' || v.es === 'vivir' ? 0.9 : 0.5)) {
    const place = placePhrase(rng, v.place);
    // "by bus" → "en autobús"
    if (v.place === 'to' && rng.chance(0.25)) {
      const ride = rng.pick(nounsOf(['vehicle']).filter((n) => n.en !== 'boat'));
      return seq(place, w(['by', ride.en], ['en', ride.es]));
    }
    return place;
  }
  if (rng.chance(0.15)) {
    const opts: [string, string][] = [['together', 'juntos']];
    if (person !== 0 && person !== 3) opts.push(['with me', 'conmigo']);
    if (person !== 1) opts.push(['with you', 'contigo']);
    const [en, es] = rng.pick(opts);
    return w(en, es);
  }
  if (rng.chance(0.2)) {
    const f = rng.pick(nounsOf(['family']));
    const np = nounPhrase(f, { det: rng.pick<Det>(['my', 'your', 'his', 'her', 'our']) });
    return seq(w('with', 'con'), np.seg);
  }
  return undefined;
}

/** Subject + verb (+ object/place) (+ time) in any form, statement or yes/no question. */
function actionClause(rng: Rng, opts: { question?: boolean; verb?: Verb } = {}): Clause {
  const r = rng.next();
  const v = opts.verb ?? (r < 0.6 ? rng.pick(TRANSITIVE) : r < 0.88 ? rng.pick(INTRANSITIVE) : rng.pick(REFLEXIVES));
  const subj = subject(rng, { animals: false });
  const form = pickForm(rng, v);
  const question = opts.question ?? false;
  const neg = !question && rng.chance(0.25);
  const vp = verbGroup(v, subj, form, neg, question);
  // object pronoun: "i see it" → "yo lo veo", "she calls me" → "ella me llama", "no lo veo"
  if (v.obj && !v.reflexive && rng.chance(0.22)) {
    const pr = objectPronoun(rng, v, subj.person);
    if (pr) {
      const verb = withClitic(vp.verb, pr);
      const time = rng.chance(0.3) ? timePhrase(rng, TIME_OF[form]) : undefined;
      if (!question) return { seg: seq(subj.seg, verb, time) };
      return { seg: questionOrder(subj, { qAux: vp.qAux, verb }, [time]), question: true };
    }
  }
  // "any" in questions and negations: "do you have any brothers ?" → "¿ tienes hermanos ?"
  if (v.obj && (question || neg) && rng.chance(0.2)) {
    const pool = nounsOf(v.obj).filter((x) => (!v.objNouns || v.objNouns.includes(x.en)) && x.cat !== 'sport' && x.cat !== 'subject');
    if (pool.length) {
      const noun = rng.pick(pool);
      const np = nounPhrase(noun, { det: 'any', plural: !noun.mass });
      const time = rng.chance(0.2) ? timePhrase(rng, TIME_OF[form]) : undefined;
      if (!question) return { seg: seq(subj.seg, vp.verb, np.seg, time) };
      return { seg: questionOrder(subj, vp, [np.seg, time]), question: true };
    }
  }
  let comp = complement(rng, v, subj.person);
  if (v.reflexive && v.es === 'levantar' && !comp && rng.chance(0.3)) comp = timePhrase(rng, 'present');
  const time = rng.chance(0.3) ? timePhrase(rng, TIME_OF[form]) : undefined;
  // adverbs of frequency sit between subject and verb in both languages
  if (!question && !neg && form === 'present' && rng.chance(0.12)) {
    const [en, es] = rng.pick<[string, string]>([['always', 'siempre'], ['never', 'nunca'], ['usually', 'normalmente'], ['often', 'a menudo']]);
    return { seg: seq(subj.seg, w(en, es), vp.verb, comp, time) };
  }
  // "yesterday i went to the park" → "ayer yo fui al parque": time first in both languages
  if (!question && time && rng.chance(0.25)) return { seg: seq(time, subj.seg, vp.verb, comp) };
  if (!question) return { seg: seq(subj.seg, vp.verb, comp, time) };
  return { seg: questionOrder(subj, vp, [comp, time]), question: true };
}

/** Object pronouns by what the verb takes: people (me, you, him, her, us, them) or things (it, them). */
interface ObjPronoun {
  en: string;
  es: string;
}
const PERSON_OBJ: { en: string; person: Person; es: string }[] = [
  { en: 'me', person: 0, es: 'me' }, { en: 'you', person: 1, es: 'te' }, { en: 'him', person: 2, es: 'lo' },
  { en: 'her', person: 2, es: 'la' }, { en: 'us', person: 3, es: 'nos' }, { en: 'them', person: 5, es: 'los' },
];
function objectPronoun(rng: Rng, v: Verb, subjPerson: Person): ObjPronoun | undefined {
  const people = v.obj!.some((c) => c === 'family' || c === 'person');
  const things = v.obj!.some((c) => c !== 'family' && c !== 'person' && c !== 'sport' && c !== 'subject' && c !== 'instrument');
  if (v.es === 'jugar' || v.es === 'montar' || (!people && !things)) return undefined;
  if (people && (!things || rng.chance(0.6))) {
    // no "I see me": a pronoun of the subject's own person would be reflexive
    const opts = PERSON_OBJ.filter((o) => o.person !== subjPerson && !(subjPerson === 3 && o.person === 0) && !(subjPerson === 0 && o.person === 3));
    const o = rng.pick(opts);
    return { en: o.en, es: o.es };
  }
  // "it" → "lo" (a member's "it" has no gender to agree with); "them" → "los"
  return rng.chance(0.75) ? { en: 'it', es: 'lo' } : { en: 'them', es: 'los' };
}

/** The clitic before the finite verb (after "no"): "no lo veo", "lo estoy viendo", "lo voy a ver". */
function withClitic(verb: Seg, pr: ObjPronoun): Seg {
  const at = verb.es[0] === 'no' ? 1 : 0;
  const es = [...verb.es.slice(0, at), pr.es, ...verb.es.slice(at)];
  const links: Link[] = verb.links.map(([a, b]) => [a, b >= at ? b + 1 : b] as Link);
  links.push([verb.en.length, at]);
  return { en: [...verb.en, pr.en], es, links };
}

/**
 * Yes/no question: English "do you eat apples ?" → Spanish "¿ comes manzanas ?".
 * The Spanish drops a subject pronoun (the verb ending carries it) and keeps a noun subject first.
 */
function questionOrder(subj: NP, vp: VP, rest: (Seg | undefined)[]): Seg {
  const aux: Seg = { en: vp.qAux, es: [], links: [] };
  const tail = seq(...rest);
  if (subj.pronoun) {
    // Pronoun and auxiliary both point to the Spanish verb.
    const merged = mergeInto(seq(aux, { en: subj.seg.en, es: [], links: [] }), vp.verb);
    return seq(merged, tail);
  }
  const auxM = mergeInto(aux, { en: [], es: [], links: [] });
  const [s, verb] = [subj.seg, vp.verb];
  const auxLinked = linkToFirst(auxM, verb);
  return reorder([auxLinked.aux, s, auxLinked.verb, tail], [0, 1, 2, 3]);
}

/** English-only tokens `pre` joined in front of `seg`, linked to seg's first Spanish verb token. */
function mergeInto(pre: Seg, seg: Seg): Seg {
  const n = pre.en.length;
  const fin = seg.es.findIndex((t) => !['no', 'me', 'te', 'se', 'nos', 'lo', 'la', 'los', 'las'].includes(t));
  const links: Link[] = [...seg.links.map(([a, b]) => [a + n, b] as Link)];
  if (fin >= 0) for (let i = 0; i < n; i++) links.push([i, fin]);
  return { en: [...pre.en, ...seg.en], es: seg.es, links };
}

function linkToFirst(aux: Seg, verb: Seg): { aux: Seg; verb: Seg } {
  // The auxiliary (English only) stays unaligned: Spanish has no word for "do"/"does".
  return { aux, verb };
}

/** ser/estar + adjective, with agreement: "my sisters are tired" → "mis hermanas están cansadas". */
function copulaClause(rng: Rng, question = false): Clause {
  const thingSubject = rng.chance(0.45);
  let subj: NP;
  let adj: Adjective;
  if (thingSubject) {
    const noun = rng.pick(nounsOf(['home', 'thing', 'vehicle', 'clothing', 'food', 'drink', 'readable', 'place', 'room', 'media', 'school']));
    const det = rng.weighted<Det>([[4, 'the'], [2, 'my'], [1, 'your'], [1, 'our'], [1, 'this'], [1, 'that'], [1, 'his'], [1, 'her']]);
    adj = pickAdj(rng, noun);
    // "the red car is big" → "el coche rojo es grande": the subject may carry its own adjective
    let own: Adjective | null = rng.chance(0.35) ? pickAdj(rng, noun) : null;
    if (own && own.en === adj.en) own = null;
    subj = nounPhrase(noun, { det, plural: rng.chance(0.3), adj: own });
  } else {
    subj = subject(rng);
    adj = rng.pick(adjFor('person'));
  }
  const form = rng.weighted<'present' | 'past' | 'future'>([[6, 'present'], [2, 'past'], [2, 'future']]);
  const neg = !question && rng.chance(0.2);
  const cop = adj.copula;
  const tense: Tense = form === 'present' ? 'present' : form === 'past' ? 'imperfect' : 'future';
  const esVerb = conjugate(cop, tense, subj.person);
  const enBe = form === 'present' ? BE_PRESENT[subj.person] : form === 'past' ? BE_PAST[subj.person] : 'will';
  const very = rng.chance(0.2);
  const esAdj = adjectiveForm(adj, subj.g, subj.plural);
  let adjSeg = very ? w(['very', adj.en], ['muy', esAdj]) : w(adj.en, esAdj);
  // "my dog is small and brown" → "mi perro es pequeño y marrón" (two adjectives of the same copula)
  if (rng.chance(0.15)) {
    const pool = (thingSubject ? ADJECTIVES.filter((x) => x.uses.includes('thing') || x.uses.includes('color')) : adjFor('person')).filter((x) => x.copula === cop && x.en !== adj.en);
    const b = rng.pick(pool);
    adjSeg = seq(adjSeg, w('and', 'y'), w(b.en, adjectiveForm(b, subj.g, subj.plural)));
  }
  // English verb group: "is", "is not", "will be", "will not be"; Spanish: [no] es/está/será
  const enV = form === 'future' ? ['will', ...(neg ? ['not'] : []), 'be'] : [enBe, ...(neg ? ['not'] : [])];
  const esV = [...(neg ? ['no'] : []), esVerb];
  const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
  const time = rng.chance(0.2) ? timePhrase(rng, form) : undefined;
  if (!question) return { seg: seq(subj.seg, { en: enV, es: esV, links }, adjSeg, time) };
  // "is the soup hot ?" → "¿ la sopa está caliente ?"; "are you tired ?" → "¿ estás cansado ?"
  const q1 = form === 'future' ? ['will'] : [enBe];
  const rest = form === 'future' ? ['be'] : [];
  const verbSeg: Seg = { en: rest, es: [esVerb], links: rest.map((_, i) => [i, 0] as Link) };
  if (subj.pronoun) {
    const pre: Seg = { en: [...q1, ...subj.seg.en, ...rest], es: [esVerb], links: [...q1, ...subj.seg.en, ...rest].map((_, i) => [i, 0] as Link) };
    return { seg: seq(pre, adjSeg, time), question: true };
  }
  const qSeg: Seg = { en: q1, es: [esVerb], links: [[0, 0]] };
  // English: be S [be] ADJ; Spanish: S V ADJ
  return { seg: reorder([qSeg, subj.seg, { en: rest, es: [], links: [] }, adjSeg, ...(time ? [time] : [])], [1, 0, 2, 3, ...(time ? [4] : [])]), question: true };
  void verbSeg;
}

/** estar + place: "the book is on the table" → "el libro está en la mesa". */
function locationClause(rng: Rng): Clause {
  const subj = rng.chance(0.5) ? subject(rng) : nounPhrase(rng.pick(nounsOf(['thing', 'school', 'readable', 'clothing', 'animal'])), { det: rng.pick<Det>(['the', 'my', 'your', 'his', 'her']), plural: rng.chance(0.3) });
  const form = rng.weighted<'present' | 'past' | 'future'>([[6, 'present'], [2, 'past'], [2, 'future']]);
  const neg = rng.chance(0.15);
  const tense: Tense = form === 'present' ? 'present' : form === 'past' ? 'imperfect' : 'future';
  const esV = [...(neg ? ['no'] : []), conjugate('estar', tense, subj.person)];
  const enV = form === 'future' ? ['will', ...(neg ? ['not'] : []), 'be'] : [form === 'present' ? BE_PRESENT[subj.person] : BE_PAST[subj.person], ...(neg ? ['not'] : [])];
  const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
  return { seg: seq(subj.seg, { en: enV, es: esV, links }, locationPhrase(rng)) };
}

/** "I am from Mexico" → "yo soy de méxico". */
function fromClause(rng: Rng): Clause {
  const subj = subject(rng);
  const [en, es] = rng.pick(COUNTRIES);
  return { seg: seq(subj.seg, w(BE_PRESENT[subj.person], conjugate('ser', 'present', subj.person)), w('from', 'de'), w(lc(en), lc(es))) };
}

/** tener + noun: "I am hungry" → "yo tengo hambre", "she is ten years old" → "ella tiene diez años". */
function tenerClause(rng: Rng): Clause {
  const subj = subject(rng);
  const form = rng.weighted<'present' | 'past' | 'future'>([[6, 'present'], [2, 'past'], [2, 'future']]);
  const tense: Tense = form === 'present' ? 'present' : form === 'past' ? 'imperfect' : 'future';
  const neg = rng.chance(0.2);
  const esV = [...(neg ? ['no'] : []), conjugate('tener', tense, subj.person)];
  const enV = form === 'future' ? ['will', ...(neg ? ['not'] : []), 'be'] : [form === 'present' ? BE_PRESENT[subj.person] : BE_PAST[subj.person], ...(neg ? ['not'] : [])];
  const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
  const verb: Seg = { en: enV, es: esV, links };
  if (rng.chance(0.3) && form === 'present' && !neg) {
    const n = rng.int(20);
    const [nen, nes] = NUMBERS[n]!;
    const age = n === 0 ? w(['one', 'year', 'old'], ['un', 'año'], [[0, 0], [1, 1], [2, 1]]) : w([nen, 'years', 'old'], [nes, 'años'], [[0, 0], [1, 1], [2, 1]]);
    return { seg: seq(subj.seg, verb, age) };
  }
  const STATES: [string, string, Gender][] = [['hungry', 'hambre', 'f'], ['thirsty', 'sed', 'f'], ['cold', 'frío', 'm'], ['hot', 'calor', 'm'], ['sleepy', 'sueño', 'm'], ['afraid', 'miedo', 'm']];
  const [en, es, g] = rng.pick(STATES);
  const state = rng.chance(0.25) ? w(['very', en], [g === 'f' ? 'mucha' : 'mucho', es]) : w(en, es);
  return { seg: seq(subj.seg, verb, state) };
}

/** Weather: "it is cold" → "hace frío", "it is raining" → "está lloviendo". */
function weatherClause(rng: Rng): Clause {
  const form = rng.weighted<'present' | 'past' | 'future'>([[5, 'present'], [2, 'past'], [2, 'future']]);
  const neg = rng.chance(0.15);
  const no = neg ? ['no'] : [];
  const not = neg ? ['not'] : [];
  const r = rng.next();
  let seg: Seg;
  if (r < 0.55) {
    const [en, es] = rng.pick<[string, string]>([['hot', 'calor'], ['cold', 'frío'], ['sunny', 'sol'], ['windy', 'viento']]);
    const hace = form === 'present' ? 'hace' : form === 'past' ? 'hacía' : 'hará';
    const enV = form === 'present' ? ['it', 'is', ...not] : form === 'past' ? ['it', 'was', ...not] : ['it', 'will', ...not, 'be'];
    const very = rng.chance(0.2);
    const esV = [...no, hace];
    const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
    seg = seq({ en: enV, es: esV, links }, very ? w(['very', en], [es === 'calor' || es === 'frío' || es === 'sol' || es === 'viento' ? 'mucho' : 'muy', es]) : w(en, es));
  } else if (r < 0.7) {
    const good = rng.chance(0.5);
    const hace = form === 'present' ? 'hace' : form === 'past' ? 'hacía' : 'hará';
    const enV = form === 'present' ? ['the', 'weather', 'is', ...not] : form === 'past' ? ['the', 'weather', 'was', ...not] : ['the', 'weather', 'will', ...not, 'be'];
    const esV = [...no, hace];
    const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
    seg = seq({ en: enV, es: esV, links }, w(good ? rng.pick(['nice', 'good']) : 'bad', [good ? 'buen' : 'mal', 'tiempo']));
  } else {
    const rain = rng.chance(0.6);
    const inf = rain ? 'llover' : 'nevar';
    const enBase = rain ? 'rain' : 'snow';
    const prog = form === 'present' && rng.chance(0.6);
    if (prog) seg = w(['it', 'is', ...not, enBase + 'ing'], [...no, 'está', rain ? 'lloviendo' : 'nevando'], [[0, no.length], [1, no.length], ...(neg ? [[2, 0] as Link] : []), [2 + not.length, no.length + 1]]);
    else {
      const es = form === 'present' ? (rain ? 'llueve' : 'nieva') : form === 'past' ? (rain ? 'llovió' : 'nevó') : rain ? 'lloverá' : 'nevará';
      const en = form === 'present' ? (neg ? ['it', 'does', 'not', enBase] : ['it', enBase + 's']) : form === 'past' ? (neg ? ['it', 'did', 'not', enBase] : ['it', enBase + 'ed']) : ['it', 'will', ...not, enBase];
      const esT = [...no, es];
      seg = { en, es: esT, links: en.map((t, i) => (t === 'not' ? [i, 0] : [i, esT.length - 1]) as Link) };
    }
  }
  const time = rng.chance(0.35) ? timePhrase(rng, form) : undefined;
  return { seg: seq(seg, time) };
}

/** "there is a cat in the garden" → "hay un gato en el jardín". */
function thereIsClause(rng: Rng, question = false): Clause {
  const noun = rng.pick(nounsOf(['animal', 'thing', 'home', 'school', 'readable', 'food', 'person', 'vehicle']));
  const plural = rng.chance(0.45) && !noun.mass;
  const np = plural
    ? nounPhrase(noun, rng.chance(0.6) ? { det: 'num', num: 1 + rng.int(19), plural: true } : { det: rng.pick<Det>(['some', 'many']), plural: true })
    : nounPhrase(noun, { det: noun.mass ? 'none' : 'a', adj: rng.chance(0.2) ? pickAdj(rng, noun) : null });
  const form = rng.weighted<'present' | 'past' | 'future'>([[6, 'present'], [2, 'past'], [2, 'future']]);
  const es = form === 'present' ? 'hay' : form === 'past' ? 'había' : 'habrá';
  const en = form === 'present' ? ['there', plural ? 'are' : 'is'] : form === 'past' ? ['there', plural ? 'were' : 'was'] : ['there', 'will', 'be'];
  const loc = rng.chance(0.8) ? locationPhrase(rng) : undefined;
  if (!question) return { seg: seq(w(en, es), np.seg, loc) };
  const qen = form === 'future' ? ['will', 'there', 'be'] : [en[1]!, 'there'];
  return { seg: seq(w(qen, es), np.seg, loc), question: true };
}

/**
 * gustar/encantar with its reordering: "my mother likes apples" → "a mi madre le gustan las
 * manzanas"; "I don't like to run" → "no me gusta correr"; "I would like a coffee" → "me gustaría un café".
 */
function gustarClause(rng: Rng, question = false): Clause {
  const love = rng.chance(0.2);
  const inf = love ? 'encantar' : 'gustar';
  const subj = subject(rng, { animals: false, coord: false });
  const form = rng.weighted<'present' | 'past' | 'would'>(love ? [[1, 'present']] : [[6, 'present'], [2, 'past'], [2, 'would']]);
  const neg = !question && form !== 'would' && rng.chance(0.25);
  // the thing liked: an NP (Spanish always with a determiner) or an activity (infinitive)
  let obj: Seg;
  let objPlural = false;
  if (rng.chance(0.35) && form !== 'would') {
    const v = rng.pick(VERBS.filter((x) => !x.reflexive && x.es !== 'amar' && x.es !== 'odiar'));
    const comp = complement(rng, v);
    const gerundForm = rng.chance(0.4);
    obj = seq(gerundForm ? w(enIng(v), v.es) : w(['to', ...v.en.split(' ')], v.es, [...v.en.split(' ').map((_, i) => [i + 1, 0] as Link), [0, 0]]), comp);
  } else {
    const noun = rng.pick(nounsOf(form === 'would' ? ['food', 'drink', 'thing', 'clothing', 'readable'] : ['food', 'drink', 'media', 'sport', 'subject', 'animal', 'clothing', 'place', 'thing', 'readable', 'instrument']));
    let np: NP;
    if (form === 'would') np = nounPhrase(noun, { det: noun.mass ? 'none' : 'a', esDet: noun.mass ? 'none' : 'a' });
    else if (rng.chance(0.5)) np = nounPhrase(noun, { det: 'none', plural: !noun.mass && noun.cat !== 'sport' && noun.cat !== 'subject', esDet: 'the' });
    else np = nounPhrase(noun, { det: rng.pick<Det>(['the', 'my', 'your', 'this', 'that', 'our']), plural: rng.chance(0.3) });
    obj = np.seg;
    objPlural = np.plural;
  }
  const p: Person = objPlural ? 5 : 2;
  const esVerb = form === 'present' ? conjugate(inf, 'present', p) : form === 'past' ? conjugate(inf, 'preterite', p) : conjugate(inf, 'conditional', p);
  const clitic = INDIRECT[subj.person];
  const base = love ? 'love' : 'like';
  const enLike = neg || form === 'would' ? base : form === 'past' ? 'liked' : subj.person === 2 ? base + 's' : base;
  // English: S [do not | would] like; Spanish: [a NP] [no] clitic verb
  const enAux = form === 'would' ? ['would'] : neg ? [form === 'past' ? 'did' : DO_PRESENT(subj.person), 'not'] : [];
  const en: string[] = [];
  const es: string[] = [];
  const links: Link[] = [];
  const q = question;
  const qAux = q ? (form === 'past' ? ['did'] : form === 'would' ? ['would'] : [DO_PRESENT(subj.person)]) : [];
  en.push(...qAux);
  const sOff = en.length;
  en.push(...subj.seg.en);
  if (!subj.pronoun) {
    es.push('a', ...subj.seg.es);
    links.push([sOff + subj.head, 0], ...subj.seg.links.map(([a, b]) => [a + sOff, b + 1] as Link));
  }
  const auxOff = en.length;
  if (!q) en.push(...enAux);
  if (neg) {
    links.push([auxOff + 1, es.length], [auxOff, es.length]);
    es.push('no');
  }
  links.push([sOff + (subj.pronoun ? 0 : subj.head), es.length]);
  es.push(clitic);
  const likeIdx = en.length;
  en.push(q && form === 'would' ? 'like' : q ? (love ? 'love' : 'like') : enLike);
  links.push([likeIdx, es.length]);
  if (form === 'would') links.push([q ? 0 : auxOff, es.length]);
  es.push(esVerb);
  const head: Seg = { en, es, links };
  const seg = seq(head, obj);
  return { seg, question: q };
}

/** want to / need to / have to / can / learn to + infinitive phrase. */
function modalClause(rng: Rng, question = false): Clause {
  const subj = subject(rng, { animals: false });
  const [enM, esInf, esLink] = rng.weighted<[string[], string, string[]]>([
    [3, [['want', 'to'], 'querer', []]], [2, [['need', 'to'], 'necesitar', []]], [2, [['have', 'to'], 'tener', ['que']]],
    [2, [['can'], 'poder', []]], [1, [['learn', 'to'], 'aprender', ['a']]], [1, [['try', 'to'], 'intentar', []]],
  ]);
  const v = rng.pick(VERBS.filter((x) => x.es !== 'amar'));
  const p = subj.person;
  const isCan = enM[0] === 'can';
  const form: 'present' | 'past' | 'future' = isCan ? 'present' : rng.weighted([[6, 'present'], [2, 'past'], [1, 'future']]);
  const neg = !question && rng.chance(0.2);
  const tense: Tense = form === 'present' ? 'present' : form === 'past' ? 'preterite' : 'future';
  const esFin = conjugate(esInf, tense, p);
  const inf = v.reflexive ? reflexiveInfinitive(v.es, p) : v.es;
  // English verb group
  let enV: string[];
  if (isCan) enV = neg ? ['can', 'not'] : ['can'];
  else {
    const m = enM[0]!;
    const mForm = form === 'past' ? pastWord(m === 'have' ? 'have' : m) : form === 'future' ? m : p === 2 ? third(m) : m;
    if (form === 'future') enV = ['will', ...(neg ? ['not'] : []), m, ...enM.slice(1)];
    else if (neg) enV = [form === 'past' ? 'did' : DO_PRESENT(p), 'not', m, ...enM.slice(1)];
    else enV = [mForm, ...enM.slice(1)];
  }
  const esV = [...(neg ? ['no'] : []), esFin, ...esLink];
  const links: Link[] = [];
  enV.forEach((t, i) => {
    if (t === 'not') links.push([i, 0]);
    else if (t === 'to' && esLink.length) links.push([i, esV.length - 1]);
    else if (t !== 'to') links.push([i, neg ? 1 : 0]);
  });
  if (esLink.length) links.push([enV.length - 1, esV.length - 1]);
  let vInf = w(v.en.split(' '), inf);
  let comp = complement(rng, v, p);
  // "can you help me ?" → "¿ puedes ayudarme ?": the pronoun joins the infinitive
  if (v.obj && !v.reflexive && rng.chance(0.25)) {
    const pr = objectPronoun(rng, v, p);
    if (pr) {
      const en = [...v.en.split(' '), pr.en];
      vInf = w(en, attachClitic(v.es, pr.es));
      comp = undefined;
    }
  }
  if (!question) return { seg: seq(subj.seg, { en: enV, es: esV, links }, vInf, comp) };
  // "do you want to eat ?" → "¿ quieres comer ?"; "can you swim ?" → "¿ puedes nadar ?"
  const aux = isCan ? ['can'] : [form === 'past' ? 'did' : form === 'future' ? 'will' : DO_PRESENT(p)];
  const enRest = isCan ? [] : enM;
  const vSeg: Seg = { en: enRest, es: [esFin, ...esLink], links: enRest.map((t, i) => (t === 'to' && esLink.length ? [i, 1] : [i, 0]) as Link) };
  if (subj.pronoun) {
    const pre = mergeInto({ en: [...aux, ...subj.seg.en], es: [], links: [] }, vSeg);
    return { seg: seq(pre, vInf, comp), question: true };
  }
  // "can the doctor sing ?" → "¿ el médico puede cantar ?": the auxiliary carries the verb
  const sOff = aux.length;
  const rOff = sOff + subj.seg.en.length;
  const n = subj.seg.es.length;
  const head: Seg = {
    en: [...aux, ...subj.seg.en, ...enRest],
    es: [...subj.seg.es, esFin, ...esLink],
    links: [
      ...subj.seg.links.map(([a, b]) => [a + sOff, b] as Link),
      ...aux.map((_, i) => [i, n] as Link),
      ...enRest.map((t, i) => (t === 'to' && esLink.length ? [rOff + i, n + 1] : [rOff + i, n]) as Link),
      ...(esLink.length ? [[rOff + Math.max(0, enRest.length - 1), n + 1] as Link] : []),
    ],
  };
  void vSeg;
  return { seg: seq(head, vInf, comp), question: true };
}

/** "let's go to the beach" → "vamos a la playa", "let's eat" → "comamos". */
function letsClause(rng: Rng): Clause {
  const v = rng.pick(VERBS.filter((x) => !x.reflexive && x.es !== 'amar' && x.es !== 'odiar' && x.es !== 'perder'));
  const go = rng.chance(0.3) ? VERBS.find((x) => x.es === 'ir')! : v;
  const verb = w(["let's", ...go.en.split(' ')], subjunctive1pl(go.es));
  return { seg: seq(verb, complement(rng, go), rng.chance(0.25) ? timePhrase(rng, 'future') : undefined) };
}

// Imperatives are tú throughout (the singular "you" of a course; no usted, no vosotros):
// "open the door" → "abre la puerta", "don't run" → "no corras", "sit down" → "siéntate",
// "help me" → "ayúdame", "don't touch it" → "no lo toques".
const NO_IMPERATIVE = new Set(['amar', 'odiar', 'tener', 'conocer', 'querer', 'necesitar', 'entender', 'perder', 'ganar', 'llegar', 'llorar', 'reír', 'pensar', 'salir', 'traer', 'vender', 'recordar', 'saber', 'montar', 'despertar']);
const IMPERATIVE_VERBS = VERBS.filter((v) => !NO_IMPERATIVE.has(v.es));

const FIXED_IMPERATIVES: [string, string, string][] = [
  ['be careful', 'ten cuidado', ''], ['be quiet', 'silencio', ''], ['come here', 'ven aquí', ''], ['look', 'mira', ''],
  ['wait', 'espera', 'esperes'], ['listen', 'escucha', 'escuches'], ['turn left', 'gira a la izquierda', 'gires a la izquierda'],
  ['turn right', 'gira a la derecha', 'gires a la derecha'], ['go straight', 'sigue recto', ''], ['hurry up', 'date prisa', ''],
  ['repeat', 'repite', 'repitas'], ['do not worry', '', 'te preocupes'], ['stop', 'para', ''], ['be nice', 'sé amable', ''],
];

function imperativeClause(rng: Rng): Clause {
  const please = rng.weighted<'none' | 'pre' | 'post'>([[6, 'none'], [2, 'pre'], [2, 'post']]);
  let core: Seg;
  if (rng.chance(0.15)) {
    const [en0, es, esNeg] = rng.pick(FIXED_IMPERATIVES);
    const neg = !!esNeg && (es === '' || rng.chance(0.3));
    const en = en0.startsWith('do not ') ? en0.slice(7) : en0;
    if (neg) {
      const enT = ['do', 'not', ...en.split(' ')];
      const esT = ['no', ...esNeg.split(' ')];
      const links: Link[] = [[1, 0]];
      for (let i = 2; i < enT.length; i++) for (let j = 1; j < esT.length; j++) links.push([i, j]);
      for (let j = 1; j < esT.length; j++) links.push([0, j]);
      core = { en: enT, es: esT, links };
    } else core = w(en, es);
  } else {
    const v = rng.pick(IMPERATIVE_VERBS);
    const neg = rng.chance(0.25);
    const form = imperative2(v.es, neg);
    const enV = v.en.split(' ');
    const pr = v.obj && !v.reflexive && rng.chance(0.25) ? objectPronoun(rng, v, 1) : undefined;
    let verb: Seg;
    if (neg) {
      // "don't sit down" → "no te sientes"; "don't touch it" → "no lo toques"
      const cl = v.reflexive ? 'te' : pr?.es;
      const es = ['no', ...(cl ? [cl] : []), form];
      const en = ['do', 'not', ...enV, ...(pr ? [pr.en] : [])];
      const links: Link[] = [[1, 0], [0, es.length - 1]];
      enV.forEach((_, i) => links.push([2 + i, es.length - 1], ...(v.reflexive ? [[2 + i, 1] as Link] : [])));
      if (pr) links.push([en.length - 1, 1]);
      verb = { en, es, links };
    } else {
      const cl = v.reflexive ? 'te' : pr?.es;
      const es = cl ? attachClitic(form, cl) : form;
      verb = w([...enV, ...(pr ? [pr.en] : [])], es);
    }
    const comp = pr || v.reflexive ? undefined : complement(rng, v, 1);
    core = seq(verb, comp, !pr && rng.chance(0.15) ? timePhrase(rng, 'future') : undefined);
  }
  if (please === 'pre') core = seq(w('please', ['por', 'favor']), core);
  if (please === 'post') core = seq(core, w('please', ['por', 'favor']));
  return { seg: core };
}

// Jobs take no article after ser and agree with the subject: "my mother is a teacher" → "mi madre es profesora".
export const JOBS: [string, string, string][] = [
  ['teacher', 'profesor', 'profesora'], ['doctor', 'médico', 'médica'], ['nurse', 'enfermero', 'enfermera'],
  ['student', 'estudiante', 'estudiante'], ['waiter', 'camarero', 'camarera'], ['engineer', 'ingeniero', 'ingeniera'],
  ['lawyer', 'abogado', 'abogada'], ['cook', 'cocinero', 'cocinera'], ['farmer', 'granjero', 'granjera'],
  ['singer', 'cantante', 'cantante'], ['dentist', 'dentista', 'dentista'], ['writer', 'escritor', 'escritora'],
  ['artist', 'artista', 'artista'], ['pilot', 'piloto', 'piloto'], ['firefighter', 'bombero', 'bombera'],
  ['police officer', 'policía', 'policía'], ['driver', 'conductor', 'conductora'], ['scientist', 'científico', 'científica'],
  ['secretary', 'secretario', 'secretaria'], ['friend', 'amigo', 'amiga'], ['neighbor', 'vecino', 'vecina'],
];
const enPluralWord = (x: string) => (x === 'secretary' ? 'secretaries' : x + 's');

function jobClause(rng: Rng): Clause {
  const subj = subject(rng, { animals: false });
  const [en, m, f] = rng.pick(JOBS);
  let es = subj.g === 'f' ? f : m;
  if (subj.plural) es = /[aeiouáéíóú]$/.test(es) ? es + 's' : es + 'es';
  const form = rng.weighted<'present' | 'past' | 'future'>([[6, 'present'], [2, 'past'], [2, 'future']]);
  const neg = rng.chance(0.15);
  const tense: Tense = form === 'present' ? 'present' : form === 'past' ? 'imperfect' : 'future';
  const esV = [...(neg ? ['no'] : []), conjugate('ser', tense, subj.person)];
  const enV = form === 'future' ? ['will', ...(neg ? ['not'] : []), 'be'] : [form === 'present' ? BE_PRESENT[subj.person] : BE_PAST[subj.person], ...(neg ? ['not'] : [])];
  const links: Link[] = enV.map((t, i) => (t === 'not' ? [i, 0] : [i, esV.length - 1]) as Link);
  const enJob = subj.plural ? enPluralWord(en).split(' ') : [/^[aeiou]/.test(en) ? 'an' : 'a', ...en.split(' ')];
  const job: Seg = { en: enJob, es: [es], links: enJob.map((_, i) => [i, 0] as Link) };
  return { seg: seq(subj.seg, { en: enV, es: esV, links }, job) };
}

/** "to go" → "ir"; "to eat the apple" → "comer la manzana". */
function infinitiveFragment(rng: Rng): Clause {
  const v = rng.pick(VERBS.filter((x) => !x.reflexive));
  const comp = rng.chance(0.5) ? complement(rng, v) : undefined;
  return { seg: seq(w(['to', ...v.en.split(' ')], v.es), comp) };
}

/** Bare noun phrases: "the red car" → "el coche rojo", "two apples" → "dos manzanas". */
function npFragment(rng: Rng): Clause {
  const noun = rng.pick(NOUNS);
  if (rng.chance(0.3)) return { seg: nounPhrase(noun, { det: 'none', plural: false }).seg };
  return { seg: objectNP(rng, noun, { adjP: 0.5 }).seg };
}

/** Wh-questions. */
function whQuestion(rng: Rng): Clause {
  const r = rng.next();
  const subj = subject(rng, { animals: false });
  const p = subj.person;
  if (r < 0.3) {
    // object question: "what do you eat ?" → "¿ qué comes ?"
    const v = rng.pick(TRANSITIVE.filter((x) => !x.obj!.every((c) => c === 'family' || c === 'person') && x.es !== 'jugar' && x.es !== 'montar'));
    let form = rng.weighted<Form>([[4, 'present'], [3, 'past'], [2, 'future'], [2, 'progressive']]);
    if (form === 'progressive' && STATIVE.has(v.es)) form = 'present';
    const vp = verbGroup(v, subj, form, false, true);
    const wh = w('what', 'qué');
    if (subj.pronoun) return { seg: seq(wh, mergeInto({ en: [...vp.qAux, ...subj.seg.en], es: [], links: [] }, vp.verb)), question: true };
    return { seg: questionWithInversion(wh, vp, subj), question: true };
  }
  if (r < 0.5) {
    // place/time/reason: "where do you live ?", "when does the train arrive ?", "why are you running ?"
    const v = rng.chance(0.7) ? rng.pick(INTRANSITIVE) : rng.pick(TRANSITIVE);
    let form = rng.weighted<Form>([[4, 'present'], [3, 'past'], [2, 'future'], [2, 'progressive']]);
    if (form === 'progressive' && STATIVE.has(v.es)) form = 'present';
    const vp = verbGroup(v, subj, form, false, true);
    const kind = rng.pick(['where', 'when', 'why', 'how'] as const);
    const wh = kind === 'where' ? w('where', v.place === 'to' ? 'adónde' : 'dónde') : kind === 'when' ? w('when', 'cuándo') : kind === 'why' ? w('why', 'por qué') : w('how', 'cómo');
    const obj = v.obj ? verbObject(rng, v) : undefined;
    const core = subj.pronoun
      ? seq(wh, mergeInto({ en: [...vp.qAux, ...subj.seg.en], es: [], links: [] }, vp.verb), obj)
      : questionWithInversion(wh, vp, subj, obj);
    return { seg: core, question: true };
  }
  if (r < 0.62) {
    // "where is the bank ?" → "¿ dónde está el banco ?"
    const noun = rng.pick(nounsOf(['place', 'thing', 'school', 'readable', 'clothing', 'family', 'animal', 'room']));
    const np = nounPhrase(noun, { det: rng.pick<Det>(['the', 'my', 'your', 'his', 'her', 'our']), plural: rng.chance(0.3) });
    return { seg: seq(w('where', 'dónde'), w(np.plural ? 'are' : 'is', np.plural ? 'están' : 'está'), np.seg), question: true };
  }
  if (r < 0.7) {
    // "who eats the cake ?" → "¿ quién come el pastel ?"
    const v = rng.pick(TRANSITIVE);
    const who: NP = { seg: w('who', 'quién'), g: 'm', plural: false, person: 2, head: 0 };
    let form = rng.weighted<Form>([[3, 'present'], [3, 'past'], [2, 'future'], [1, 'progressive']]);
    if (form === 'progressive' && STATIVE.has(v.es)) form = 'present';
    const vp = verbGroup(v, who, form, false, false);
    return { seg: seq(who.seg, vp.verb, verbObject(rng, v)), question: true };
  }
  if (r < 0.78) {
    // "how many books do you have ?" → "¿ cuántos libros tienes ?"; "... are there ..." → "hay"
    const noun = rng.pick(nounsOf(['family', 'animal', 'thing', 'school', 'readable', 'clothing', 'food']).filter((x) => !x.mass));
    const cu = noun.g === 'f' ? 'cuántas' : 'cuántos';
    const np = w(['how', 'many', lc(enPlural(noun))], [cu, nounForm(noun, true)], [[0, 0], [1, 0], [2, 1]]);
    if (rng.chance(0.35)) return { seg: seq(np, w(['are', 'there'], 'hay'), rng.chance(0.5) ? locationPhrase(rng) : undefined), question: true };
    const which = rng.chance(0.7) ? 'tener' : 'necesitar';
    const v = VERBS.find((x) => x.es === which)!;
    const vp = verbGroup(v, subj, rng.chance(0.8) ? 'present' : 'past', false, true);
    if (subj.pronoun) return { seg: seq(np, mergeInto({ en: [...vp.qAux, ...subj.seg.en], es: [], links: [] }, vp.verb)), question: true };
    return { seg: questionWithInversion(np, vp, subj), question: true };
  }
  if (r < 0.84) {
    // "how is your mother ?" → "¿ cómo está tu madre ?"; "who is your teacher ?" → "¿ quién es tu profesor ?"
    const who = rng.chance(0.5);
    const np = who ? nounPhrase(rng.pick(nounsOf(['family', 'person'])), { det: rng.pick<Det>(['your', 'his', 'her', 'the', 'that']) }) : subject(rng);
    const be = BE_PRESENT[np.person];
    const es = conjugate(who ? 'ser' : 'estar', 'present', np.person);
    if (np.pronoun) return { seg: seq(w(who ? 'who' : 'how', who ? 'quién' : 'cómo'), w([be, ...np.seg.en], es)), question: true };
    return { seg: seq(w(who ? 'who' : 'how', who ? 'quién' : 'cómo'), w(be, es), np.seg), question: true };
  }
  if (r < 0.9) {
    // "what color is the car ?" → "¿ de qué color es el coche ?"
    const noun = rng.pick(nounsOf(['vehicle', 'clothing', 'home', 'thing', 'animal']));
    const np = nounPhrase(noun, { det: rng.pick<Det>(['the', 'your', 'my', 'his', 'her']), plural: rng.chance(0.3) });
    return { seg: seq(w(['what', 'color'], ['de', 'qué', 'color'], [[0, 0], [0, 1], [1, 2]]), w(np.plural ? 'are' : 'is', np.plural ? 'son' : 'es'), np.seg), question: true };
  }
  // yes/no questions of the other kinds
  const k = rng.next();
  if (k < 0.35) return copulaClause(rng, true);
  if (k < 0.55) return gustarClause(rng, true);
  if (k < 0.75) return modalClause(rng, true);
  if (k < 0.85) return thereIsClause(rng, true);
  return actionClause(rng, { question: true });
}

/** "what does your mother cook ?" → "¿ qué cocina tu madre ?" (Spanish puts the subject after the verb). */
function questionWithInversion(wh: Seg, vp: VP, subj: NP, obj?: Seg): Seg {
  const aux: Seg = { en: vp.qAux, es: [], links: [] };
  // English: WH AUX S V O ; Spanish: WH V S O
  return reorder([wh, aux, subj.seg, vp.verb, ...(obj ? [obj] : [])], [0, 1, 3, 2, ...(obj ? [4] : [])]);
}

const FIXED: [string, string, Link[]?][] = [
  ['hello', 'hola'], ['hi', 'hola'], ['good morning', 'buenos días'], ['good afternoon', 'buenas tardes'],
  ['good night', 'buenas noches'], ['goodbye', 'adiós'], ['bye', 'adiós'], ['see you later', 'hasta luego'],
  ['see you tomorrow', 'hasta mañana'], ['thank you', 'gracias'], ['thanks', 'gracias'], ['thank you very much', 'muchas gracias'],
  ['please', 'por favor'], ["you're welcome", 'de nada'], ['nice to meet you', 'mucho gusto'], ['excuse me', 'perdón'],
  ["i'm sorry", 'lo siento'], ['yes', 'sí'], ['no', 'no'], ['of course', 'claro'], ['very well', 'muy bien'], ['okay', 'vale'],
  ['how are you ?', '¿ cómo estás ?'], ['i am fine', 'yo estoy bien'], ['i am very well', 'yo estoy muy bien'],
  ['what is your name ?', '¿ cómo te llamas ?'], ['where are you from ?', '¿ de dónde eres ?'],
  ['what time is it ?', '¿ qué hora es ?'], ['how old are you ?', '¿ cuántos años tienes ?'], ['what do you want to do ?', '¿ qué quieres hacer ?'],
  ['happy birthday', 'feliz cumpleaños'], ['good luck', 'buena suerte'], ['i do not know', 'yo no sé'], ['i know', 'yo sé'],
  ['i do not understand', 'yo no entiendo'], ['i understand', 'yo entiendo'], ['what is this ?', '¿ qué es esto ?'],
  ['what is that ?', '¿ qué es eso ?'], ['how much is it ?', '¿ cuánto cuesta ?'], ['where is the bathroom ?', '¿ dónde está el baño ?'],
  ['do you speak english ?', '¿ hablas inglés ?'], ['i speak a little spanish', 'yo hablo un poco de español'],
  ['what do you like to do ?', '¿ qué te gusta hacer ?'], ['see you soon', 'hasta pronto'], ['welcome', 'bienvenido'],
  ['how much does it cost ?', '¿ cuánto cuesta ?'], ['the bill please', 'la cuenta por favor'], ['good evening', 'buenas tardes'],
  ['can you repeat please ?', '¿ puedes repetir por favor ?'], ['can you help me ?', '¿ puedes ayudarme ?'], ['excuse me please', 'perdón por favor'],
  ['what day is it today ?', '¿ qué día es hoy ?'], ['what is the weather like ?', '¿ qué tiempo hace ?'], ['i love you', 'te quiero'],
  ['how is it going ?', '¿ qué tal ?'], ['see you', 'nos vemos'], ['have a nice day', 'que tengas un buen día'],
  ['i am sorry', 'lo siento'], ['no thank you', 'no gracias'], ['yes please', 'sí por favor'], ['me too', 'yo también'],
  ['hello how are you ?', '¿ hola cómo estás ?'], ['good morning how are you ?', '¿ buenos días cómo estás ?'],
  ['what does it mean ?', '¿ qué significa ?'], ['how do you say it in spanish ?', '¿ cómo se dice en español ?'],
  ['when is your birthday ?', '¿ cuándo es tu cumpleaños ?'], ['when is the party ?', '¿ cuándo es la fiesta ?'], ['when is the exam ?', '¿ cuándo es el examen ?'],
  ['what is your phone number ?', '¿ cuál es tu número de teléfono ?'], ['where do you live ?', '¿ dónde vives ?'], ['good evening everyone', 'buenas tardes a todos'],
];

function fixedPhrase(rng: Rng): Clause {
  const r = rng.next();
  if (r < 0.12) {
    const name = rng.pick(NAMES);
    return { seg: seq(w(['my', 'name', 'is'], ['me', 'llamo'], [[0, 0], [1, 1], [2, 1]]), w(lc(name), lc(name))) };
  }
  if (r < 0.2) return nameCalled(rng, subject(rng, { coord: false }));
  if (r < 0.26) {
    // "today is monday" → "hoy es lunes"
    const [enD, esD] = rng.pick(DAYS);
    const [enT, esT, be, es] = rng.pick<[string, string, string, string]>([['today', 'hoy', 'is', 'es'], ['tomorrow', 'mañana', 'is', 'es'], ['yesterday', 'ayer', 'was', 'fue']]);
    return { seg: seq(w(enT, esT), w(be, es), w(lc(enD), esD)) };
  }
  if (r < 0.3) {
    // "it is three o'clock" → "son las tres"
    const n = 1 + rng.int(12);
    const [en, es] = NUMBERS[n - 1]!;
    return { seg: n === 1 ? w(['it', 'is', 'one', "o'clock"], ['es', 'la', 'una'], [[0, 0], [1, 0], [2, 2], [3, 1]]) : w(['it', 'is', en, "o'clock"], ['son', 'las', es], [[0, 0], [1, 0], [2, 2], [3, 1]]) };
  }
  const [en, es, links] = rng.pick(FIXED);
  const question = en.endsWith('?');
  const enToks = en.split(' ').filter((x) => x !== '?').flatMap((x) => (x === "you're" ? ['you', 'are'] : x === "i'm" ? ['i', 'am'] : [x]));
  const esToks = es.split(' ').filter((x) => x !== '?' && x !== '¿');
  return { seg: w(enToks, esToks, links), question };
}

function nameCalled(rng: Rng, s: NP): Clause {
  const name = lc(rng.pick(NAMES));
  const be = BE_PRESENT[s.person];
  // "my sister is called Ana" → "mi hermana se llama ana"
  const refl = REFLEXIVE[s.person];
  const verb = conjugate('llamar', 'present', s.person);
  const v: Seg = { en: [be, 'called'], es: [refl, verb], links: [[0, 1], [1, 0], [1, 1]] };
  return { seg: seq(s.seg, v, w(name, name)) };
}

// ---------------------------------------------------------------- sentences
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
