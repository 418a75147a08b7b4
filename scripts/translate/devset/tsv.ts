// The hand-written dev sets' format: a header line, then tab-separated columns, the last one
// alternative references separated by " | ".
import fs from 'node:fs';

/** Rows of a dev-set TSV (header, blank and # lines skipped), split into columns. */
export function tsvRows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export const splitRefs = (refs: string) => refs.split(' | ').map((r) => r.trim()).filter(Boolean);
