// Corpus BLEU compatible with sacreBLEU's defaults: 13a tokenisation, n-grams up to 4,
// brevity penalty from the closest reference length, "exp" smoothing for empty n-gram orders.

/** sacreBLEU's tokenizer_13a (mteval-v13a): ASCII punctuation split off; ¿ ¡ ' are not. */
export function tokenize13a(line: string): string[] {
  let s = line.replace(/<skipped>/g, '').replace(/-\n/g, '').replace(/\n/g, ' ');
  if (s.includes('&')) s = s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  s = ` ${s} `;
  s = s.replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ');
  s = s.replace(/([^0-9])([.,])/g, '$1 $2 ');
  s = s.replace(/([.,])([^0-9])/g, ' $1 $2');
  s = s.replace(/([0-9])(-)/g, '$1 $2 ');
  return s.split(/\s+/).filter(Boolean);
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = tokens.slice(i, i + n).join('\u0001');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export interface BleuStats {
  correct: number[]; // per order 1..4
  total: number[];
  sysLen: number;
  refLen: number;
}

export function bleuStats(hyp: string, refs: string[], maxOrder = 4): BleuStats {
  const h = tokenize13a(hyp);
  const rs = refs.map(tokenize13a);
  // closest reference length, ties to the shorter (as sacreBLEU)
  let refLen = rs[0]!.length;
  for (const r of rs) {
    const d = Math.abs(r.length - h.length);
    const best = Math.abs(refLen - h.length);
    if (d < best || (d === best && r.length < refLen)) refLen = r.length;
  }
  const correct: number[] = [];
  const total: number[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const hc = ngrams(h, n);
    const maxRef = new Map<string, number>();
    for (const r of rs) for (const [k, c] of ngrams(r, n)) maxRef.set(k, Math.max(maxRef.get(k) ?? 0, c));
    let m = 0;
    for (const [k, c] of hc) m += Math.min(c, maxRef.get(k) ?? 0);
    correct.push(m);
    total.push(Math.max(0, h.length - n + 1));
  }
  return { correct, total, sysLen: h.length, refLen };
}

export function addStats(a: BleuStats, b: BleuStats): BleuStats {
  return {
    correct: a.correct.map((x, i) => x + b.correct[i]!),
    total: a.total.map((x, i) => x + b.total[i]!),
    sysLen: a.sysLen + b.sysLen,
    refLen: a.refLen + b.refLen,
  };
}

export function bleuFromStats(s: BleuStats): number {
  const order = s.correct.length;
  const precisions: number[] = new Array(order).fill(0);
  let smooth = 1;
  for (let n = 0; n < order; n++) {
    if (s.total[n] === 0) break;
    if (s.correct[n] === 0) {
      smooth *= 2;
      precisions[n] = 100 / (smooth * s.total[n]!);
    } else precisions[n] = (100 * s.correct[n]!) / s.total[n]!;
  }
  const bp = s.sysLen < s.refLen ? (s.sysLen > 0 ? Math.exp(1 - s.refLen / s.sysLen) : 0) : 1;
  const logSum = precisions.reduce((acc, p) => acc + (p > 0 ? Math.log(p) : -9999999999), 0);
  return bp * Math.exp(logSum / order);
}

/** Corpus BLEU (0–100) of hypotheses against one or more references each. */
export function corpusBleu(hyps: string[], refs: (string | string[])[]): number {
  let acc: BleuStats | undefined;
  hyps.forEach((h, i) => {
    const r = refs[i]!;
    const st = bleuStats(h, Array.isArray(r) ? r : [r]);
    acc = acc ? addStats(acc, st) : st;
  });
  return acc ? bleuFromStats(acc) : 0;
}
