// npm run eval:translate [-- --beam 4 --limit 0 --models attention,transformer --no-apertium]
//   [--valid]: score the generated valid set in place of test (for choosing between candidate
//   weights without looking at test); prints only, writes nothing.
// Scores every shipped translator on the generated test and long sets: corpus BLEU
// (sacreBLEU-compatible) and exact match, BLEU by source length (PNG line chart), attention
// alignment error rate against the gold alignments, and Apertium eng-spa on the same sentences.
// Writes models/translate/eval.json, bleu-by-length.png, each model's card, and bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initBackend, tf } from '../../src/nn/runtime.ts';
import { renderLineChart } from '../../src/render/index.ts';
import { formatSpanish } from '../../src/nn/translate/model/text.ts';
import { MODEL_KINDS, type ModelKind } from '../../src/nn/translate/model/config.ts';
import { MODELS_DIR, loadTranslator, modelExists, type LoadedTranslator } from '../../src/nn/translate/infer/translator.ts';
import type { RnnTranslator } from '../../src/nn/translate/model/rnn.ts';
import type { AttentionMaps, Transformer } from '../../src/nn/translate/model/transformer.ts';
import { addStats, bleuFromStats, bleuStats, corpusBleu, type BleuStats } from './bleu.ts';
import { disposeBatch, encodeExamples, makeBatch, planBatches } from '../../src/nn/translate/train/batches.ts';
import type { Example } from './corpus.ts';
import { loadCorpus } from './data.ts';
import { writeCards } from './card.ts';
import { greedyBatch } from '../../src/nn/translate/infer/greedy-batch.ts';
import { spanishText, translateSubword } from '../../src/nn/translate/infer/subword-text.ts';
import { type SubwordTokenizer } from '../../src/nn/translate/model/subword.ts';
import { writeQualitySection } from './results-section.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const beam = Number(arg('beam', '4'));
const limit = Number(arg('limit', '0'));
const only = arg('models', MODEL_KINDS.join(',')).split(',') as ModelKind[];
const onValid = argv.includes('--valid');

export const BUCKETS: [number, number][] = [[1, 5], [6, 10], [11, 15], [16, 20], [21, 25], [26, 30]];
const words = (e: Example) => e.src.filter((t) => t !== '?').length;
const bucketOf = (n: number) => BUCKETS.findIndex(([a, b]) => n >= a && n <= b);

interface SetScore {
  bleu: number;
  exact: number; // fraction
  sentences: number;
}

export interface ModelEval {
  test: SetScore; // beam search (what /translate uses), whole set
  long: SetScore; // beam search, whole set
  greedy: { test: SetScore; long: SetScore };
  bleuByLength: (number | null)[];
  aer?: { layer: string; aer: number }[];
  msPerSentence: number;
  beam: number;
}

function englishFor(e: Example): string {
  return e.en;
}

function scoreSet(hyps: string[], refs: string[]): SetScore {
  return { bleu: corpusBleu(hyps, refs), exact: hyps.filter((h, i) => h === refs[i]).length / hyps.length, sentences: hyps.length };
}

// Word-level models read the generator's tokens; subword models read the written English, as /translate does.
function translateBeam(t: LoadedTranslator, examples: Example[]): string[] {
  const sw = t.subword;
  if (sw) return examples.map((e) => translateSubword(t, sw, englishFor(e), { beam }).text);
  return examples.map((e) => formatSpanish(t.translateTokens(e.src, { beam }).tokens, { properNames: t.properNames }));
}

function translateGreedy(t: LoadedTranslator, examples: Example[]): string[] {
  const sw = t.subword;
  if (sw) {
    const encoded = examples.map((e) => sw.src.encode(englishFor(e), new Map(), { nameSlots: true }));
    return greedyBatch(tf, t, encoded.map((x) => x.pieces)).map((pieces, i) =>
      spanishText(sw.tgt.words(pieces.map((p) => sw.tgt.id(p) ?? 2)), encoded[i]!.slots, englishFor(examples[i]!), t.properNames),
    );
  }
  return greedyBatch(tf, t, examples.map((e) => e.src)).map((toks) => formatSpanish(toks, { properNames: t.properNames }));
}

/**
 * Alignment error rate: teacher-forced attention argmax per target word vs gold links. For a
 * subword model each generator word is encoded on its own into pieces (course words are whole
 * pieces); a target word's row is its first piece's, a source word's weight the sum over its pieces.
 */
