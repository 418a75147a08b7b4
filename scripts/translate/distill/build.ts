// npm run data:translate-wild [-- --talk 40000 --seed 7 --teacher-fixes [2]]
// The broad corpus for the open-vocabulary translators: sequence-level knowledge distillation of
// Apertium eng-spa over real English (Brown, WordNet examples) and generated chat / study talk,
// mixed with the generator's gold pairs (npm run data:translate), some of them typed as chat.
// Writes data/translate-wild/{train,valid}.jsonl ({en, es, kind}) and stats.json, then trains the
// subword vocabularies (tokenizer.ts). Never trains on an evaluation sentence: the wild dev set and
// the generator's valid/test/long sets are removed by normalised English. --teacher-fixes mends
// Apertium's systematic slips on chat and study talk first (teacher-fixes.ts).
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../../../src/core/random.ts';
import { loadCorpus } from '../data.ts';
import { loadWild, englishKey } from '../devset/wild.ts';
import { apertiumRaw, cleanApertium, requireApertium } from './apertium.ts';
import { brownSentences, wordnetExamples } from './english.ts';
import { EMOJI, chatify, talkSentences } from './talk.ts';
import { WILD_DATA_DIR } from './paths.ts';
import { type FixSet, fixTeacher, teacherInput } from './teacher-fixes.ts';
import { trainTokenizers } from './tokenizer.ts';


export interface WildExample {
  en: string;
  es: string;
  kind: 'gold' | 'gold-chat' | 'brown' | 'wordnet' | 'chat' | 'study';
}

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const seed = arg('seed', 7);
const talkCount = arg('talk', 40_000);
const goldCount = arg('gold', 120_000);
const validCount = arg('valid', 1_000);
// --teacher-fixes: fix set 1; --teacher-fixes 2: set 2 as well (teacher-fixes.ts)
const fixesAt = argv.indexOf('--teacher-fixes');
const fixSet: FixSet | undefined = fixesAt < 0 ? undefined : argv[fixesAt + 1] === '2' ? 2 : 1;
if (fixesAt >= 0 && argv[fixesAt + 1] !== undefined && !argv[fixesAt + 1]!.startsWith('--') && !['1', '2'].includes(argv[fixesAt + 1]!)) {
  console.error(`--teacher-fixes takes 1 or 2 (the fix set), not ${argv[fixesAt + 1]}`);
  process.exit(2);
}
const teacherFixes = fixSet !== undefined;
const teacherText = (en: string) => (fixSet ? teacherInput(en, fixSet) : en);

requireApertium();
const t0 = Date.now();
const rng = new Rng(seed);
fs.mkdirSync(WILD_DATA_DIR, { recursive: true });

// Sentences that must never be trained on.
const gen = loadCorpus();
const banned = new Set<string>([...gen.valid, ...gen.test, ...gen.long].map((e) => englishKey(e.en)));
for (const w of loadWild()) banned.add(englishKey(w.en));

// English for the teacher.
const sources: { en: string; kind: WildExample['kind'] }[] = [];
const seen = new Set<string>();
const add = (en: string, kind: WildExample['kind']) => {
  const k = englishKey(en);
  if (!k || seen.has(k) || banned.has(k)) return;
  seen.add(k);
  sources.push({ en, kind });
};
for (const s of brownSentences()) add(s, 'brown');
for (const s of wordnetExamples()) add(s, 'wordnet');
for (const t of talkSentences(rng, talkCount)) add(t.en, t.kind);

// Teacher translations, cached by sentence.
const cacheFile = path.join(WILD_DATA_DIR, 'apertium-cache.json');
const cache: Record<string, string> = fs.existsSync(cacheFile) ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : {};
const todo = [...new Set(sources.map((s) => teacherText(s.en)))].filter((en) => cache[en] === undefined);
if (todo.length) {
  console.error(`apertium eng-spa: ${todo.length} sentences to translate (${sources.length - todo.length} cached)…`);
  const ta = Date.now();
  const raw = apertiumRaw(todo, 4000, (n) => process.stderr.write(`\r  ${n}/${todo.length} (${((Date.now() - ta) / 1000).toFixed(0)} s)`));
  todo.forEach((en, i) => (cache[en] = raw[i]!));
  fs.writeFileSync(cacheFile, JSON.stringify(cache));
  console.error(`\n  done in ${((Date.now() - ta) / 1000).toFixed(0)} s`);
}

