// npm run eval:translate-wild [-- --models transformer,attention,seq2seq --beam 4 --no-apertium --show]
//   [--teacher-fixes 1|2]: also prints (does not record) Apertium with that fix set of
//   (with --models none --no-apertium, only that: no file is written)
//   scripts/translate/distill/teacher-fixes.ts, the teacher the distillation learns from.
// Scores every shipped translator and Apertium eng-spa on the wild dev set
// (scripts/translate/devset/wild.tsv, never trained on): multi-reference corpus BLEU per kind,
// lower-cased with ¿¡?!.,;: removed; plus words copied from the source, loops (a repeated
// n-gram) and truncations (output shorter than 0.6 × the shortest reference).
// Writes models/translate/wild-eval.json and the "translate-wild" section of bench/RESULTS.md.
import fs from 'node:fs';
import path from 'node:path';
import { machine, table, writeSection } from '../../bench/lib.ts';
import { MODEL_KINDS, type ModelKind } from '../../src/nn/translate/model/config.ts';
import { translateText } from '../../src/nn/translate/infer/service.ts';
import { MODELS_DIR } from '../../src/nn/translate/infer/translator.ts';
import { corpusBleu } from './bleu.ts';
import { WILD_KINDS, loadWild, type WildItem, type WildKind } from './devset/wild.ts';
import { apertiumRaw } from './distill/apertium.ts';
import { type FixSet, fixTeacher, teacherInput } from './distill/teacher-fixes.ts';

/** Lower case, ¿¡?!.,;: removed, spaces squeezed: how the wild set is scored. */
export const wildNorm = (s: string) => s.toLowerCase().replace(/[¿¡?!.,;:]/g, ' ').replace(/\s+/g, ' ').trim();

/** A loop: a word three times in a row, or a 2–4-word phrase twice in a row. */
export function hasLoop(text: string): boolean {
  const w = wildNorm(text).split(' ').filter(Boolean);
  for (let i = 0; i + 2 < w.length; i++) if (w[i] === w[i + 1] && w[i] === w[i + 2]) return true;
  for (let n = 2; n <= 4; n++) {
    for (let i = 0; i + 2 * n <= w.length; i++) {
      if (w.slice(i, i + n).join(' ') === w.slice(i + n, i + 2 * n).join(' ')) return true;
    }
  }
  return false;
}

export const isTruncated = (hyp: string, refs: string[]) =>
  wildNorm(hyp).split(' ').filter(Boolean).length < 0.6 * Math.min(...refs.map((r) => wildNorm(r).split(' ').length));

/** Output words (3+ letters) that are source words left as they were: names, or untranslated English. */
export function copiedWords(hyp: string, en: string): number {
  const src = new Set(wildNorm(en).split(' ').filter((w) => /^\p{L}{3,}$/u.test(w)));
  return wildNorm(hyp).split(' ').filter((w) => src.has(w)).length;
}

export interface WildScore {
  bleu: Record<WildKind | 'all', number>;
  sentences: number;
  copiedWords: number;
  /** Unknown source words the reply copied or looked up in the lexicon at the attended place (word-level models). */
  rare?: { copied: number; lexicon: number };
  loops: number;
  truncations: number;
  msPerSentence?: number;
}

export function scoreWild(items: WildItem[], hyps: string[]): WildScore {
  const bleu = {} as Record<WildKind | 'all', number>;
  const refs = items.map((x) => x.refs.map(wildNorm));
  for (const k of WILD_KINDS) {
    const idx = items.map((x, i) => (x.kind === k ? i : -1)).filter((i) => i >= 0);
    bleu[k] = corpusBleu(idx.map((i) => wildNorm(hyps[i]!)), idx.map((i) => refs[i]!));
  }
  bleu.all = corpusBleu(hyps.map(wildNorm), refs);
  return {
    bleu,
    sentences: items.length,
    copiedWords: hyps.reduce((s, h, i) => s + copiedWords(h, items[i]!.en), 0),
    loops: hyps.filter(hasLoop).length,
    truncations: hyps.filter((h, i) => isTruncated(h, items[i]!.refs)).length,
  };
}

