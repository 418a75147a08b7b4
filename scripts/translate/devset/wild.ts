// The wild dev set (wild.tsv, written by hand, never trained on): four kinds of sentences, each
// with 2+ Spanish references. The data builder drops any training sentence whose normalised
// English matches one of these.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WILD_KINDS = ['course', 'chat', 'study', 'long'] as const;
export type WildKind = (typeof WILD_KINDS)[number];

export interface WildItem {
  kind: WildKind;
  en: string;
  refs: string[];
}

export const WILD_TSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wild.tsv');

/** wild.tsv: a header line, then `kind<TAB>english<TAB>ref1 | ref2 | …`. */
export function loadWild(file = WILD_TSV): WildItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l, i) => {
      const [kind, en, refs] = l.split('\t');
      if (!WILD_KINDS.includes(kind as WildKind) || !en || !refs) throw new Error(`${file}:${i + 2}: expected kind<TAB>english<TAB>refs`);
      return { kind: kind as WildKind, en: en.trim(), refs: refs.split(' | ').map((r) => r.trim()).filter(Boolean) };
    });
}

/** The key two English sentences share when they are "the same" for the train/dev split. */
export const englishKey = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
