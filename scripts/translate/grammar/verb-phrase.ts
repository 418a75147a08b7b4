// Verb groups: tense forms, negation and question auxiliaries in English, conjugation in Spanish.
import { type Verb } from './lexicon.ts';
import { REFLEXIVE, conjugate, gerund, type Person, type Tense } from './spanish.ts';
import { type Link, type Seg } from './segment.ts';
import { en3, enIng, enPast } from './english.ts';
import { type NP } from './noun-phrase.ts';

export type Form = 'present' | 'past' | 'future' | 'progressive' | 'goingto';

export const BE_PRESENT: Record<Person, string> = { 0: 'am', 1: 'are', 2: 'is', 3: 'are', 5: 'are' };
export const BE_PAST: Record<Person, string> = { 0: 'was', 1: 'were', 2: 'was', 3: 'were', 5: 'were' };
export const DO_PRESENT = (p: Person) => (p === 2 ? 'does' : 'do');

export interface VP {
  /** English auxiliary before the subject in questions ("do", "did", "will", "are"); empty when none. */
  qAux: string[];
  /** Everything from the English verb group to the end, with Spanish finite verb group. */
  verb: Seg;
}

/** Reflexive infinitive: levantar → levantarme (person of the subject). */
export function reflexiveInfinitive(inf: string, p: Person): string {
  return inf + REFLEXIVE[p];
}

/**
 * The verb group in a statement or a question: English "does not eat" / "is eating" /
 * "will eat", Spanish "no come" / "está comiendo" / "comerá" (with "me" for reflexives).
 * In questions the English auxiliary moves before the subject (returned in qAux).
 */
export function verbGroup(v: Verb, subj: NP, form: Form, neg: boolean, question: boolean): VP {
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