export const WILD_EVAL = path.join(MODELS_DIR, 'wild-eval.json');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const models = arg('models', MODEL_KINDS.join(',')).split(',') as ModelKind[];
  const beam = Number(arg('beam', '4'));
  const items = loadWild();
  const results: Record<string, WildScore> = {};
  const outputs: Record<string, string[]> = {};
  for (const m of models) {
    if (!fs.existsSync(path.join(MODELS_DIR, m, 'metadata.json'))) continue;
    await translateText('hello', m, { beam }); // load outside the timing
    const t0 = performance.now();
    const hyps: string[] = [];
    const rare = { copied: 0, lexicon: 0 };
    for (const it of items) {
      const r = await translateText(it.en, m, { beam });
      hyps.push(r.text);
      for (const w of r.rare ?? []) rare[w.how]++;
    }
    results[m] = { ...scoreWild(items, hyps), rare, msPerSentence: Math.round(((performance.now() - t0) / items.length) * 10) / 10 };
    outputs[m] = hyps;
  }
  if (!argv.includes('--no-apertium')) {
    try {
      const hyps = apertiumRaw(items.map((x) => x.en), 4000, undefined, { marks: false });
      results.apertium = scoreWild(items, hyps);
      outputs.apertium = hyps;
    } catch {
      console.error('apertium eng-spa not installed (apt-get install -y apertium-eng-spa): peer skipped');
    }
  }
  const fixesAt = argv.indexOf('--teacher-fixes');
  if (fixesAt >= 0) {
    const set = Number(argv[fixesAt + 1] ?? 1) as FixSet;
    if (set !== 1 && set !== 2) throw new Error('--teacher-fixes takes 1 or 2');
    // the distillation's kinds: study and chat are ML talk (beam = haz), the rest everyday text
    const kindOf = (k: WildKind) => (k === 'study' || k === 'chat' ? k : 'brown');
    const raw = apertiumRaw(items.map((x) => teacherInput(x.en, set)), 4000, undefined, { marks: false });
    const r = scoreWild(items, raw.map((es, i) => fixTeacher(items[i]!.en, es, kindOf(items[i]!.kind), set)));
    console.log(`${`apertium + teacher fixes ${set}`.padEnd(12)} ${WILD_KINDS.map((k) => `${k} ${r.bleu[k].toFixed(1)}`).join(' | ')} | all ${r.bleu.all.toFixed(1)}`);
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(12)} ${WILD_KINDS.map((k) => `${k} ${r.bleu[k].toFixed(1)}`).join(' | ')} | all ${r.bleu.all.toFixed(1)} | copied ${r.copiedWords}${r.rare ? ` (unknown: ${r.rare.copied} copied, ${r.rare.lexicon} lexicon)` : ''} loops ${r.loops} truncated ${r.truncations}`);
  }
  if (argv.includes('--show')) {
    items.forEach((it, i) => {
      console.log(`\n[${it.kind}] ${it.en}\n  ref: ${it.refs[0]}`);
      for (const [name, hyps] of Object.entries(outputs)) console.log(`  ${name}: ${hyps[i]}`);
    });
  }
  if (!Object.keys(results).length) return; // nothing scored to record (--models none --no-apertium)
  const doc = { date: new Date().toISOString(), beam, sentences: items.length, perKind: Object.fromEntries(WILD_KINDS.map((k) => [k, items.filter((x) => x.kind === k).length])), results };
  const prev = fs.existsSync(WILD_EVAL) ? JSON.parse(fs.readFileSync(WILD_EVAL, 'utf8')) : { results: {} };
  doc.results = { ...prev.results, ...results };
  fs.writeFileSync(WILD_EVAL, JSON.stringify(doc, null, 2));
  fs.writeFileSync(path.join(MODELS_DIR, 'wild-outputs.json'), JSON.stringify({ date: doc.date, items: items.map((it, i) => ({ ...it, outputs: Object.fromEntries(Object.entries(outputs).map(([k, h]) => [k, h[i]])) })) }, null, 1));
  writeWildSection(doc);
}

export function writeWildSection(doc: { date: string; beam: number; sentences: number; perKind: Record<string, number>; results: Record<string, WildScore> }): void {
  const order = ['transformer', 'attention', 'seq2seq', 'apertium'].filter((k) => doc.results[k]);
  const f = (x: number) => x.toFixed(1);
  const rows = order.map((k) => {
    const r = doc.results[k]!;
    return [k === 'apertium' ? 'Apertium eng-spa (rule-based peer)' : k, ...WILD_KINDS.map((w) => f(r.bleu[w])), f(r.bleu.all), r.copiedWords, r.rare ? `${r.rare.copied} / ${r.rare.lexicon}` : '–', r.loops, r.truncations];
  });
  writeSection(
    'translate-wild',
    `## Translation on the wild dev set (what people type)\n\n` +
      `scripts/translate/devset/wild.tsv: ${doc.sentences} sentences written by hand for this set and never trained on (${Object.entries(doc.perKind).map(([k, n]) => `${n} ${k}`).join(', ')}; course = beginner course, chat = lowercase/no apostrophes/u, im, dont/typos/emoji, study = machine-learning study talk, long = everyday 15–30 words), each with 2–3 Spanish references written by hand (none taken from Apertium). Multi-reference corpus BLEU per kind, lower-cased with ¿¡?!.,;: removed; beam ${doc.beam}. Copied = output words (3+ letters) left as in the English source (names, untranslated words); unknown words copied / from lexicon = words outside a word-level model's vocabulary that the reply copied or translated with models/translate/lexicon.tsv at the attended place (the subword transformer has no unknown words); loops = a word 3× or a 2–4-word phrase 2× in a row; truncated = output shorter than 0.6 × the shortest reference. ${machine()}, ${doc.date.slice(0, 10)}. \`npm run eval:translate-wild\`.\n\n` +
      table(['model', ...WILD_KINDS, 'all', 'copied words', 'unknown words copied / from lexicon', 'loops', 'truncated'], rows) +
      '\n',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