function alignmentErrorRate(t: LoadedTranslator, examples: Example[]): { layer: string; aer: number }[] {
  const maps = examples.map((e) => {
    if (!t.subword) return { src: t.srcVocab.encode(e.src), tgt: t.tgtVocab.encode(e.tgt), srcWordOf: e.src.map((_, i) => i), tgtFirst: e.tgt.map((_, i) => i) };
    const enc = (tok: SubwordTokenizer, words: string[]) => {
      const ids: number[] = [];
      const wordOf: number[] = [];
      const first: number[] = [];
      words.forEach((w, wi) => {
        first.push(ids.length);
        for (const id of tok.encode(w).ids) {
          ids.push(id);
          wordOf.push(wi);
        }
      });
      return { ids, wordOf, first };
    };
    const s = enc(t.subword.src, e.src);
    const g = enc(t.subword.tgt, e.tgt);
    return { src: s.ids, tgt: g.ids, srcWordOf: s.wordOf, tgtFirst: g.first };
  });
  const data = maps.map((m) => ({ src: m.src, tgt: m.tgt }));
  const leftPad = t.name !== 'transformer';
  const layers = t.name === 'transformer' ? (t.model as Transformer).config.decLayers : 1;
  const hit = new Array(layers).fill(0);
  const predicted = new Array(layers).fill(0);
  let gold = 0;
  for (const idx of planBatches(data, 3000, 7)) {
    const b = makeBatch(tf, data, idx, leftPad);
    const perLayer: number[][][][] = tf.tidy(() => {
      if (t.name === 'transformer') {
        const m = t.model as Transformer;
        const maps: AttentionMaps = { encoderSelf: [], decoderCross: [] };
        m.decode(b.tgtIn, m.encode(b.src, b.srcMask), maps);
        return maps.decoderCross.map((w) => w.mean(1).arraySync() as number[][][]);
      }
      return [(t.model as RnnTranslator).logits(b).weights!.arraySync() as number[][][]];
    });
    const S = b.src.shape[1]!;
    idx.forEach((i, bi) => {
      const ex = examples[i]!;
      const m = maps[i]!;
      const off = leftPad ? S - m.src.length : 0;
      const goldSet = new Set(ex.align.map(([s, g]) => `${s},${g}`));
      gold += goldSet.size;
      perLayer.forEach((w, l) => {
        for (let tt = 0; tt < ex.tgt.length; tt++) {
          const row = w[bi]![m.tgtFirst[tt]!]!;
          const perWord = new Array(ex.src.length).fill(0);
          m.srcWordOf.forEach((word, p) => (perWord[word] += row[off + p]!));
          let best = 0;
          for (let s = 1; s < ex.src.length; s++) if (perWord[s] > perWord[best]) best = s;
          predicted[l]++;
          if (goldSet.has(`${best},${tt}`)) hit[l]++;
        }
      });
    });
    disposeBatch(b);
  }
  return hit.map((h, l) => ({ layer: t.name === 'transformer' ? `decoder layer ${l + 1} (heads averaged)` : 'attention', aer: 1 - (2 * h) / (predicted[l] + gold) }));
}

