// The clause type and the action clause (subject, verb, object, complements), with the shared
// helpers: object pronouns and clitics, question word order.
import type { Rng } from '../../../src/core/random.ts';
import { VERBS, type Verb } from './lexicon.ts';
import { type Det, type Person } from './spanish.ts';
import { reorder, seq, w, type Link, type Seg } from './segment.ts';
import { type NP, nounPhrase, nounsOf, objectNP } from './noun-phrase.ts';
import { subject } from './subject.ts';
import { type Form, type VP, verbGroup } from './verb-phrase.ts';
import { TIME_OF, placePhrase, timePhrase } from './place-time.ts';

export interface Clause {
  seg: Seg;
  question?: boolean;
}

// Stative verbs take no progressive in English ("I am knowing").
export const STATIVE = new Set(['conocer', 'tener', 'querer', 'necesitar', 'entender', 'recordar', 'amar', 'odiar', 'saber']);

function pickForm(rng: Rng, v?: Verb): Form {
  const f = rng.weighted<Form>([[35, 'present'], [22, 'past'], [16, 'future'], [15, 'progressive'], [10, 'goingto']]);
  return f === 'progressive' && v && STATIVE.has(v.es) ? 'present' : f;
}

/** The verb's object: category-appropriate NP with personal "a" for people, "al fútbol", etc. */
export function verbObject(rng: Rng, v: Verb): Seg | undefined {
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

export const TRANSITIVE = VERBS.filter((v) => v.obj);
export const INTRANSITIVE = VERBS.filter((v) => !v.obj && !v.reflexive);
const REFLEXIVES = VERBS.filter((v) => v.reflexive);

/** Object or place complement for any verb (may be empty). */
export function complement(rng: Rng, v: Verb, person?: Person): Seg | undefined {
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
export function actionClause(rng: Rng, opts: { question?: boolean; verb?: Verb } = {}): Clause {
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
export function objectPronoun(rng: Rng, v: Verb, subjPerson: Person): ObjPronoun | undefined {
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
export function mergeInto(pre: Seg, seg: Seg): Seg {
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
