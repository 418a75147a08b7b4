// The wild corpus as model ids: each pair encoded with the subword tokenizers (copy slots shared
// between the two sides, as at inference), plus the warm start from a word-level transformer.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { SubwordTokenizer, WORD_START, type SubwordFile } from '../../../src/nn/translate/model/subword.ts';
import type { Transformer } from '../../../src/nn/translate/model/transformer.ts';
import { loadWeights } from '../../../src/nn/translate/model/weights.ts';
import type { Encoded } from '../../../src/nn/translate/train/batches.ts';

export interface SubwordFiles {
  src: SubwordFile;
  tgt: SubwordFile;
}

export interface WildEncoded {
  train: Encoded[];
  trainKinds: string[]; // WildExample kind of each train pair (for per-kind sampling weights)
  valid: Encoded[];
  tokenizers: SubwordFiles;
  dropped: number; // pairs longer than maxPieces on a side
}

function readJsonl<T>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

export function encodePairs(pairs: readonly { en: string; es: string; kind?: string }[], src: SubwordTokenizer, tgt: SubwordTokenizer, maxPieces: number): { data: Encoded[]; kinds: string[]; dropped: number } {
  const data: Encoded[] = [];
  const kinds: string[] = [];
  let dropped = 0;
  for (const p of pairs) {
    const s = src.encode(p.en);
    const t = tgt.encode(p.es, s.slots);
    if (s.ids.length > maxPieces || t.ids.length > maxPieces || !s.ids.length || !t.ids.length) dropped++;
    else {
      data.push({ src: s.ids, tgt: t.ids });
      kinds.push(p.kind ?? '');
    }
  }
  return { data, kinds, dropped };
}

/**
 * data/translate-wild (npm run data:translate-wild) as ids, cached beside it (encoding takes minutes).
 * `subwordFile`: encode with these tokenizers instead of the corpus' own (a warm start from a shipped
 * model keeps that model's pieces; a rebuilt corpus may have trained slightly different ones).
 */
export function loadWildEncoded(dir: string, maxPieces: number, subwordFile = path.join(dir, 'subword.json')): WildEncoded {
  if (!fs.existsSync(path.join(dir, 'train.jsonl'))) throw new Error(`${dir} has no corpus yet: run npm run data:translate-wild first`);
  const hash = createHash('sha1');
  hash.update(fs.readFileSync(subwordFile));
  for (const f of ['train.jsonl', 'valid.jsonl']) hash.update(fs.readFileSync(path.join(dir, f)));
  hash.update(`${maxPieces} kinds`);
  const cacheFile = path.join(dir, `encoded-${hash.digest('hex').slice(0, 12)}.json`);
  if (fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as WildEncoded;
  const tokenizers = JSON.parse(fs.readFileSync(subwordFile, 'utf8')) as SubwordFiles;
  const src = new SubwordTokenizer(tokenizers.src);
  const tgt = new SubwordTokenizer(tokenizers.tgt);
  const train = encodePairs(readJsonl(path.join(dir, 'train.jsonl')), src, tgt, maxPieces);
  const valid = encodePairs(readJsonl(path.join(dir, 'valid.jsonl')), src, tgt, maxPieces);
  const out: WildEncoded = { train: train.data, trainKinds: train.kinds, valid: valid.data, tokenizers, dropped: train.dropped };
  fs.writeFileSync(cacheFile, JSON.stringify(out));
  return out;
}

/**
 * Warm start from a shipped word-level transformer of the same width: every weight but the
 * vocabulary-sized ones is copied; embedding rows (and output columns) are copied for each piece
 * that is a whole word of the old vocabulary ("▁casa" ← "casa"). Returns how many pieces matched.
 */
export function warmStartFromWords(tf: typeof TF, model: Transformer, dir: string, tok: SubwordFiles): { src: number; tgt: number } {
  const vocab = JSON.parse(fs.readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as { src: string[]; tgt: string[] };
  const old = loadWeights(tf, dir);
  const rowsFor = (pieces: SubwordFile, words: string[]) => {
    const index = new Map(words.map((w, i) => [w, i + 3])); // vocab.json lists words after the 3 specials
    const pairs: [number, number][] = [[0, 0], [1, 1], [2, 2]];
    pieces.pieces.forEach(([p], id) => {
      if (id < 3 || !p.startsWith(WORD_START)) return;
      const j = index.get(p.slice(1));
      if (j !== undefined) pairs.push([id, j]);
    });
    return pairs;
  };
  const srcPairs = rowsFor(tok.src, vocab.src);
  const tgtPairs = rowsFor(tok.tgt, vocab.tgt);
  for (const [name, v] of model.params.vars) {
    const w = old.get(name);
    if (!w) continue;
    if (name === 'src_embed' || name === 'tgt_embed' || name === 'out_w' || name === 'out_b') {
      const pairs = name === 'src_embed' ? srcPairs : tgtPairs;
      const cur = v.arraySync() as number[][] | number[];
      const prev = w.arraySync() as number[][] | number[];
      if (name === 'out_w') {
        const m = cur as number[][];
        const o = prev as number[][];
        for (const row of m.keys()) for (const [to, from] of pairs) m[row]![to] = o[row]![from]!;
      } else if (name === 'out_b') {
        const m = cur as number[];
        const o = prev as number[];
        // pieces the old model never wrote start at its mean bias
        const mean = o.reduce((a, b) => a + b, 0) / o.length;
        m.fill(mean);
        for (const [to, from] of pairs) m[to] = o[from]!;
      } else {
        const m = cur as number[][];
        const o = prev as number[][];
        for (const [to, from] of pairs) m[to] = o[from]!;
      }
      v.assign(tf.tensor(cur));
    } else if (w.shape.join() === v.shape.join()) v.assign(w);
    w.dispose();
  }
  return { src: srcPairs.length - 3, tgt: tgtPairs.length - 3 };
}