function apertium(examples: Example[]): string[] | undefined {
  // apertium's shell pipeline misreads a Node pipe on stdin ("txt format processor"): use files
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apertium-'));
  try {
    const inFile = path.join(dir, 'in.txt');
    const outFile = path.join(dir, 'out.txt');
    fs.writeFileSync(inFile, examples.map(englishFor).join('\n') + '\n');
    execFileSync('apertium', ['-u', 'eng-spa', inFile, outFile], { stdio: 'ignore' });
    const lines = fs.readFileSync(outFile, 'utf8').split('\n');
    if (lines.length < examples.length) return undefined;
    return examples.map((_, i) => (lines[i] ?? '').trim().replace(/\s+/g, ' '));
  } catch {
    return undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await initBackend();
  const corpus = loadCorpus();
  const testSet = onValid ? corpus.valid : corpus.test;
  const test = limit ? testSet.slice(0, limit) : testSet;
  const long = limit ? corpus.long.slice(0, Math.ceil(limit / 4)) : corpus.long;
  const results: Partial<Record<ModelKind | 'apertium', ModelEval | Omit<ModelEval, 'aer' | 'msPerSentence' | 'beam' | 'greedy'>>> = {};
  const byLen = (hyps: string[], ex: Example[]) => {
    const acc: (BleuStats | undefined)[] = BUCKETS.map(() => undefined);
    hyps.forEach((h, i) => {
      const k = bucketOf(words(ex[i]!));
      if (k < 0) return;
      const st = bleuStats(h, [ex[i]!.es]);
      acc[k] = acc[k] ? addStats(acc[k]!, st) : st;
    });
    return acc.map((a) => (a ? Math.round(bleuFromStats(a) * 10) / 10 : null));
  };
  const all = [...test, ...long];
  for (const name of only) {
    if (!modelExists(name)) {
      console.error(`${name}: not trained yet (models/translate/${name} missing), skipped`);
      continue;
    }
    const t = await loadTranslator(tf, name);
    const greedyTest = translateGreedy(t, test);
    const greedyLong = translateGreedy(t, long);
    const t0 = performance.now();
    const hypTest = translateBeam(t, test);
    const ms = (performance.now() - t0) / Math.max(1, test.length);
    const hypLong = translateBeam(t, long);
    const r: ModelEval = {
      test: scoreSet(hypTest, test.map((e) => e.es)),
      long: scoreSet(hypLong, long.map((e) => e.es)),
      greedy: { test: scoreSet(greedyTest, test.map((e) => e.es)), long: scoreSet(greedyLong, long.map((e) => e.es)) },
      bleuByLength: byLen([...hypTest, ...hypLong], all),
      msPerSentence: Math.round(ms * 10) / 10,
      beam,
    };
    if (t.hasAttention) r.aer = alignmentErrorRate(t, test);
    results[name] = r;
    console.error(`${name} (beam ${beam}): test BLEU ${r.test.bleu.toFixed(1)} exact ${(r.test.exact * 100).toFixed(1)}% | long BLEU ${r.long.bleu.toFixed(1)} | greedy: test ${r.greedy.test.bleu.toFixed(1)}, long ${r.greedy.long.bleu.toFixed(1)} | ${r.aer ? 'AER ' + r.aer.map((a) => (a.aer * 100).toFixed(1) + '%').join(' / ') : ''} | beam ${ms.toFixed(0)} ms/sentence`);
    if (onValid) continue;
    const examples = test.slice(0, 8).map((e, i) => ({ en: e.en, reference: e.es, greedy: greedyTest[i], beam: hypTest[i] }));
    fs.writeFileSync(path.join(MODELS_DIR, name, 'samples.json'), JSON.stringify(examples, null, 2));
  }
  if (onValid) return;
  if (!argv.includes('--no-apertium')) {
    const ap = apertium(all);
    if (ap) {
      const apTest = ap.slice(0, test.length);
      const apLong = ap.slice(test.length);
      results.apertium = { test: scoreSet(apTest, test.map((e) => e.es)), long: scoreSet(apLong, long.map((e) => e.es)), bleuByLength: byLen(ap, all) };
      console.error(`apertium eng-spa: test BLEU ${results.apertium.test.bleu.toFixed(1)} | long ${results.apertium.long.bleu.toFixed(1)}`);
    } else console.error('apertium not installed (apt-get install apertium apertium-eng-spa): peer skipped');
  }
  const evalDoc: { date: string; beam: number; testSentences: number; longSentences: number; results: Record<string, unknown> } = { date: new Date().toISOString(), beam, testSentences: test.length, longSentences: long.length, results };
  const prev = fs.existsSync(path.join(MODELS_DIR, 'eval.json')) ? JSON.parse(fs.readFileSync(path.join(MODELS_DIR, 'eval.json'), 'utf8')) : { results: {} };
  evalDoc.results = { ...prev.results, ...results };
  fs.writeFileSync(path.join(MODELS_DIR, 'eval.json'), JSON.stringify(evalDoc, null, 2));
  const series = (Object.entries(evalDoc.results) as [string, { bleuByLength: (number | null)[] }][]).map(([name, r]) => ({ name, data: r.bleuByLength, dashed: name === 'apertium' }));
  if (series.length) {
    const png = renderLineChart({
      title: 'BLEU by English sentence length (test + long sets)',
      x: BUCKETS.map(([a, b]) => `${a}–${b}`),
      series,
      xLabel: 'source words',
      yLabel: 'BLEU',
      yMin: 0,
      yMax: 100,
      filename: 'bleu-by-length.png',
    });
    fs.writeFileSync(path.join(MODELS_DIR, 'bleu-by-length.png'), png.data);
  }
  writeCards(evalDoc as Parameters<typeof writeCards>[0]);
  writeQualitySection();
}

await main();
