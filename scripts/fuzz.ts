// npm run fuzz -- [--lines N] [--buttons N] [--seed N]: generated hostile input through the JSON
// Lines path and the button dispatcher, then the counts. Exit 1 when any reply broke a rule.
// Quizzes go to the database at DATABASE_PATH (point it at a scratch file).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/index.ts';
import { runFuzz } from './fuzz/run.ts';

function flag(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} needs a whole number, not "${raw}"\n`);
    process.exit(2);
  }
  return n;
}

const argv = process.argv.slice(2);
const lines = flag(argv, 'lines', 10_000);
const options = {
  lines,
  buttons: flag(argv, 'buttons', Math.ceil(lines / 10)),
  seed: flag(argv, 'seed', 1),
};
const outDir = mkdtempSync(path.join(os.tmpdir(), 'nn-tutor-fuzz-'));
try {
  const report = await runFuzz({
    ...options,
    outDir,
    store: openStore(),
    progress: (done) => process.stderr.write(`\r${done} / ${lines} lines`),
  });
  process.stderr.write('\n');
  const out = [
    `seed ${options.seed}: ${report.lines} lines → ${report.replies} replies${report.replies === report.lines ? '' : ' (MISMATCH)'}, ${report.buttons} forged button ids, ${(report.ms / 1000).toFixed(1)} s`,
    `statuses: ok ${report.statuses.ok}, user-error ${report.statuses['user-error']}, internal-error ${report.statuses['internal-error']}`,
    `problems: ${Object.entries(report.problems).map(([p, k]) => `${p} ${k}`).join(', ') || 'none'}`,
    ...report.examples.map((e) => `  ${e.problem}: ${JSON.stringify(e.input).slice(0, 200)} → ${e.reply}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = report.replies !== report.lines || Object.keys(report.problems).length ? 1 : 0;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
