// The teacher: Apertium eng-spa (Debian apertium-eng-spa), many sentences per call, with a cache
// so a rebuild only translates new sentences, and a cleaner for its marks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function requireApertium(): void {
  try {
    execFileSync('apertium', ['-l'], { stdio: 'pipe' });
  } catch {
    throw new Error('Apertium eng-spa is needed: as root run `apt-get install -y apertium-eng-spa` (Debian package), then rerun.');
  }
}

/** Apertium output for each line (with its * # @ marks unless `marks: false`); one process per `batch` lines. */
export function apertiumRaw(lines: readonly string[], batch = 4000, onProgress?: (done: number) => void, opts: { marks?: boolean } = {}): string[] {
  const out: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apertium-'));
  try {
    for (let i = 0; i < lines.length; i += batch) {
      const chunk = lines.slice(i, i + batch);
      const inFile = path.join(dir, 'in.txt');
      const outFile = path.join(dir, 'out.txt');
      // apertium's shell pipeline misreads a Node pipe on stdin: go through files. A blank line
      // between sentences keeps one output line per input line.
      fs.writeFileSync(inFile, chunk.map((l) => l.replace(/\s+/g, ' ')).join('\n') + '\n');
      execFileSync('apertium', [...(opts.marks === false ? ['-u'] : []), 'eng-spa', inFile, outFile], { stdio: 'ignore' });
      const got = fs.readFileSync(outFile, 'utf8').split('\n');
      for (let j = 0; j < chunk.length; j++) out.push((got[j] ?? '').replace(/\s+/g, ' ').trim());
      onProgress?.(out.length);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export interface CleanResult {
  es?: string; // undefined: drop the pair
  unknown: string[]; // words Apertium did not know (copied through)
}

/**
 * Apertium marks: `*word` unknown (copied through untranslated), `#word` a form it could not
 * generate, `@word` a transfer failure. Pairs with # or @ are dropped (the Spanish is broken);
 * unknown words are kept as copies when they are names (capitalised) and at most one other
 * unknown word per sentence is allowed (more and the sentence is mostly untranslated).
 */
export function cleanApertium(raw: string): CleanResult {
  const unknown = [...raw.matchAll(/\*(\S+?)(?=[\s.,;:!?)"]|$)/g)].map((m) => m[1]!);
  if (/(^|\s)[#@]\S/.test(raw) || !raw.trim()) return { unknown };
  const common = unknown.filter((w) => !/^\p{Lu}/u.test(w));
  if (common.length > 1) return { unknown };
  return { es: raw.replace(/\*(?=\S)/g, '').replace(/\s+/g, ' ').trim(), unknown };
}
