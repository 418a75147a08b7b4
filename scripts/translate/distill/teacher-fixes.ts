// Apertium eng-spa's systematic slips on chat and study talk, mended before the student learns them
// (npm run data:translate-wild -- --teacher-fixes). Counted over the 97,141 teacher sentences of
// the --talk 80000 build: "let's" → "Dejado" (1,123 pairs), "look at" → "cariz"/"miras en" (1,170),
// "training" → "formación" (742 in ML talk), "great" → "sumo" (501), "beam" → "viga" (467),
// "hidden" → "escondido" (437), "forget gate" → "olvidar la puerta" (437), "sorry" → "triste" (304).
// Two kinds of fix: the English the teacher reads is reworded where it misreads an idiom (the
// pair keeps the user's English), and fixed terms are replaced in its Spanish.
// Set 2 (--teacher-fixes 2) adds the question and verb slips: "Can you send me…" → "Puede me
// envío…", "How does it work?" → "Cómo obra?", "Why does the loss go up?" → "Por qué hace la
// pérdida remonta?", "I am sad" → "Soy triste", "please" → "complacer".

/** 1: the fixes the shipped data was built with; 2: also the questions, "work", ser/estar, please. */
export type FixSet = 1 | 2;

const ESTAR: Record<string, string> = { soy: 'estoy', eres: 'estás', es: 'está', somos: 'estamos', sois: 'estáis', son: 'están', era: 'estaba', eras: 'estabas', éramos: 'estábamos', eran: 'estaban' };
const LLEGAR: Record<string, string> = { soy: 'lego', eres: 'legas', somos: 'legamos', son: 'legan' };
const STATES = String.raw`(?:triste|ocupad|enferm|nervios|confundid|confus|cansad|preocupad|aburrid|enfadad|enojad|perdid|estresad|emocionad|content|atascad|agotad|asustad)[oa]?s?`;
const STATE_WITH_SER = new RegExp(String.raw`\b(soy|eres|es|somos|sois|son|era|eras|éramos|eran)((?: muy| tan| bastante| un poco| demasiado| realmente| super)?) (${STATES})\b`, 'giu');

const OBSERVE: Record<string, string> = { ook: 'bserve', ooks: 'bserves', ooked: 'bserved', ooking: 'bserving' };

