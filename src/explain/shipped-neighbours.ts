// Nearest neighbours from the word2vec vectors this repo trains (models/word2vec, issue 7), shown
// only when those vectors are present. Loaded lazily by path so /explain works (and says
// "/neighbors will show them") on a checkout without them; it never invents neighbours.
import { existsSync } from 'node:fs';
import { log } from '../core/log.ts';

export const SHOWCASE_WORDS = ['great', 'film', 'monday'] as const;
const MODEL_DIR = new URL('../../models/word2vec/', import.meta.url);
const MODULE = '../nn/word2vec/index.ts';

interface Vectors {
  size: number;
  dim: number;
  has(word: string): boolean;
  neighbours(words: readonly string[], k: number): { word: string; score: number }[];
}

export interface ShippedNeighbours {
  vocabulary: number;
  dim: number;
  rows: { word: string; neighbours: { word: string; score: number }[] }[];
}

export function shippedVectorsPresent(): boolean {
  return existsSync(new URL('metadata.json', MODEL_DIR)) && existsSync(new URL('../nn/word2vec/index.ts', import.meta.url));
}

export async function shippedNeighbours(words: readonly string[] = SHOWCASE_WORDS, k = 3): Promise<ShippedNeighbours | undefined> {
  if (!shippedVectorsPresent()) return undefined;
  try {
    const mod = (await import(MODULE)) as { shippedVectors(): Vectors };
    const v = mod.shippedVectors();
    const rows = words.filter((w) => v.has(w)).map((w) => ({ word: w, neighbours: v.neighbours([w], k) }));
    return { vocabulary: v.size, dim: v.dim, rows };
  } catch (err) {
    log.warn({ err }, 'word2vec vectors present but could not be loaded; /explain word2vec points to /neighbors instead');
    return undefined;
  }
}

export function neighboursLine(n: ShippedNeighbours): string {
  return (
    `Nearest neighbours in our own trained vectors (${n.vocabulary.toLocaleString('en-US')} words × ${n.dim} numbers; more with /neighbors): ` +
    n.rows.map((r) => `*${r.word}* → ${r.neighbours.map((x) => `${x.word} (${x.score.toFixed(2)})`).join(', ')}`).join('; ') +
    '.'
  );
}
