// Shipped-vector files: vocab.txt (one word a line, most frequent first), vectors.f16 (the
// [V, dim] matrix as little-endian float16) and metadata.json (sizes, training record, eval).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHalf } from '../float16.ts';
import { WordVectors } from './vectors.ts';

export interface VectorsMetadata {
  format: 'word2vec-f16';
  size: number; // V
  dim: number;
  [key: string]: unknown; // training record and evaluation, written by the scripts
}

export function saveVectors(dir: string, words: readonly string[], matrix: Float32Array, dim: number, extra: Record<string, unknown>): VectorsMetadata {
  mkdirSync(dir, { recursive: true });
  const meta: VectorsMetadata = { format: 'word2vec-f16', size: words.length, dim, ...extra };
  writeFileSync(join(dir, 'vocab.txt'), words.join('\n') + '\n');
  const half = encodeHalf(matrix);
  writeFileSync(join(dir, 'vectors.f16'), new Uint8Array(half.buffer, half.byteOffset, half.byteLength));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify(meta, null, 2) + '\n');
  return meta;
}

export function readMetadata(dir: string): VectorsMetadata {
  return JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as VectorsMetadata;
}

export function loadVectors(dir: string): WordVectors {
  const meta = readMetadata(dir);
  const words = readFileSync(join(dir, 'vocab.txt'), 'utf8').split('\n').slice(0, meta.size);
  const bytes = readFileSync(join(dir, 'vectors.f16'));
  if (bytes.byteLength !== meta.size * meta.dim * 2) throw new Error(`vectors.f16 has ${bytes.byteLength} bytes, expected ${meta.size}×${meta.dim}×2`);
  return new WordVectors(words, { float16: bytes }, meta.dim);
}

/** fastText / word2vec text format ("V dim" header, then "word x1 … xdim"); `</s>` is dropped. */
export function loadTextVectors(file: string): WordVectors {
  const lines = readFileSync(file, 'utf8').split('\n');
  const [, dimStr] = lines[0]!.split(' ');
  const dim = Number(dimStr);
  const words: string[] = [];
  const rows: number[] = [];
  for (const line of lines.slice(1)) {
    const parts = line.trim().split(' ');
    if (parts.length !== dim + 1 || parts[0] === '</s>') continue;
    words.push(parts[0]!);
    for (let i = 1; i <= dim; i++) rows.push(Number(parts[i]));
  }
  return new WordVectors(words, Float32Array.from(rows), dim);
}
