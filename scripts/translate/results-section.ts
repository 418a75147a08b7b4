// The translation-quality section of bench/RESULTS.md, from models/translate/eval.json.
import fs from 'node:fs';
import path from 'node:path';
import { machine, table, writeSection } from '../../bench/lib.ts';
import { MODELS_DIR } from '../../src/nn/translate/infer/translator.ts';

interface Score {
  bleu: number;
  exact: number;
}
interface Result {
  test: Score;
  long: Score;
  greedy?: { test: Score; long: Score };
  aer?: { layer: string; aer: number }[];
  bleuByLength: (number | null)[];
}

export function writeQualitySection(): void {
  const doc = JSON.parse(fs.readFileSync(path.join(MODELS_DIR, 'eval.json'), 'utf8')) as { date: string; beam: number; testSentences: number; longSentences: number; results: Record<string, Result> };
  const order = ['transformer', 'attention', 'seq2seq', 'apertium'].filter((k) => doc.results[k]);
  const f = (x: number) => x.toFixed(1);
  const rows = order.map((k) => {
    const r = doc.results[k]!;
    return [
      k === 'apertium' ? 'Apertium eng-spa (rule-based peer)' : k,
      f(r.test.bleu),
      `${f(r.test.exact * 100)}%`,
      f(r.long.bleu),
      r.greedy ? `${f(r.greedy.test.bleu)} / ${f(r.greedy.long.bleu)}` : '–',
      r.aer ? r.aer.map((a) => `${f(a.aer * 100)}%`).join(' / ') : '–',
      r.bleuByLength.map((b) => (b === null ? '–' : f(b))).join(' · '),
    ];
  });
  writeSection(
    'translate-quality',
    `## Translation quality (generated English→Spanish test sets)\n\n` +
      `Corpus BLEU (sacreBLEU-compatible: 13a tokens, 4-grams, brevity penalty) and exact match on ${doc.testSentences} test and ${doc.longSentences} long (20–30 words) sentences, decoded with beam ${doc.beam} as /translate does (greedy beside it; the peer has one output); attention alignment error rate against the generator's gold alignments (teacher-forced argmax; transformer: decoder layer 1 / 2, heads averaged); BLEU by source length 1–5 · 6–10 · 11–15 · 16–20 · 21–25 · 26–30 words (chart: models/translate/bleu-by-length.png). ${machine()}, ${doc.date.slice(0, 10)}. \`npm run eval:translate\`.\n\n` +
      table(['model', 'test BLEU', 'exact', 'long BLEU', 'greedy test / long', 'AER', 'BLEU by length'], rows) +
      '\n',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) writeQualitySection();
