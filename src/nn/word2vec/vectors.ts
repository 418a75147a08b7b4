// Trained word vectors: lookup, cosine neighbours, 3CosAdd analogies, similarity, OOV spelling help.
// Rows are L2-normalised once at load, so cosine similarity is a plain dot product.

export interface Neighbour {
  word: string;
  score: number; // cosine similarity
}

export class WordVectors {
  readonly words: readonly string[];
  readonly dim: number;
  /** [V, dim] unit-length rows. */
  readonly unit: Float32Array;
  private readonly index: Map<string, number>;

  constructor(words: readonly string[], matrix: Float32Array, dim: number) {
    if (matrix.length !== words.length * dim) throw new Error(`matrix has ${matrix.length} numbers, expected ${words.length}×${dim}`);
    this.words = words;
    this.dim = dim;
    this.index = new Map(words.map((w, i) => [w, i]));
    this.unit = new Float32Array(matrix.length);
    for (let r = 0; r < words.length; r++) {
      let n = 0;
      for (let c = 0; c < dim; c++) n += matrix[r * dim + c]! ** 2;
      const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
      for (let c = 0; c < dim; c++) this.unit[r * dim + c] = matrix[r * dim + c]! * inv;
    }
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

  /** Cosine of every row with `query` (which should be unit length). */
  scores(query: Float32Array): Float32Array {
    const { unit, dim } = this;
    const V = this.words.length;
    const out = new Float32Array(V);
    for (let r = 0, base = 0; r < V; r++, base += dim) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let c = 0;
      for (; c + 3 < dim; c += 4) {
        s0 += unit[base + c]! * query[c]!;
        s1 += unit[base + c + 1]! * query[c + 1]!;
        s2 += unit[base + c + 2]! * query[c + 2]!;
        s3 += unit[base + c + 3]! * query[c + 3]!;
      }
      for (; c < dim; c++) s0 += unit[base + c]! * query[c]!;
      out[r] = s0 + s1 + s2 + s3;
    }
    return out;
  }

  /** The k rows most similar to `query`, skipping `exclude`; `limit` keeps only the most frequent rows. */
  nearest(query: Float32Array, k: number, exclude: ReadonlySet<string> = new Set(), limit = this.size): Neighbour[] {
    const s = this.scores(query);
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
