import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHalf, encodeHalf } from '../../../src/nn/float16.ts';
import { pca2 } from '../../../src/nn/word2vec/pca.ts';
import { lookup, normaliseWord, splitWords } from '../../../src/nn/word2vec/query.ts';
import { loadVectors, saveVectors } from '../../../src/nn/word2vec/store.ts';
import { editDistance, topK, WordVectors } from '../../../src/nn/word2vec/vectors.ts';
import { compileKernel, kernelWasm } from '../../../src/nn/word2vec/wasm.ts';

// Six words in 4-D (the 4th dimension unused; dim must be a multiple of 4 for the SIMD kernel):
// king and queen close, apple far, man → woman the same offset as king → queen.
const words = ['king', 'queen', 'man', 'woman', 'apple', 'kings'];
const M = Float32Array.from([
  1, 1, 0, 0, // king
  1, 0.9, 0.9, 0, // queen
  1, 0.1, 0, 0, // man
  1, 0, 0.9, 0, // woman
  -1, 0, 0.2, 0, // apple
  1, 1.1, 0.05, 0, // kings
]);
const v = new WordVectors(words, M, 4);

describe('WordVectors', () => {
  it('ranks neighbours by cosine and leaves the query out', () => {
    const n = v.neighbours(['king'], 2);
    expect(n.map((x) => x.word)).toEqual(['kings', 'queen']);
    expect(n[0]!.score).toBeCloseTo((1 + 1.1) / (Math.SQRT2 * Math.hypot(1, 1.1, 0.05)), 5);
  });

  it('solves man : king :: woman : ? with 3CosAdd, query words excluded', () => {
    expect(v.analogy('man', 'king', 'woman', 1)[0]!.word).toBe('queen');
  });

  it('cosine similarity is symmetric and 1 for a word with itself', () => {
    expect(v.similarity('king', 'apple')).toBeCloseTo(v.similarity('apple', 'king')!, 6);
    expect(v.similarity('queen', 'queen')).toBeCloseTo(1, 6);
    expect(v.similarity('king', 'nope')).toBeUndefined();
  });

  it('topK keeps the best k in order', () => {
    expect(topK(Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.2]), 3, () => true)).toEqual([1, 3, 2]);
    expect(topK(Float32Array.from([0.1, 0.9, 0.5]), 2, (i) => i !== 1)).toEqual([2, 0]);
  });
});

describe('out-of-vocabulary words', () => {
  it('normalises case and surrounding punctuation', () => {
    expect(normaliseWord('"King,"')).toBe('king');
    expect(normaliseWord('Don’t!')).toBe("don't");
    expect(splitWords(' Paris, France + king ')).toEqual(['paris', 'france', 'king']);
  });

  it('suggests the nearest spellings, closest and most frequent first', () => {
    expect(v.suggestions('kingg')).toEqual(['king', 'kings']);
    expect(v.suggestions('qeen')).toEqual(['queen']);
    expect(v.suggestions('zzzzzzzz')).toEqual([]);
  });

  it('splits a query into known and unknown words', () => {
    const r = lookup(v, ['king', 'kingz', 'banana']);
    expect(r.known).toEqual(['king']);
    expect(r.unknown.map((u) => u.word)).toEqual(['kingz', 'banana']);
    expect(r.unknown[0]!.suggestions[0]).toBe('king');
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2); // gave up past max
  });
});

describe('storage', () => {
  it('round-trips vectors through float16 files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'w2v-'));
    saveVectors(dir, words, M, 4, { note: 'test' });
    const back = loadVectors(dir);
    expect(back.words).toEqual(words);
    expect(back.neighbours(['king'], 2).map((n) => n.word)).toEqual(['kings', 'queen']);
    expect(back.similarity('king', 'queen')).toBeCloseTo(v.similarity('king', 'queen')!, 3);
  });

  it('float16 keeps about three significant digits', () => {
    const xs = Float32Array.from([0, 1, -2.5, 0.1234, 65504, 1e-6, -0.00042]);
    decodeHalf(encodeHalf(xs)).forEach((y, i) => expect(Math.abs(y - xs[i]!)).toBeLessThanOrEqual(Math.abs(xs[i]!) * 1e-3 + 6e-8));
  });
});

describe('SIMD kernel for search and loading', () => {
  it('kernel.wasm is kernel.wat compiled (rebuild with npm run build:word2vec-wasm)', async () => {
    expect([...(await compileKernel())]).toEqual([...kernelWasm()]);
  });

  it('scores match the plain-JS dot products', () => {
    const q = v.vector('queen')!.slice();
    const js = v.scoresJs(q);
    v.scores(q).forEach((s, i) => expect(s).toBeCloseTo(js[i]!, 6));
  });

  it('decodes float16 like the JS decoder, subnormals included', () => {
    const xs = Float32Array.from([0, 1, -2.5, 0.1234, -0.00042, 3e-6, -5e-7, 0.99951171875]);
    const half = encodeHalf(xs);
    const w = new WordVectors(['a', 'b'], { float16: new Uint8Array(half.buffer) }, 4);
    const ref = new WordVectors(['a', 'b'], decodeHalf(half), 4);
    w.unit.forEach((x, i) => expect(x).toBeCloseTo(ref.unit[i]!, 6));
  });
});

describe('PCA', () => {
  it('puts the main spread on the first axis', () => {
    const rows = [[0, 0, 0], [10, 1, 0], [20, -1, 0], [30, 0, 0]].map((r) => Float32Array.from(r));
    const { points, explained } = pca2(rows);
    expect(explained[0]).toBeGreaterThan(0.95);
    const xs = points.map((p) => Math.abs(p[0]));
    expect(Math.max(...xs)).toBeCloseTo(15, 0);
  });
});
