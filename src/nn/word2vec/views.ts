// Chart data for the embedding commands: 2-D PCA scatters as plain ScatterSpec data
// (the commands render them with src/render).
import type { ScatterPoint, ScatterSpec } from '../../render/types.ts';
import { pca2 } from './pca.ts';
import type { Neighbour, WordVectors } from './vectors.ts';

/** A few frequent words far from the query (lowest cosine among common words), for contrast. */
export function farWords(v: WordVectors, query: Float32Array, n: number, exclude: ReadonlySet<string>): string[] {
  const scores = v.scores(query);
  // Skip the ~100 most frequent (function words) and look among the next few thousand.
  const pool: number[] = [];
  for (let i = 100; i < Math.min(v.size, 3000); i++) if (!exclude.has(v.words[i]!) && /^[a-z]{3,}$/.test(v.words[i]!)) pool.push(i);
  pool.sort((a, b) => scores[a]! - scores[b]!);
  return pool.slice(0, n).map((i) => v.words[i]!);
}

export function neighboursScatter(v: WordVectors, queryWords: readonly string[], query: Float32Array, neighbours: readonly Neighbour[], far: readonly string[]): ScatterSpec {
  const labelled: { label: string; vec: Float32Array; group: string }[] = [
    ...queryWords.map((w) => ({ label: w, vec: v.vector(w)!, group: queryWords.length > 1 ? 'your words' : 'your word' })),
    ...neighbours.map((n) => ({ label: n.word, vec: v.vector(n.word)!, group: 'nearest' })),
    ...far.map((w) => ({ label: w, vec: v.vector(w)!, group: 'far away' })),
  ];
  if (queryWords.length > 1) labelled.push({ label: '(mean)', vec: query, group: 'your words' });
  const { points, explained } = pca2(labelled.map((l) => l.vec));
  return {
    title: `Nearest words to ${queryWords.join(' + ')} (PCA, 2-D)`,
    points: labelled.map((l, i): ScatterPoint => ({ x: points[i]![0], y: points[i]![1], label: l.label, group: l.group })),
    xLabel: `PC1 (${(100 * explained[0]).toFixed(0)}% of variance)`,
    yLabel: `PC2 (${(100 * explained[1]).toFixed(0)}%)`,
    filename: 'neighbors.png',
    alt: `Scatter of ${queryWords.join(', ')} with nearest words ${neighbours.map((n) => n.word).join(', ')} and far words ${far.join(', ')}, projected to 2-D by PCA.`,
  };
}

/** a → b and c → answer drawn as arrows: parallel arrows are what an analogy means here. */
export function analogyScatter(v: WordVectors, a: string, b: string, c: string, answers: readonly Neighbour[]): ScatterSpec {
  const best = answers[0]!.word;
  const labelled = [
    { label: a, group: 'query' },
    { label: b, group: 'query' },
    { label: c, group: 'query' },
    ...answers.map((n, i) => ({ label: n.word, group: i === 0 ? 'answer' : 'runners-up' })),
  ];
  const { points } = pca2(labelled.map((l) => v.vector(l.label)!));
  return {
    title: `${a} → ${b}  is like  ${c} → ${best}`,
    points: labelled.map((l, i) => ({ x: points[i]![0], y: points[i]![1], label: l.label, group: l.group })),
    arrows: [
      { from: a, to: b },
      { from: c, to: best },
    ],
    xLabel: 'PC1',
    yLabel: 'PC2',
    filename: 'analogy.png',
    alt: `Offset arrows ${a}→${b} and ${c}→${best} in a 2-D PCA projection, with runners-up ${answers.slice(1).map((n) => n.word).join(', ')}.`,
  };
}
