// npm run eval:everyday [-- --model transformer --beam 4 --no-apertium --quiet]
// Scores a shipped translator on scripts/translate/everyday.tsv: ~120 everyday sentences a
// beginner's Spanish course uses, written by hand (not by the generator), each with 1–3
// acceptable references. Prints multi-reference corpus BLEU (sacreBLEU-compatible), exact match
// against any reference, every sentence the model gets wrong, and Apertium eng-spa as the peer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_KINDS, type ModelKind } from '../../src/nn/translate/model/config.ts';
import { translateText } from '../../src/nn/translate/infer/service.ts';
import { corpusBleu } from './bleu.ts';
import { splitRefs, tsvRows } from './devset/tsv.ts';

export interface DevItem {
  en: string;
  refs: string[];
}

export const EVERYDAY_TSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'everyday.tsv');

/** everyday.tsv: a header line, then `english<TAB>ref1 | ref2 | ...`. */
export function loadEveryday(file = EVERYDAY_TSV): DevItem[] {
  return tsvRows(file).map(([en, refs]) => ({ en: en!.trim(), refs: splitRefs(refs!) }));
}

/** Exact match against any reference, ignoring case and punctuation spacing. */
const norm = (s: string) => s.toLowerCase().replace(/[¿?¡!.,]/g, '').replace(/\s+/g, ' ').trim();
export const matchesAny = (hyp: string, refs: string[]) => refs.some((r) => norm(r) === norm(hyp));

function apertium(lines: string[]): string[] | undefined {
  // apertium misreads a Node pipe on stdin: go through files (as eval.ts does)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apertium-'));
  try {
    const inFile = path.join(dir, 'in.txt');
    const outFile = path.join(dir, 'out.txt');
    fs.writeFileSync(inFile, lines.join('\n') + '\n');
    execFileSync('apertium', ['-u', 'eng-spa', inFile, outFile], { stdio: 'ignore' });
    const out = fs.readFileSync(outFile, 'utf8').split('\n');
    return lines.map((_, i) => (out[i] ?? '').trim().replace(/\s+/g, ' '));
  } catch {
    return undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, items: DevItem[], hyps: string[], showFailures: boolean): void {
  const bleu = corpusBleu(hyps, items.map((x) => x.refs));
  const exact = hyps.filter((h, i) => matchesAny(h, items[i]!.refs)).length;
  console.log(`${name}: BLEU ${bleu.toFixed(1)}, exact ${exact}/${items.length} (${((100 * exact) / items.length).toFixed(0)}%)`);
  if (!showFailures) return;
  hyps.forEach((h, i) => {
    if (!matchesAny(h, items[i]!.refs)) console.log(`  ✗ ${items[i]!.en}\n      got: ${h}\n      ref: ${items[i]!.refs.join(' | ')}`);
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const models = arg('model', 'transformer').split(',') as ModelKind[];
  const beam = Number(arg('beam', '4'));
  const quiet = argv.includes('--quiet');
  const items = loadEveryday();
  for (const m of models) {
    if (!MODEL_KINDS.includes(m)) throw new Error(`unknown model ${m}; one of ${MODEL_KINDS.join(', ')}`);
    const hyps: string[] = [];
    const oov = new Map<string, number>();
    for (const it of items) {
      const r = await translateText(it.en, m, { beam });
      for (const u of r.unknown) oov.set(u.word, (oov.get(u.word) ?? 0) + 1);
      hyps.push(r.text);
    }
    report(`${m} (beam ${beam})`, items, hyps, !quiet);
    if (oov.size) console.log(`  out-of-vocabulary (${oov.size}): ${[...oov.keys()].join(', ')}`);
  }
  if (!argv.includes('--no-apertium')) {
    const hyps = apertium(items.map((x) => x.en));
    if (hyps) report('apertium eng-spa', items, hyps, argv.includes('--apertium-failures'));
    else console.log('apertium eng-spa: not installed (apt-get install apertium apertium-eng-spa)');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
