// The shipped vectors, loaded once on first use (~100 ms: float16 → float32, then normalised).
import { fileURLToPath } from 'node:url';
import { loadVectors, readMetadata, type VectorsMetadata } from './store.ts';
import type { WordVectors } from './vectors.ts';

export const SHIPPED_DIR = fileURLToPath(new URL('../../../models/word2vec/', import.meta.url));

let shipped: WordVectors | undefined;

export function shippedVectors(): WordVectors {
  shipped ??= loadVectors(SHIPPED_DIR);
  return shipped;
}

let meta: VectorsMetadata | undefined;

/** The shipped model's metadata.json (training record, evaluation). */
export function shippedMetadata(): VectorsMetadata {
  meta ??= readMetadata(SHIPPED_DIR);
  return meta;
}

/** Google-analogy accuracy recorded in the model card, if evaluated. */
export function shippedAnalogyAccuracy(): number | undefined {
  const e = shippedMetadata().evaluation as { analogy?: { accuracy?: number } } | undefined;
  return e?.analogy?.accuracy;
}

export { WordVectors } from './vectors.ts';
export type { Neighbour } from './vectors.ts';
