// Vocabulary: words with count ≥ minCount, most frequent first (index 0 = most frequent).
export interface Vocab {
  words: string[];
  counts: Float64Array; // [V]
  index: Map<string, number>;
  /** Sum of counts: the in-vocabulary tokens of one pass. */
  trainWords: number;
}

export function buildVocab(counts: Map<string, number>, minCount: number): Vocab {
  const kept = [...counts].filter(([, c]) => c >= minCount);
  // Ties broken by spelling so the order (and so every seeded run) is deterministic.
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = kept.map(([w]) => w);
  const cs = Float64Array.from(kept, ([, c]) => c);
  let trainWords = 0;
  for (const c of cs) trainWords += c;
  return { words, counts: cs, index: new Map(words.map((w, i) => [w, i])), trainWords };
}

/** Sentences → word ids with -1 between sentences; out-of-vocabulary words are left out (as word2vec.c does). */
export function encodeCorpus(sentences: Iterable<string[]>, vocab: Vocab): Int32Array {
  const ids: number[] = [];
  for (const s of sentences) {
    for (const w of s) {
      const i = vocab.index.get(w);
      if (i !== undefined) ids.push(i);
    }
    ids.push(-1);
  }
  return Int32Array.from(ids);
}
