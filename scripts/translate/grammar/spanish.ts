// Spanish morphology for the generator. spanish-verbs conjugates regular verbs and many
// irregulars correctly, but misses stem changes (jugar → "jugo", pensar → "penso"), some
// preterites (leer → "leió", traer, conducir, dormir's "durmió") and futures (venir, salir);
// the fixes below are the smallest tables that make our verbs right (tests/scripts check them).
// spanish-words gives plurals (lápices, autobuses, exámenes); its gender guesser is not used.
import spanishVerbs from 'spanish-verbs';
import spanishWords from 'spanish-words';
import type { Adjective, Gender, Noun } from './lexicon.ts';

/** 0 yo, 1 tú, 2 él/ella, 3 nosotros, 5 ellos/ellas (vosotros unused). */
export type Person = 0 | 1 | 2 | 3 | 5;
export type Tense = 'present' | 'preterite' | 'future' | 'imperfect' | 'conditional';

type SixForms = [string, string, string, string, string, string];
interface Fix {
  present?: SixForms;
  preterite?: SixForms;
  future?: SixForms;
  subj1pl?: string; // nosotros present subjunctive ("let's eat" → comamos)
  subj2?: string; // tú present subjunctive ("don't run" → no corras)
  imp2?: string; // tú affirmative imperative when not the él/ella present (ven, ten, haz, sal, pon, ve)
  gerund?: string;
}

// Stem-changing verbs that spanish-verbs leaves regular in the present.
const STEM: Record<string, ['e', 'ie'] | ['u', 'ue'] | ['e', 'i'] | ['o', 'ue']> = {
  cerrar: ['e', 'ie'], pensar: ['e', 'ie'], empezar: ['e', 'ie'], despertar: ['e', 'ie'], sentar: ['e', 'ie'],
  perder: ['e', 'ie'], entender: ['e', 'ie'], jugar: ['u', 'ue'], vestir: ['e', 'i'],
  encender: ['e', 'ie'], repetir: ['e', 'i'], pedir: ['e', 'i'], preferir: ['e', 'ie'],
};

const FIXES: Record<string, Fix> = {
  leer: { preterite: ['leí', 'leíste', 'leyó', 'leímos', 'leísteis', 'leyeron'], gerund: 'leyendo' },
  traer: {
    present: ['traigo', 'traes', 'trae', 'traemos', 'traéis', 'traen'],
    preterite: ['traje', 'trajiste', 'trajo', 'trajimos', 'trajisteis', 'trajeron'],
    subj1pl: 'traigamos', subj2: 'traigas', gerund: 'trayendo',
  },
  hacer: { subj1pl: 'hagamos', imp2: 'haz' },
  tener: { imp2: 'ten' },
  poner: { imp2: 'pon' },
  repetir: {
    present: ['repito', 'repites', 'repite', 'repetimos', 'repetís', 'repiten'],
    preterite: ['repetí', 'repetiste', 'repitió', 'repetimos', 'repetisteis', 'repitieron'],
    subj1pl: 'repitamos', subj2: 'repitas', gerund: 'repitiendo',
  },
  pedir: {
    present: ['pido', 'pides', 'pide', 'pedimos', 'pedís', 'piden'],
    preterite: ['pedí', 'pediste', 'pidió', 'pedimos', 'pedisteis', 'pidieron'],
    subj1pl: 'pidamos', subj2: 'pidas', gerund: 'pidiendo',
  },
  preferir: { preterite: ['preferí', 'preferiste', 'prefirió', 'preferimos', 'preferisteis', 'prefirieron'], subj2: 'prefieras', gerund: 'prefiriendo' },
  conducir: { preterite: ['conduje', 'condujiste', 'condujo', 'condujimos', 'condujisteis', 'condujeron'] },
  venir: { imp2: 'ven', future: ['vendré', 'vendrás', 'vendrá', 'vendremos', 'vendréis', 'vendrán'], gerund: 'viniendo' },
  salir: {
    present: ['salgo', 'sales', 'sale', 'salimos', 'salís', 'salen'],
    future: ['saldré', 'saldrás', 'saldrá', 'saldremos', 'saldréis', 'saldrán'], subj1pl: 'salgamos', subj2: 'salgas', imp2: 'sal',
  },
  reír: {
    present: ['río', 'ríes', 'ríe', 'reímos', 'reís', 'ríen'],
    preterite: ['reí', 'reíste', 'rio', 'reímos', 'reísteis', 'rieron'],
    future: ['reiré', 'reirás', 'reirá', 'reiremos', 'reiréis', 'reirán'], subj1pl: 'riamos', gerund: 'riendo',
  },
  dormir: { preterite: ['dormí', 'dormiste', 'durmió', 'dormimos', 'dormisteis', 'durmieron'], subj1pl: 'durmamos', gerund: 'durmiendo' },
  vestir: { preterite: ['vestí', 'vestiste', 'vistió', 'vestimos', 'vestisteis', 'vistieron'], subj1pl: 'vistamos', gerund: 'vistiendo' },
  ir: { subj1pl: 'vamos', gerund: 'yendo', imp2: 've' }, // "let's go" → "vamos"
};

