// Apertium eng-spa's systematic slips on chat and study talk, mended before the student learns them
// (npm run data:translate-wild -- --teacher-fixes). Counted over the 97,141 teacher sentences of
// the --talk 80000 build: "let's" → "Dejado" (1,123 pairs), "look at" → "cariz"/"miras en" (1,170),
// "training" → "formación" (742 in ML talk), "great" → "sumo" (501), "beam" → "viga" (467),
// "hidden" → "escondido" (437), "forget gate" → "olvidar la puerta" (437), "sorry" → "triste" (304).
// Two kinds of fix: the English the teacher reads is reworded where it misreads an idiom (the
// pair keeps the user's English), and fixed terms are replaced in its Spanish.

const OBSERVE: Record<string, string> = { ook: 'bserve', ooks: 'bserves', ooked: 'bserved', ooking: 'bserving' };

/** The English sent to Apertium in place of `en` (the training pair keeps `en`). */
export function teacherInput(en: string): string {
  return en
    .replace(/\b([Ll])et'?s\b/g, (_, l: string) => (l === 'L' ? 'We are going to' : 'we are going to'))
    .replace(/\b([Ll])(ook|ooks|ooked|ooking) at\b/g, (_, l: string, rest: string) => (l === 'L' ? 'O' : 'o') + OBSERVE[rest]!)
    .replace(/(^|[.!?]\s+)([Ss])orry\b/g, (_, before: string, s: string) => `${before}${s === 'S' ? 'I' : 'i'} am sorry`); // at a sentence start
}

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

/** The teacher's Spanish with its known slips on this English mended. */
export function fixTeacher(en: string, es: string, kind: Kind): string {
  let out = es;
  for (const t of TERMS) {
    if (!t.when.test(en) || (t.kinds && !t.kinds.includes(kind))) continue;
    out = out.replace(t.from, t.to as string);
  }
  // Apertium's spaces before marks ("losiento ,  soy tarde") as written Spanish
  return out.replace(/\s+([,.;:?!])/g, '$1').replace(/\s+/g, ' ').trim();
}
