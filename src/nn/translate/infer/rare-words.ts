// Never invent (Luong et al., 2015, "Addressing the Rare Word Problem in NMT"): a source word the
// model cannot read would come back as some fluent, unrelated Spanish word. After decoding, the
// output word that attends most to such a source word is replaced by the word's lexicon
// translation, or by the word itself, copied; if no output word attends to it, it is inserted
// after the output aligned with the source word before it. Without attention (seq2seq) the
// position is the source word's relative position in the output.

/** A bilingual word list: English word → Spanish word. */
export interface Lexicon {
  lookup(english: string): string | undefined;
}

export const lexiconFrom = (pairs: Iterable<readonly [string, string]>): Lexicon => {
  const map = new Map(pairs);
  return { lookup: (w) => map.get(w) };
};

export interface RareWord {
  source: string; // the English word as read
  sourceIndex: number;
  output: string; // what the reply writes for it
  outputIndex: number; // its position in the output tokens
  how: 'copied' | 'lexicon';
}

export interface RareWordResult {
  tokens: string[];
  attention: number[][]; // rows follow tokens (+ the <EOS> row when there was one)
  rare: RareWord[];
}

const argmax = (row: readonly number[]) => row.reduce((best, x, i) => (x > row[best]! ? i : best), 0);

/**
 * `unknown[i]`: source word i is outside what the model can read. `attention` [output][source]
 * (empty for seq2seq). Output tokens that are <UNK> are handled the same way, at their argmax.
 */
export function replaceRareWords(
  source: readonly string[],
  unknown: readonly boolean[],
  tokens: readonly string[],
  attention: readonly (readonly number[])[],
  lexicon?: Lexicon,
): RareWordResult {
  const out = [...tokens];
  const att = attention.map((r) => [...r]);
  const hasAttention = att.length >= out.length && out.length > 0 && (att[0]?.length ?? 0) === source.length;
  const S = source.length;
  const alignOf = (j: number) => (hasAttention ? argmax(att[j]!) : Math.min(S - 1, Math.floor(((j + 0.5) * S) / Math.max(out.length, 1))));
  const rendering = (i: number): Pick<RareWord, 'output' | 'how'> => {
    const tr = lexicon?.lookup(source[i]!);
    return tr ? { output: tr, how: 'lexicon' } : { output: source[i]!, how: 'copied' };
  };
  const rare: RareWord[] = [];
  const claimed = new Set<number>(); // output positions already replaced
  for (let i = 0; i < S; i++) {
    const needs = unknown[i] === true;
    // output positions aligned to source word i: invented words, or <UNK>s
    const aligned = out.map((_, j) => j).filter((j) => !claimed.has(j) && alignOf(j) === i && (needs || out[j] === '<UNK>'));
    if (!needs && !aligned.length) continue;
    const r = rendering(i);
    if (aligned.length) {
      // the one that attends most to this word
      const j = hasAttention ? aligned.reduce((a, b) => (att[b]![i]! > att[a]![i]! ? b : a)) : aligned[0]!;
      out[j] = r.output;
      claimed.add(j);
      rare.push({ source: source[i]!, sourceIndex: i, ...r, outputIndex: j });
      continue;
    }
    // nothing attends to it: insert after the output aligned with the nearest earlier source word
    let at = 0;
    for (let k = i - 1; k >= 0 && !at; k--) {
      const js = out.map((_, j) => j).filter((j) => alignOf(j) === k);
      if (js.length) at = Math.max(...js) + 1;
    }
    if (!hasAttention && i > 0 && !at) at = Math.min(out.length, Math.round((i * out.length) / S));
    out.splice(at, 0, r.output);
    if (hasAttention) att.splice(at, 0, source.map((_, k) => (k === i ? 1 : 0)));
    for (const x of rare) if (x.outputIndex >= at) x.outputIndex++;
    const shifted = [...claimed].map((j) => (j >= at ? j + 1 : j));
    claimed.clear();
    for (const j of shifted) claimed.add(j);
    claimed.add(at);
    rare.push({ source: source[i]!, sourceIndex: i, ...r, outputIndex: at });
  }
  // any <UNK> left (aligned to a known word already used): copy that word too
  out.forEach((t, j) => {
    if (t !== '<UNK>') return;
    const i = alignOf(j);
    const r = rendering(i);
    out[j] = r.output;
    rare.push({ source: source[i]!, sourceIndex: i, ...r, outputIndex: j });
  });
  return { tokens: out, attention: att, rare: rare.sort((a, b) => a.outputIndex - b.outputIndex) };
}
