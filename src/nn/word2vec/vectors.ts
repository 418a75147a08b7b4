// Trained word vectors: lookup, cosine neighbours, 3CosAdd analogies, similarity, OOV spelling help.
// Rows are L2-normalised once at load, so cosine similarity is a plain dot product.
import { instantiateKernel, type WasmExports } from './wasm.ts';

export interface Neighbour {
  word: string;
  score: number; // cosine similarity
}

export class WordVectors {
  readonly words: readonly string[];
  readonly dim: number;
  /** [V, dim] unit-length rows, living in WebAssembly memory so the SIMD kernel can scan them. */
  readonly unit: Float32Array;
  private readonly index: Map<string, number>;
  private readonly kernel: WasmExports;
  private readonly qPtr: number;
  private readonly outPtr: number;
  private readonly matPtr: number;
  private readonly q: Float32Array;
  private readonly out: Float32Array;

  /**
   * `matrix`: [V, dim] float32 numbers, or the bytes of a little-endian float16 matrix (the
   * shipped file), decoded by the kernel straight into its memory. Rows are normalised here.
   */
  constructor(words: readonly string[], matrix: Float32Array | { float16: Uint8Array }, dim: number) {
    const V = words.length;
    const given = matrix instanceof Float32Array ? matrix.length : matrix.float16.byteLength / 2;
    if (given !== V * dim) throw new Error(`matrix has ${given} numbers, expected ${V}×${dim}`);
    if (dim % 4 !== 0) throw new Error(`dim must be a multiple of 4 (SIMD lanes), got ${dim}`);
    this.words = words;
    this.dim = dim;
    this.index = new Map();
    for (let i = 0; i < V; i++) this.index.set(words[i]!, i);
    const align = (n: number) => Math.ceil(n / 64) * 64;
    this.qPtr = 4096; // below: kernel.wat's sigmoid-table slot, unused here
    this.outPtr = align(this.qPtr + dim * 4);
    this.matPtr = align(this.outPtr + V * 4);
    const stagePtr = align(this.matPtr + V * dim * 4); // float16 bytes land here first
    const bytes = matrix instanceof Float32Array ? stagePtr : stagePtr + V * dim * 2;
    const pages = Math.ceil(bytes / 65536);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    this.kernel = instantiateKernel(memory);
    this.q = new Float32Array(memory.buffer, this.qPtr, dim);
    this.out = new Float32Array(memory.buffer, this.outPtr, V);
    this.unit = new Float32Array(memory.buffer, this.matPtr, V * dim);
    if (matrix instanceof Float32Array) this.unit.set(matrix);
    else {
      new Uint8Array(memory.buffer, stagePtr, V * dim * 2).set(matrix.float16);
      this.kernel.f16to32(stagePtr, this.matPtr, V * dim);
    }
    this.kernel.normalize(this.matPtr, V, dim * 4);
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  id(word: string): number | undefined {
    return this.index.get(word);
  }

  /** The unit vector of a word (a view, not a copy). */
  vector(word: string): Float32Array | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : this.unit.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Unit-length mean of several words' unit vectors. */
  mean(words: readonly string[]): Float32Array {
    const out = new Float32Array(this.dim);
    for (const w of words) {
      const v = this.vector(w);
      if (v) for (let c = 0; c < this.dim; c++) out[c] += v[c]!;
    }
    return normalise(out);
  }

  /**
   * Cosine of every row with `query` (which should be unit length), by the SIMD kernel. The
   * result is a view that the next call overwrites.
   */
  scores(query: Float32Array): Float32Array {
    this.q.set(query);
    this.kernel.scores(this.matPtr, this.words.length, this.qPtr, this.outPtr, this.dim * 4);
    return this.out;
  }

  /** The same in plain JS (the reference the tests compare the kernel with). */
  scoresJs(query: Float32Array): Float32Array {
    const { unit, dim } = this;
    const V = this.words.length;
    const out = new Float32Array(V);
    for (let r = 0, base = 0; r < V; r++, base += dim) {
      let s = 0;
      for (let c = 0; c < dim; c++) s += unit[base + c]! * query[c]!;
      out[r] = s;
    }
    return out;
  }

  /** The k rows most similar to `query`, skipping `exclude`; `limit` keeps only the most frequent rows. */
  nearest(query: Float32Array, k: number, exclude: ReadonlySet<string> = new Set(), limit = this.size): Neighbour[] {
    const s = this.scores(query).slice(); // a plain copy: V8 reads shared memory more slowly
    return topK(s, k, (i) => i < limit && !exclude.has(this.words[i]!)).map((i) => ({ word: this.words[i]!, score: s[i]! }));
  }

  /** Neighbours of one word or the mean of several. */
  neighbours(words: readonly string[], k: number): Neighbour[] {
    return this.nearest(this.mean(words), k, new Set(words), this.size);
  }

  /** a : b :: c : ? by 3CosAdd (b − a + c over unit vectors), query words excluded. */
  analogy(a: string, b: string, c: string, k: number, limit = this.size): Neighbour[] {
    const q = this.offsetQuery(a, b, c);
    return this.nearest(q, k, new Set([a, b, c]), limit);
  }

  offsetQuery(a: string, b: string, c: string): Float32Array {
    const va = this.vector(a), vb = this.vector(b), vc = this.vector(c);
    if (!va || !vb || !vc) throw new Error('analogy words must be in the vocabulary');
    const q = new Float32Array(this.dim);
    for (let i = 0; i < this.dim; i++) q[i] = vb[i]! - va[i]! + vc[i]!;
    return normalise(q);
  }

  similarity(a: string, b: string): number | undefined {
    const va = this.vector(a), vb = this.vector(b);
    if (!va || !vb) return undefined;
    let s = 0;
    for (let i = 0; i < this.dim; i++) s += va[i]! * vb[i]!;
    return s;
  }

  /** Vocabulary words closest in spelling (Levenshtein), frequent words first on ties. */
  suggestions(word: string, k = 5): string[] {
    const maxDist = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    const found: { w: string; d: number; i: number }[] = [];
    for (let i = 0; i < this.words.length; i++) {
      const w = this.words[i]!;
      if (Math.abs(w.length - word.length) > maxDist) continue;
      const d = editDistance(word, w, maxDist);
      if (d <= maxDist) found.push({ w, d, i });
    }
    found.sort((x, y) => x.d - y.d || x.i - y.i);
    return found.slice(0, k).map((f) => f.w);
  }
}

export function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

/** Indices of the k largest scores that pass `keep`, best first (one pass, small sorted buffer). */
export function topK(scores: Float32Array, k: number, keep: (i: number) => boolean): number[] {
  const best: number[] = [];
  let floor = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (best.length === k && s <= floor) continue;
    if (!keep(i)) continue;
    let j = best.length;
    if (j < k) best.push(i);
    else j = k - 1;
    while (j > 0 && scores[best[j - 1]!]! < s) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = i;
    if (best.length === k) floor = scores[best[k - 1]!]!;
  }
  return best;
}

/** Levenshtein distance, giving up (returning max + 1) once every path exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