const distilled: WildExample[] = [];
const dropped: Record<string, number> = {};
let unknownKept = 0;
let teacherFixed = 0;
for (const s of sources) {
  const c = cleanApertium(cache[teacherText(s.en)] ?? '');
  if (!c.es) {
    dropped[s.kind] = (dropped[s.kind] ?? 0) + 1;
    continue;
  }
  unknownKept += c.unknown.length;
  let en = s.en;
  let es = c.es;
  if (teacherFixes) {
    const fixed = fixTeacher(s.en, es, s.kind, fixSet);
    if (fixed !== es.replace(/\s+([,.;:?!])/g, '$1') || teacherText(s.en) !== s.en) teacherFixed++;
    es = fixed;
  }
  // chat is typed as chat; some of the other English is typed casually too
  const casual = s.kind === 'chat' ? 0.75 : s.kind === 'study' ? 0.4 : 0.15;
  if (rng.chance(casual)) {
    const emoji = s.kind === 'chat' || s.kind === 'study' ? (rng.chance(0.25) ? rng.pick(EMOJI) : undefined) : undefined;
    en = chatify(rng, en, { emoji });
    if (emoji) es = `${es} ${emoji}`;
  }
  distilled.push({ en, es, kind: s.kind });
}

// The generator's gold pairs (the beginner course), some typed as chat.
let goldBanned = 0;
const gold: WildExample[] = gen.train.slice(0, goldCount).filter((e) => !banned.has(englishKey(e.en)) || (goldBanned++, false)).map((e) => {
  if (!rng.chance(0.3)) return { en: e.en, es: e.es, kind: 'gold' as const };
  const emoji = rng.chance(0.15) ? rng.pick(EMOJI) : undefined;
  return { en: chatify(rng, e.en, { emoji }), es: emoji ? `${e.es} ${emoji}` : e.es, kind: 'gold-chat' as const };
});

// valid: held-out distilled pairs (the gold valid set is the generator's own)
for (let i = distilled.length - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  [distilled[i], distilled[j]] = [distilled[j]!, distilled[i]!];
}
const valid = [...distilled.slice(0, validCount), ...gen.valid.slice(0, validCount).map((e) => ({ en: e.en, es: e.es, kind: 'gold' as const }))];
const train = [...distilled.slice(validCount), ...gold];
for (let i = train.length - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  [train[i], train[j]] = [train[j]!, train[i]!];
}
const write = (name: string, xs: WildExample[]) => fs.writeFileSync(path.join(WILD_DATA_DIR, `${name}.jsonl`), xs.map((x) => JSON.stringify(x)).join('\n') + '\n');
write('train', train);
write('valid', valid);

const byKind: Record<string, number> = {};
for (const e of train) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
const courseWords = { src: new Set(gen.train.flatMap((e) => e.src)), tgt: new Set(gen.train.flatMap((e) => e.tgt)) };
const tok = trainTokenizers(argv.includes('--keep-text') ? undefined : train, WILD_DATA_DIR, courseWords);
const stats = {
  options: { seed, talk: talkCount, gold: goldCount, valid: validCount, teacherFixes: fixSet === 2 ? 2 : teacherFixes },
  teacherFixed,
  sources: sources.length,
  droppedByTeacherMarks: dropped,
  unknownWordsCopied: unknownKept,
  train: train.length,
  valid: valid.length,
  trainByKind: byKind,
  goldDroppedAsDevSentences: goldBanned,
  englishWords: train.reduce((s, e) => s + e.en.split(/\s+/).length, 0),
  spanishWords: train.reduce((s, e) => s + e.es.split(/\s+/).length, 0),
  tokenizer: tok,
  seconds: (Date.now() - t0) / 1000,
};
fs.writeFileSync(path.join(WILD_DATA_DIR, 'stats.json'), JSON.stringify(stats, null, 2));
console.log(JSON.stringify(stats, null, 2));
