// Did-you-mean: Damerau–Levenshtein (optimal string alignment) over a small candidate list.

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Candidates close to `input`, best first: prefix matches, then small edit distances. */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const q = input.toLowerCase();
  if (!q) return [];
  const limit = Math.max(1, Math.min(3, Math.floor(q.length / 3)));
  return candidates
    .map((c) => {
      const lc = c.toLowerCase();
      const d = lc.startsWith(q) || q.startsWith(lc) ? 0.5 : editDistance(q, lc);
      return { c, d };
    })
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map(({ c }) => c);
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const s = suggest(input, candidates);
  if (s.length === 0) return '';
  return ` Did you mean ${s.map((x) => `\`${x}\``).join(' or ')}?`;
}
