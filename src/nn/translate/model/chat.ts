// Chat English as people type it into Discord and Slack, rewritten into the written English the
// models were trained on: contractions without apostrophes (im, dont, cant), chat shorthand
// (u, ur, pls, thx, idk, rn), questions without a question mark. Spans that must come back
// verbatim (URLs, `code`, @mentions, e-mails, emoji) are set aside first and returned as slots.
import { keptTerm } from './jargon.ts';
import { LAUGHTER, PLATFORM_MARKUP } from './subword.ts';

/** Chat spelling → written English (whole words, after lower-casing). */
export const CHAT_WORDS: Readonly<Record<string, string>> = {
  im: "i'm", ive: "i've", id: "i'd", youre: "you're", youve: "you've", youll: "you'll", theyre: "they're",
  theyve: "they've", theyll: "they'll", hes: "he's", shes: "she's", thats: "that's", whats: "what's",
  wheres: "where's", whos: "who's", hows: "how's", theres: "there's", lets: "let's",
  dont: "don't", doesnt: "doesn't", didnt: "didn't", cant: "can't", wont: "won't", isnt: "isn't",
  arent: "aren't", wasnt: "wasn't", werent: "weren't", havent: "haven't", hasnt: "hasn't",
  couldnt: "couldn't", shouldnt: "shouldn't", wouldnt: "wouldn't",
  u: 'you', ya: 'you', ur: 'your', r: 'are', y: 'why', pls: 'please', plz: 'please', thx: 'thanks', thanx: 'thanks',
  ty: 'thank you', idk: "i don't know", dunno: "i don't know", bc: 'because', cuz: 'because', coz: 'because', cos: 'because',
  rn: 'right now', tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow', '2day': 'today', '2moro': 'tomorrow', '2nite': 'tonight',
  tonite: 'tonight', gonna: 'going to', wanna: 'want to', gotta: 'have to', gimme: 'give me', lemme: 'let me', b4: 'before',
  btw: 'by the way', k: 'ok', kk: 'ok', msg: 'message', pic: 'picture', bday: 'birthday', hw: 'homework', ppl: 'people',
  cya: 'see you', sry: 'sorry', srry: 'sorry', tho: 'though', thru: 'through', wat: 'what', wut: 'what', kinda: 'kind of',
  omg: 'oh my god', tbh: 'to be honest', tbf: 'to be fair', imo: 'in my opinion', imho: 'in my opinion',
  nvm: 'never mind', fyi: 'for your information', asap: 'as soon as possible', jk: 'just kidding',
  ofc: 'of course', brb: 'be right back', afaik: 'as far as i know', bf: 'boyfriend', gf: 'girlfriend',
  becuz: 'because', becoz: 'because', cus: 'because', sum1: 'someone', every1: 'everyone', any1: 'anyone', no1: 'no one',
  gr8: 'great', l8r: 'later', l8: 'late', thnx: 'thanks', thnks: 'thanks', tnx: 'thanks', ngl: 'honestly',
  rly: 'really', srsly: 'seriously', prolly: 'probably', smth: 'something', sth: 'something', 'w/o': 'without',
  idc: "i don't care", lmk: 'let me know', wyd: 'what are you doing', hbu: 'how about you', wbu: 'what about you',
  gn: 'good night', ttyl: 'talk to you later', omw: "i'm coming", irl: 'in real life', atm: 'at the moment',
  tbd: 'to be decided', yea: 'yeah', ye: 'yeah', okk: 'ok', okie: 'ok',
  convo: 'conversation', uni: 'university', prof: 'professor', pset: 'problem set', yr: 'year', yrs: 'years',
  hr: 'hour', hrs: 'hours', mins: 'minutes', tmrow: 'tomorrow', tomoz: 'tomorrow', yday: 'yesterday', ystd: 'yesterday',
  wknd: 'weekend', wkend: 'weekend', pplz: 'people', bcuz: 'because', cud: 'could', shud: 'should', wud: 'would',
  // study-group shorthand
  diff: 'difference', params: 'parameters', param: 'parameter', algo: 'algorithm', algos: 'algorithms',
  approx: 'approximately', obv: 'obviously', obvs: 'obviously', esp: 'especially', lec: 'lecture', lecs: 'lectures',
  vid: 'video', vids: 'videos', pics: 'pictures', fr: 'for real', idek: "i don't even know", u2: 'you too',
  eg: 'for example', assgn: 'assignment', asgmt: 'assignment',
  hey: 'hi', heyy: 'hi', heyyy: 'hi', hii: 'hi', hiii: 'hi', hiya: 'hi', sorta: 'sort of', imma: "i'm going to", pwease: 'please', w: 'with', 'w/': 'with', abt: 'about', bout: 'about',
};

// "ill" is "I'll" in chat, except after words that make it the adjective ("i feel ill").
const ILL_ADJECTIVE_AFTER = new Set(['am', "i'm", 'is', 'are', 'was', 'were', 'be', 'been', 'feel', 'feels', 'felt', 'very', 'so', 'really', 'too', 'get', 'got', 'look', 'looks', 'seem', 'seems']);

