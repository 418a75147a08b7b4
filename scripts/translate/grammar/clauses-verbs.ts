// Clauses with special verb patterns: gustar, modals, let's, imperatives, jobs.
import type { Rng } from '../../../src/core/random.ts';
import { VERBS } from './lexicon.ts';
import { INDIRECT, attachClitic, conjugate, imperative2, subjunctive1pl, type Det, type Person, type Tense } from './spanish.ts';
import { seq, w, type Link, type Seg } from './segment.ts';
import { enIng, pastWord, third } from './english.ts';
import { type NP, nounPhrase, nounsOf } from './noun-phrase.ts';
import { subject } from './subject.ts';
import { BE_PAST, BE_PRESENT, DO_PRESENT, reflexiveInfinitive } from './verb-phrase.ts';
import { timePhrase } from './place-time.ts';
import { type Clause, complement, mergeInto, objectPronoun } from './clause.ts';

export function gustarClause(rng: Rng, question = false): Clause {
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
export function modalClause(rng: Rng, question = false): Clause {
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
export function letsClause(rng: Rng): Clause {
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

export function imperativeClause(rng: Rng): Clause {
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

export function jobClause(rng: Rng): Clause {
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
