// English morphology the generator needs: third person, past, -ing, plurals.
import { type Noun, type Verb } from './lexicon.ts';

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
export function third(x: string): string {
  if (x === 'have') return 'has';
  if (/(s|sh|ch|x|z|o)$/.test(x)) return x + 'es';
  if (/[^aeiou]y$/.test(x)) return x.slice(0, -1) + 'ies';
  return x + 's';
}
export function pastWord(x: string): string {
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
export const lc = (s: string) => s.toLowerCase();