// A question typed without "?": it starts with an auxiliary or a question word.
const QUESTION_START = new Set(['do', 'does', 'did', 'are', 'is', 'am', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'have', 'has', 'what', "what's", 'where', "where's", 'when', 'why', 'how', "how's", 'who', "who's", 'which', 'whose', "don't", "doesn't", "can't", "isn't", "aren't"]);
// …but "dont forget the meeting" is an order: a negative auxiliary asks only before its subject
const NEGATIVE_START = new Set(["don't", "doesn't", "can't", "isn't", "aren't"]);
const OPENERS = new Set(['hi', 'hello', 'ok', 'okay', 'so', 'um', 'uh', 'well', 'guys', 'yo', 'oh', 'also', 'and', 'but', 'everyone', 'all', 'sorry']);
const SUBJECTS = new Set(['you', 'we', 'they', 'he', 'she', 'it', 'i', 'that', 'this', 'there', 'these', 'those']);

// Spans copied through verbatim (order matters: a URL contains dots and digits).
const VERBATIM = new RegExp(
  [
    /https?:\/\/\S+|www\.\S+/u.source,
    /[\w.+-]+@[\w-]+\.[\w.]+/u.source,
    PLATFORM_MARKUP.source,
    /@\w+/u.source,
    /`[^`]+`/u.source,
    LAUGHTER.source,
    /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|\p{Emoji_Modifier})*/u.source,
  ].join('|'),
  'gu',
);

/** Placeholder word for verbatim span i: letters only, so English normalisation leaves it alone. */
export const slotWord = (i: number) => `zzslot${String.fromCharCode(97 + i)}zz`;
export const SLOT_WORD = /^zzslot([a-z])zz$/;

export interface ChatChange {
  from: string;
  to: string;
}

export interface ChatInput {
  text: string; // written English, verbatim spans replaced by slot words
  slots: string[]; // slot i → the original span
  changes: ChatChange[]; // chat words rewritten, in order
  addedQuestionMark: boolean;
}

/**
 * `correct` may fix a word that is no chat word (typos), before the question check.
 * "im hungry 🍕 wanna eat" → "i'm hungry zzslotazz want to eat", slots ["🍕"]. */
export function normalizeChat(text: string, correct?: (word: string) => string | undefined): ChatInput {
  const slots: string[] = [];
  let s = text.normalize('NFC').replace(VERBATIM, (m) => {
    if (slots.length >= 26) return ' ';
    slots.push(m);
    return ` ${slotWord(slots.length - 1)} `;
  });
  // "!!!", "?!?": one mark; the models never saw a run of them
  s = s.replace(/([!?])[!?]+/g, '$1');
  const changes: ChatChange[] = [];
  const words = s.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  words.forEach((raw, i) => {
    // the word without surrounding punctuation, to look up; the punctuation is kept
    const m = raw.match(/^([^\p{L}\p{N}/]*)([\p{L}\p{N}/]+)([^\p{L}\p{N}]*)$/u);
    if (!m) return void out.push(raw);
    const [, pre, core, post] = m as unknown as [string, string, string, string];
    const lower = core.toLowerCase();
    let to: string | undefined = Object.hasOwn(CHAT_WORDS, lower) ? CHAT_WORDS[lower] : undefined; // not "constructor"
    if (lower === 'ill') to = i > 0 && ILL_ADJECTIVE_AFTER.has(out[out.length - 1]!.toLowerCase()) ? undefined : "i'll";
    if (lower === 'w' && !post && i === words.length - 1) to = undefined; // a lone trailing "w"
    // a typo (`correct`): lower-case words only, a capital inside the sentence marks a name
    // (never a technical term: "relu" is no typo of "rely")
    if (to === undefined && correct && /^\p{L}+$/u.test(core) && !(i > 0 && /^\p{Lu}/u.test(core)) && !keptTerm(core)) to = correct(lower);
    if (to === undefined) return void out.push(raw);
    changes.push({ from: core, to });
    out.push(pre + to + post);
  });
  s = out.join(' ');
  const sentence = s.split(/\s+/).filter((w) => w && !SLOT_WORD.test(w)).map((w) => w.toLowerCase().replace(/[^\p{L}']/gu, ''));
  // "hey guys do u know…" asks too: greetings and fillers before the question word
  while (sentence.length > 1 && OPENERS.has(sentence[0]!)) sentence.shift();
  const [first, second] = sentence;
  const ends = s.replace(/(\s*zzslot[a-z]zz)+$/u, '').trim();
  const asks = !!first && QUESTION_START.has(first) && (!NEGATIVE_START.has(first) || SUBJECTS.has(second ?? ''));
  const addedQuestionMark = asks && !/[?!.]$/.test(ends);
  // before trailing emoji or laughter: "what is it ? 😅", as a writer would put it
  if (addedQuestionMark) s = s.replace(/((?:\s*zzslot[a-z]zz)*)$/u, ' ?$1');
  return { text: s, slots, changes, addedQuestionMark };
}
