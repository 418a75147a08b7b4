// Text in and out of the translation models: English normalisation (case, punctuation,
// contractions, digits) into the token form the generator writes, and Spanish formatting
// (¿…?, ¡…!, capital first letter, names) of the tokens a model emits.

// A Map, not an object: user words such as "constructor" must not find Object.prototype's members.
const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  "don't": ['do', 'not'], "doesn't": ['does', 'not'], "didn't": ['did', 'not'], "won't": ['will', 'not'],
  "can't": ['can', 'not'], cannot: ['can', 'not'], "isn't": ['is', 'not'], "aren't": ['are', 'not'],
  "wasn't": ['was', 'not'], "weren't": ['were', 'not'], "i'm": ['i', 'am'], "you're": ['you', 'are'],
  "we're": ['we', 'are'], "they're": ['they', 'are'], "he's": ['he', 'is'], "she's": ['she', 'is'],
  "it's": ['it', 'is'], "there's": ['there', 'is'], "what's": ['what', 'is'], "where's": ['where', 'is'],
  "who's": ['who', 'is'], "how's": ['how', 'is'], "i'll": ['i', 'will'], "you'll": ['you', 'will'],
  "he'll": ['he', 'will'], "she'll": ['she', 'will'], "we'll": ['we', 'will'], "they'll": ['they', 'will'],
  "it'll": ['it', 'will'], "i'd": ['i', 'would'], "you'd": ['you', 'would'], "he'd": ['he', 'would'],
  "she'd": ['she', 'would'], "we'd": ['we', 'would'], "they'd": ['they', 'would'], "let's": ["let's"],
  "that's": ['that', 'is'], "i've": ['i', 'have'], "we've": ['we', 'have'], "you've": ['you', 'have'],
  "they've": ['they', 'have'],
}));

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

export interface EnglishInput {
  tokens: string[]; // model tokens, e.g. ["do", "not", "eat", "?"]
  question: boolean;
  exclamation: boolean;
}

/** "Don't eat!" → { tokens: ["do", "not", "eat"], exclamation: true }. */
export function normalizeEnglish(text: string): EnglishInput {
  let s = text.normalize('NFC').replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"').toLowerCase().trim();
  const question = /\?\s*["')]*$/.test(s);
  const exclamation = !question && /!\s*["')]*$/.test(s);
  s = s.replace(/\blet us\b/g, "let's");
  s = s.replace(/[¿¡?!.,;:"()\[\]]/g, ' ');
  const tokens: string[] = [];
  for (const raw of s.split(/\s+/)) {
    const word = raw.replace(/^'+|'+$/g, (m) => (raw === "o'clock" ? m : ''));
    if (!word) continue;
    const expanded = CONTRACTIONS.get(word);
    if (expanded) tokens.push(...expanded);
    else if (/^\d+$/.test(word) && Number(word) <= 20) tokens.push(DIGITS[Number(word)]!);
    else if (word.includes('-') && word.split('-').every(Boolean)) tokens.push(...word.split('-'));
    else tokens.push(word);
  }
  if (question) tokens.push('?');
  return { tokens, question, exclamation };
}

/** Tokens → English as a person would write it, contracting where `contract(i)` says so. */
export function englishSurface(
  tokens: readonly string[],
  contract: (i: number) => boolean = () => false,
  properNames: ReadonlySet<string> = new Set(),
): string {
  const INV = new Map<string, string>();
  for (const [k, v] of CONTRACTIONS) if (v.length === 2 && !INV.has(v.join(' ')) && !k.startsWith('can')) INV.set(v.join(' '), k);
  INV.set('can not', "can't");
  const words: string[] = [];
  let q = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '?') { q = true; continue; }
    const pair = i + 1 < tokens.length ? `${t} ${tokens[i + 1]}` : '';
    const contracted = INV.get(pair);
    if (contracted && contract(i)) {
      words.push(contracted);
      i++;
    } else words.push(t);
  }
  let out = words.map((x) => (x === 'i' ? 'I' : properNames.has(x) ? capitalize(x) : x)).join(' ').replace(/\bi'/g, "I'");
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return out + (q ? '?' : '.');
}

/**
 * Model output tokens → written Spanish: "¿ dónde vives ?" → "¿Dónde vives?". `keep`: token
 * positions written as given (copied words keep their case); `render` may decorate each token.
 */
export function formatSpanish(
  tokens: readonly string[],
  opts: { exclamation?: boolean; properNames?: ReadonlySet<string>; keep?: ReadonlySet<number>; render?: (token: string, index: number) => string } = {},
): string {
  const names = opts.properNames;
  const words = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t !== '¿' && t !== '?')
    .map(({ t, i }) => {
      const word = opts.keep?.has(i) ? t : names?.has(t) ? capitalize(t) : t;
      return opts.render ? opts.render(word, i) : word;
    });
  const question = tokens.includes('?') || tokens[0] === '¿';
  // the first letter, also inside markup ("_no_ hay" → "_No_ hay")
  const body = words.join(' ').replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
  if (!body) return '';
  if (question) return `¿${body}?`;
  if (opts.exclamation) return `¡${body}!`;
  return body + '.';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