const TENSE_NAME: Record<Tense, string> = {
  present: 'INDICATIVE_PRESENT', preterite: 'INDICATIVE_PRETERITE', future: 'INDICATIVE_FUTURE',
  imperfect: 'INDICATIVE_IMPERFECT', conditional: 'CONDITIONAL_PRESENT',
};

function changeStem(form: string, inf: string): string {
  const rule = STEM[inf];
  if (!rule) return form;
  const [from, to] = rule;
  const stem = inf.slice(0, -2);
  const idx = stem.lastIndexOf(from);
  // The changed vowel is the stem's last one; endings are untouched.
  return form.slice(0, idx) + to + form.slice(idx + 1);
}

export function conjugate(inf: string, tense: Tense, person: Person): string {
  const fixed = tense === 'present' || tense === 'preterite' || tense === 'future' ? FIXES[inf]?.[tense] : undefined;
  if (fixed) return fixed[person];
  const form = spanishVerbs.getConjugation(inf, TENSE_NAME[tense], person);
  if (tense === 'present' && person !== 3 && STEM[inf]) return changeStem(form, inf);
  return form;
}

export function subjunctive1pl(inf: string): string {
  return FIXES[inf]?.subj1pl ?? spanishVerbs.getConjugation(inf, 'SUBJUNCTIVE_PRESENT', 3);
}

/** Tú imperative: "open" → abre, "come" → ven; negative "don't run" → (no) corras. */
export function imperative2(inf: string, neg: boolean): string {
  if (neg) {
    const fixed = FIXES[inf]?.subj2;
    if (fixed) return fixed;
    const form = spanishVerbs.getConjugation(inf, 'SUBJUNCTIVE_PRESENT', 1);
    return STEM[inf] ? changeStem(form, inf) : form;
  }
  return FIXES[inf]?.imp2 ?? conjugate(inf, 'present', 2);
}

const STRONG = /[aeo]/;
const ACCENT: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/**
 * A verb form with pronouns attached ("abre" + "la" → "ábrela", "sienta" + "te" → "siéntate",
 * "ven" + "te" → "vente", "ayudar" + "me" → "ayudarme"): the stress stays where it was, so a
 * vowel-final form stressed on its next-to-last syllable takes a written accent there.
 */
export function attachClitic(form: string, clitic: string): string {
  if (/[rn]$/.test(form) || /[áéíóú]/.test(form)) return form + clitic; // infinitives, ven, pon: no new accent
  const groups = [...form.matchAll(/[aeiou]+/g)];
  // "qu"/"gu" before e/i is not a vowel
  const real = groups.filter((g) => !(g[0] === 'u' && /[qg]$/.test(form.slice(0, g.index)) && /^[ei]/.test(form.slice(g.index! + 1))));
  if (real.length < 2) return form + clitic;
  const g = real[real.length - 2]!;
  const k = g[0].search(STRONG) >= 0 ? g[0].search(STRONG) : g[0].length - 1;
  const at = g.index! + k;
  return form.slice(0, at) + ACCENT[form[at]!] + form.slice(at + 1) + clitic;
}

