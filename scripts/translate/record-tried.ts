// npm run eval:translate-tried -- --checkout /path/to/scratch --what "…" [--shipped --why "…"]
// A candidate transformer measured in a scratch checkout (its weights copied into that checkout's
// models/translate/transformer, then npm run eval:translate -- --models transformer and
// npm run eval:translate-wild run there) is recorded in this checkout's
// models/translate/transformer/tried.json from those eval files, never by hand, beside this
// checkout's own wild numbers for the shipped model; then the cards are rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface WildResult { bleu: Record<string, number>; loops: number; truncations: number; copiedWords?: number }

export function triedEntry(o: { what: string; shipped: boolean; why: string; date: string }, candidate: { meta: any; evalDoc: any; wildDoc: any }, shippedWild?: WildResult) {
  const t = candidate.meta.training;
  const one = t.oneCommand ?? {};
  const wild = candidate.wildDoc.results.transformer as WildResult;
  const r = candidate.evalDoc.results.transformer;
  if (!wild || !r) throw new Error('the scratch checkout has no transformer results: run eval:translate and eval:translate-wild there first');
  return {
    what: o.what,
    date: o.date,
    command: one.command ?? 'npm run train:translate-default',
    wallMinutes: Math.round(((one.wallSeconds ?? t.totalSeconds ?? t.seconds) / 60) * 10) / 10,
    stages: { wordWarmStartSeconds: Math.round(t.warmStart?.stage?.seconds ?? 0), wildSeconds: Math.round(t.seconds), wildSteps: t.steps, validLoss: t.validLoss },
    wild: { bleu: wild.bleu, loops: wild.loops, truncations: wild.truncations, copiedWords: wild.copiedWords },
    ...(shippedWild ? { shippedWildSameCode: { bleu: shippedWild.bleu, loops: shippedWild.loops, truncations: shippedWild.truncations } } : {}),
    test: r.test,
    long: r.long,
    greedy: r.greedy,
    shipped: o.shipped,
    why: o.why,
  };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const arg = (n: string) => {
    const i = argv.indexOf(`--${n}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const checkout = arg('checkout');
  const what = arg('what');
  if (!checkout || !what) {
    console.error('usage: npm run eval:translate-tried -- --checkout <scratch checkout> --what "<what was tried>" [--shipped] [--why "<reason>"]');
    return 2;
  }
  const read = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8'));
  const dir = path.resolve(checkout, 'models/translate');
  const candidate = { meta: read(path.join(dir, 'transformer/metadata.json')), evalDoc: read(path.join(dir, 'eval.json')), wildDoc: read(path.join(dir, 'wild-eval.json')) };
  const own = path.resolve('models/translate/wild-eval.json');
  const shippedWild = fs.existsSync(own) ? (read(own).results.transformer as WildResult) : undefined;
  const shipped = argv.includes('--shipped');
  const entry = triedEntry({ what, shipped, why: arg('why') ?? '', date: new Date().toISOString().slice(0, 10) }, candidate, shippedWild);
  const file = path.resolve('models/translate/transformer/tried.json');
  const doc = fs.existsSync(file) ? read(file) : { tried: [] };
  doc.tried.push(entry);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  const { writeCards } = await import('./card.ts');
  writeCards(read(path.resolve('models/translate/eval.json')));
  console.error(`recorded in ${path.relative(process.cwd(), file)}: wild all ${entry.wild.bleu.all!.toFixed(1)}, test ${entry.test.bleu.toFixed(1)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
