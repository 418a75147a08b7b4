// Fragments, wh-questions, fixed phrases and "my name is".
import type { Rng } from '../../../src/core/random.ts';
import { DAYS, NAMES, NOUNS, NUMBERS, VERBS } from './lexicon.ts';
import { REFLEXIVE, conjugate, nounForm, type Det } from './spanish.ts';
import { reorder, seq, w, type Link, type Seg } from './segment.ts';
import { enPlural, lc } from './english.ts';
import { type NP, nounPhrase, nounsOf, objectNP } from './noun-phrase.ts';
import { subject } from './subject.ts';
import { BE_PRESENT, type Form, type VP, verbGroup } from './verb-phrase.ts';
import { locationPhrase } from './place-time.ts';
import { type Clause, INTRANSITIVE, STATIVE, TRANSITIVE, actionClause, complement, mergeInto, verbObject } from './clause.ts';
import { copulaClause, thereIsClause } from './clauses-be.ts';
import { gustarClause, modalClause } from './clauses-verbs.ts';

export function infinitiveFragment(rng: Rng): Clause {
  const v = rng.pick(VERBS.filter((x) => !x.reflexive));
  const comp = rng.chance(0.5) ? complement(rng, v) : undefined;
  return { seg: seq(w(['to', ...v.en.split(' ')], v.es), comp) };
}

/** Bare noun phrases: "the red car" → "el coche rojo", "two apples" → "dos manzanas". */
export function npFragment(rng: Rng): Clause {
  const noun = rng.pick(NOUNS);
  if (rng.chance(0.3)) return { seg: nounPhrase(noun, { det: 'none', plural: false }).seg };
  return { seg: objectNP(rng, noun, { adjP: 0.5 }).seg };
}

/** Wh-questions. */
export function whQuestion(rng: Rng): Clause {
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

export function fixedPhrase(rng: Rng): Clause {
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
