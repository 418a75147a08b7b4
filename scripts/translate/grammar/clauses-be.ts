// Clauses around be/estar/ser/tener/hay: copula, location, origin, tener, weather, there is.
import type { Rng } from '../../../src/core/random.ts';
import { ADJECTIVES, COUNTRIES, NUMBERS, type Adjective, type Gender } from './lexicon.ts';
import { adjectiveForm, conjugate, type Det, type Tense } from './spanish.ts';
import { reorder, seq, w, type Link, type Seg } from './segment.ts';
import { lc } from './english.ts';
import { type NP, adjFor, nounPhrase, nounsOf, pickAdj } from './noun-phrase.ts';
import { subject } from './subject.ts';
import { BE_PAST, BE_PRESENT } from './verb-phrase.ts';
import { locationPhrase, timePhrase } from './place-time.ts';
import { type Clause } from './clause.ts';

export function copulaClause(rng: Rng, question = false): Clause {
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
export function locationClause(rng: Rng): Clause {
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
export function fromClause(rng: Rng): Clause {
  const subj = subject(rng);
  const [en, es] = rng.pick(COUNTRIES);
  return { seg: seq(subj.seg, w(BE_PRESENT[subj.person], conjugate('ser', 'present', subj.person)), w('from', 'de'), w(lc(en), lc(es))) };
}

/** tener + noun: "I am hungry" → "yo tengo hambre", "she is ten years old" → "ella tiene diez años". */
export function tenerClause(rng: Rng): Clause {
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
export function weatherClause(rng: Rng): Clause {
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
export function thereIsClause(rng: Rng, question = false): Clause {
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
