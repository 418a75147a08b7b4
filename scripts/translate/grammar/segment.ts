// A Seg is a parallel fragment: English tokens, Spanish tokens and gold links between them.
// Sentences are built by concatenating and reordering Segs, so alignments stay exact.
export type Link = [src: number, tgt: number];

export interface Seg {
  en: string[];
  es: string[];
  links: Link[];
}

const split = (s: string | string[]): string[] => (Array.isArray(s) ? s : s.split(' ').filter(Boolean));

/**
 * One unit. Links default to the diagonal when both sides have as many tokens, else every
 * English token to every Spanish token (idioms: "let's go" ↔ "vamos", "living room" ↔ "sala").
 */
export function w(en: string | string[], es: string | string[], links?: Link[]): Seg {
  const e = split(en);
  const s = split(es);
  if (links) return { en: e, es: s, links };
  const out: Link[] = [];
  if (e.length === s.length) e.forEach((_, i) => out.push([i, i]));
  else for (let i = 0; i < e.length; i++) for (let j = 0; j < s.length; j++) out.push([i, j]);
  return { en: e, es: s, links: out };
}

export const EMPTY: Seg = { en: [], es: [], links: [] };

/** Segs in the same order on both sides. */
export function seq(...segs: (Seg | undefined)[]): Seg {
  return reorder(segs.filter((s): s is Seg => !!s));
}

/** English in the given order, Spanish in `esOrder` (indices into segs). */
export function reorder(segs: Seg[], esOrder: number[] = segs.map((_, i) => i)): Seg {
  const enOff: number[] = [];
  const esOff: number[] = new Array(segs.length).fill(0);
  let e = 0;
  for (const s of segs) {
    enOff.push(e);
    e += s.en.length;
  }
  let t = 0;
  for (const i of esOrder) {
    esOff[i] = t;
    t += segs[i]!.es.length;
  }
  const links: Link[] = [];
  segs.forEach((s, i) => s.links.forEach(([a, b]) => links.push([a + enOff[i]!, b + esOff[i]!])));
  return {
    en: segs.flatMap((s) => s.en),
    es: esOrder.flatMap((i) => segs[i]!.es),
    links,
  };
}

/**
 * Final Spanish spelling rules over the whole sentence, keeping links: "a el" → "al",
 * "de el" → "del", "y" → "e" before an /i/ sound (inglés, hijo, but not hielo).
 */
export function finalizeSpanish(seg: Seg): Seg {
  const es: string[] = [];
  const map: number[] = [];
  for (const tok of seg.es) {
    const prev = es[es.length - 1];
    if (tok === 'el' && (prev === 'a' || prev === 'de')) {
      es[es.length - 1] = prev === 'a' ? 'al' : 'del';
      map.push(es.length - 1);
    } else {
      es.push(tok);
      map.push(es.length - 1);
    }
  }
  for (let i = 0; i + 1 < es.length; i++) {
    if (es[i] === 'y' && /^(i|hi)(?![aeo])/.test(es[i + 1]!) ) es[i] = 'e';
  }
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const [a, b] of seg.links) {
    const key = `${a}-${map[b]}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push([a, map[b]!]);
    }
  }
  links.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { en: seg.en, es, links };
}