export function gerund(inf: string): string {
  const fixed = FIXES[inf]?.gerund;
  if (fixed) return fixed;
  const stem = inf.slice(0, -2);
  if (inf.endsWith('ar')) return stem + 'ando';
  return stem + 'iendo';
}

export const REFLEXIVE: Record<Person, string> = { 0: 'me', 1: 'te', 2: 'se', 3: 'nos', 5: 'se' };
export const DIRECT_PERSON: Record<Person, string> = { 0: 'me', 1: 'te', 2: 'lo', 3: 'nos', 5: 'los' };
export const INDIRECT: Record<Person, string> = { 0: 'me', 1: 'te', 2: 'le', 3: 'nos', 5: 'les' };

const PLURAL_FIXES: Record<string, { gender: 'M' | 'F'; plural: string }> = {};

export function nounPlural(noun: Noun): string {
  if (noun.esPl) return noun.esPl;
  return spanishWords.getPluralSpanishWord(PLURAL_FIXES, noun.es);
}

export function nounForm(noun: Noun, plural: boolean): string {
  return plural ? nounPlural(noun) : noun.es;
}

/** Adjective agreeing with gender and number: rojo/roja/rojos/rojas, azul/azules, feliz/felices. */
export function adjectiveForm(adj: Adjective, g: Gender, plural: boolean): string {
  let form = adj.es;
  if (g === 'f') form = adj.esF ?? (form.endsWith('o') ? form.slice(0, -1) + 'a' : form);
  if (!plural) return form;
  if (/[aeiouáéó]$/.test(form)) return form + 's';
  if (form.endsWith('z')) return form.slice(0, -1) + 'ces';
  // Drop the written accent a consonant plural makes redundant: marrón → marrones; joven → jóvenes.
  if (form === 'joven') return 'jóvenes';
  return deaccentLast(form) + 'es';
}

function deaccentLast(word: string): string {
  const map: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };
  return /[áéíóú][nsl]$/.test(word) ? word.slice(0, -2) + map[word[word.length - 2]!] + word.slice(-1) : word;
}

export type Det = 'the' | 'a' | 'my' | 'your' | 'his' | 'her' | 'our' | 'their' | 'this' | 'that' | 'some' | 'many' | 'none' | 'any';

/** Spanish determiner agreeing with the noun; "el" before stressed-a feminine singular (el agua). */
export function determiner(det: Det, noun: Noun, plural: boolean): string | undefined {
  const f = noun.g === 'f' && !(noun.elFem && !plural && (det === 'the' || det === 'a'));
  const pick = (ms: string, fs: string, mp: string, fp: string) => (plural ? (f ? fp : mp) : f ? fs : ms);
  switch (det) {
    case 'the': return pick('el', 'la', 'los', 'las');
    case 'a': return pick('un', 'una', 'unos', 'unas');
    case 'some': return pick('un', 'una', 'unos', 'unas');
    case 'my': return plural ? 'mis' : 'mi';
    case 'your': return plural ? 'tus' : 'tu';
    case 'his': case 'her': case 'their': return plural ? 'sus' : 'su';
    case 'our': return pick('nuestro', 'nuestra', 'nuestros', 'nuestras');
    case 'this': return pick('este', 'esta', 'estos', 'estas');
    case 'that': return pick('ese', 'esa', 'esos', 'esas');
    case 'many': return pick('mucho', 'mucha', 'muchos', 'muchas');
    case 'none': case 'any': return undefined; // "any brothers" → "hermanos"
  }
}

/** "a el" → "al", "de el" → "del". */
export function contract(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t === 'el' && (prev === 'a' || prev === 'de')) out[out.length - 1] = prev === 'a' ? 'al' : 'del';
    else out.push(t);
  }
  return out;
}
