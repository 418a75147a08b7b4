// The wild dev set (wild.tsv, written by hand, never trained on): four kinds of sentences, each
// with 2+ Spanish references. The data builder drops any training sentence whose normalised
// English matches one of these.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitRefs, tsvRows } from './tsv.ts';

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
  return tsvRows(file).map(([kind, en, refs], i) => {
    if (!WILD_KINDS.includes(kind as WildKind) || !en || !refs) throw new Error(`${file}: row ${i + 1}: expected kind<TAB>english<TAB>refs`);
    return { kind: kind as WildKind, en: en.trim(), refs: splitRefs(refs) };
  });
}

/** The key two English sentences share when they are "the same" for the train/dev split. */
export const englishKey = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
