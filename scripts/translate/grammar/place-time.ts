// Places (to/in), locations and time phrases matched to a tense.
import type { Rng } from '../../../src/core/random.ts';
import { COUNTRIES, DAYS, NUMBERS, type NounCat } from './lexicon.ts';
import { type Det } from './spanish.ts';
import { seq, w, type Seg } from './segment.ts';
import { lc } from './english.ts';
import { type NP, nounPhrase, nounsOf, pickAdj } from './noun-phrase.ts';
import { type Form } from './verb-phrase.ts';

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
export function placePhrase(rng: Rng, kind: 'to' | 'in'): Seg {
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

export function locationPhrase(rng: Rng): Seg {
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

export function timePhrase(rng: Rng, t: TimeTense): Seg {
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

export const TIME_OF: Record<Form, TimeTense> = { present: 'present', past: 'past', future: 'future', progressive: 'progressive', goingto: 'future' };