/** The English sent to Apertium in place of `en` (the training pair keeps `en`). */
export function teacherInput(en: string, set: FixSet = 1): string {
  const out = en
    .replace(/\b([Ll])et'?s\b/g, (_, l: string) => (l === 'L' ? 'We are going to' : 'we are going to'))
    .replace(/\b([Ll])(ook|ooks|ooked|ooking) at\b/g, (_, l: string, rest: string) => (l === 'L' ? 'O' : 'o') + OBSERVE[rest]!)
    .replace(/(^|[.!?]\s+)([Ss])orry\b/g, (_, before: string, s: string) => `${before}${s === 'S' ? 'I' : 'i'} am sorry`); // at a sentence start
  if (set < 2) return out;
  return (
    out
      // "Can you send me the notes?" → "You can send me the notes?": Apertium: "Me puedes enviar las notas?"
      .replace(/(^|[.!?]\s+)([Cc])(an|ould) you\b/g, (_, before: string, c: string, rest: string) => `${before}${c === 'C' ? 'Y' : 'y'}ou ${c.toLowerCase()}${rest}`)
      // "work" of a thing is "operate" (then "funciona"); Apertium reads "the model works" as "las obras de modelo"
      .replace(THING_WORKS, (_m, subject: string, adverb = '', verb: string) => `${subject}${adverb} ${OPERATE[verb.toLowerCase()]}`)
      .replace(DOES_THING_WORK, (_m, head: string) => `${head} operate`)
  );
}

const THINGS = String.raw`(?:it|this|that|everything|nothing|(?:the |my |your |our |this |that )?(?:model|network|code|attention|gate|layer|algorithm|method|idea|trick|encoder|decoder|optimizer|script|program|laptop|computer|wifi|link|mic|camera|notebook|function|loop|formula|approach))`;
const OPERATE: Record<string, string> = { works: 'operates', worked: 'operated', work: 'operate', working: 'operating' };
const THING_WORKS = new RegExp(String.raw`\b(${THINGS})( really| still| actually| just| finally| now| not| never|n't|'s| is| was| isn't| wasn't| doesn't| does not| didn't| did not| won't| will not| can't| cannot| should| will| might| would)? (works|worked|work|working)\b`, 'gi');
const DOES_THING_WORK = new RegExp(String.raw`\b((?:does|do|did|will|can|would|should)(?:n't| not)? ${THINGS}) work\b`, 'gi');

type Kind = string;
interface TermFix {
  when: RegExp; // on the English
  kinds?: readonly Kind[]; // only for these kinds (default: all)
  from: RegExp; // on the Spanish
  to: string | ((...m: string[]) => string);
}

// the kinds where a beam is a search and training fits a model (Brown's beams hold up roofs)
const ML_TALK = ['study', 'chat'];

const TERMS: readonly TermFix[] = [
  { when: /\bforget gates?\b/i, from: /\b(?:([Ee]l|[Ll]os) )?olvidar (?:(?:la|las) )?puerta(s?)\b/g, to: (_m, art = '', s = '') => `${art ? (/^[EL]/.test(art) ? (s ? 'Las ' : 'La ') : s ? 'las ' : 'la ') : ''}puerta${s} de olvido` },
  { when: /\bbeam\b/i, kinds: ML_TALK, from: /\b([Bb])úsqueda de viga\b/g, to: '$1úsqueda en haz' },
  { when: /\bbeam\b/i, kinds: ML_TALK, from: /\bviga(s?)\b/g, to: (_m, s = '') => (s ? 'haces' : 'haz') },
  { when: /\bhidden\b/i, from: /\bescondid([oa]s?)\b/g, to: 'ocult$1' },
  { when: /\btraining\b/i, kinds: ML_TALK, from: /\bformación\b/g, to: 'entrenamiento' },
  { when: /\bgreat\b/i, from: /\b(?:sumo|suma)\b/g, to: 'genial' },
  { when: /\bgreat\b/i, from: /\b(?:sumos|sumas)\b/g, to: 'geniales' },
  { when: /\bsorry\b/i, from: /\b([Ll])osiento\b/g, to: '$1o siento' },
];

const capitalLike = (model: string, word: string) => (/^\p{Lu}/u.test(model) ? word[0]!.toUpperCase() + word.slice(1) : word);

// Set 2. Each sees the user's English (`when`) and the Spanish of the reworded English.
const FUNCIONA: Record<string, string> = { a: 'a', an: 'an', ó: 'ó', aron: 'aron', ar: 'ar', ando: 'ando', aba: 'aba', aban: 'aban' };
const TERMS_2: readonly TermFix[] = [
  // "operate" said of a thing (teacherInput): funciona
  { when: /\bwork(s|ed|ing)?\b/i, from: /\b([Oo])per(a|an|ó|aron|ar|ando|aba|aban)\b/g, to: (_m, o: string, end: string) => `${o === 'O' ? 'F' : 'f'}uncion${FUNCIONA[end]}` },
  // "Does the model learn?" → "Hace el modelo aprende?": the auxiliary is no verb in Spanish
  { when: /^\s*(does|do|did)\b/i, from: /^(¿?)(Hace|Hacen|Hizo|Hicieron|Hacer) (?=(?:el|la|los|las|mi|mis|tu|tus|su|sus|este|esta|esto|eso|estos|estas|nuestro|nuestra) )/, to: '$1' },
  // "Why does the loss go up?" → "Por qué hace la pérdida…": same, after the question word (not "What does he do?")
  { when: /^\s*(why|where|when)\s+(does|do|did)\b(?!.*\bdo\b)/i, from: /^(¿?(?:Por qué|Dónde|Cuándo)) (?:hace|hacen|hizo|hicieron|hacer) /, to: '$1 ' },
  // "How does it work?" → "Qué hace…": Cómo
  { when: /^\s*how\s+(does|do|did)\b(?!.*\bdo\b)/i, from: /^(¿?)Qué (?:hace|hacen|hizo|hacer) /, to: '$1Cómo ' },
  { when: /\bplease\b/i, from: /^(¿?)Complacer,? /, to: '$1Por favor, ' },
  { when: /\bplease\b/i, from: /\b(?:te )?complacer (.+?)([.?!]?)$/, to: '$1, por favor$2' },
  // ser → estar for a state of a person ("I am sad" → "Soy triste"), only where the English says who
  { when: /\b(i am|i'm|im|i was|you are|you're|ur|you were|we are|we're|we were|they are|they're|they were|he is|she is|he's|she's|he was|she was)\b/i, from: STATE_WITH_SER, to: (_m: string, verb: string, degree = '', adjective: string) => `${capitalLike(verb, ESTAR[verb.toLowerCase()] ?? verb)}${degree} ${adjective}` },
  // "I am late" → "Soy tarde": llego tarde
  { when: /\b(i am|i'm|im|you are|you're|ur|we are|we're|they are|they're) (so |very |really |a bit )?late\b/i, from: /\b([Ss]oy|[Ee]res|[Ss]omos|[Ss]on) tarde\b/g, to: (_m, v: string) => `${/^[SE]/.test(v) ? 'L' : 'l'}${LLEGAR[v.toLowerCase()]} tarde` },
];

/** The teacher's Spanish with its known slips on this English mended. */
export function fixTeacher(en: string, es: string, kind: Kind, set: FixSet = 1): string {
  let out = es.trim();
  for (const t of TERMS) {
    if (!t.when.test(en) || (t.kinds && !t.kinds.includes(kind))) continue;
    out = out.replace(t.from, t.to as string);
  }
  if (set >= 2) {
    out = out.replace(/\s+/g, ' '); // the anchored fixes expect single spaces ("Cómo   opera?")
    for (const t of TERMS_2) {
      if (!t.when.test(en) || (t.kinds && !t.kinds.includes(kind))) continue;
      out = out.replace(t.from, t.to as string);
    }
  }
  // Apertium's spaces before marks ("losiento ,  soy tarde") as written Spanish
  return out.replace(/\s+([,.;:?!])/g, '$1').replace(/\s+/g, ' ').trim();
}
