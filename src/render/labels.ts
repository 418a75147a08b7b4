// Label text: ellipsis for long tokens, number formats, sizes. Tokens can be anything a user typed.
import { hasGlyph, textWidth, type Face } from './fonts.ts';

/** Longest label drawn in full; longer ones keep this many characters and get '…'. */
export const MAX_LABEL_CHARS = 14;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const MISSING = '□';

/** Whitespace collapsed, at most `max` characters (graphemes: an emoji with its skin tone is one) then '…'. */
export function shorten(text: string, max: number): string {
  const chars = [...graphemes.segment(text.replace(/\s+/g, ' ').trim())].map((g) => g.segment);
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('') + '…';
}

/** Characters the font cannot draw (emoji, CJK) become '□': resvg would silently leave them out. */
export function drawable(text: string): string {
  return [...graphemes.segment(text)]
    .map(({ segment }) => ([...segment].every((ch) => hasGlyph(ch.codePointAt(0)!)) ? segment : MISSING))
    .join('');
}

/** A label as drawn: shortened to `max` characters, undrawable characters boxed. */
export function ellipsize(label: string, max = MAX_LABEL_CHARS): string {
  return drawable(shorten(label, max));
}

/** Longest axis name drawn in full. */
export const MAX_AXIS_NAME_CHARS = 40;

/** An axis name or title as drawn (undefined stays undefined: no name). */
export function nameText(text: string | undefined, max = MAX_AXIS_NAME_CHARS): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : ellipsize(text, max);
}

/** Width in px of the widest label at `fontSize`. */
export function maxTextWidth(labels: readonly string[], fontSize: number): number {
  let w = 0;
  for (const l of labels) w = Math.max(w, textWidth(l, fontSize));
  return w;
}

export type ValueFormat = 'percent' | 'fixed2' | 'fixed3';

export function formatValue(v: number, format: ValueFormat): string {
  if (!Number.isFinite(v)) return '';
  if (format === 'percent') return `${Math.round(v * 100)}%`;
  const s = v.toFixed(format === 'fixed3' ? 3 : 2);
  return s === '-0.00' || s === '-0.000' ? s.slice(1) : s;
}

/** Short tick text for value axes: 12000 → 12k, 3.5e6 → 3.5M, 0.00012 → 1.2e-4. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3) return v.toExponential(1).replace('.0e', 'e');
  // From 10k up (1000 … 9999 print in full); each suffix from its own size up.
  for (const [from, size, suffix] of [[1e12, 1e12, 'T'], [1e9, 1e9, 'B'], [1e6, 1e6, 'M'], [1e4, 1e3, 'k']] as const) {
    if (a >= from) return `${+(v / size).toPrecision(3)}${suffix}`;
  }
  return String(+v.toPrecision(4));
}

/** `text`, cut with '…' where needed so that it is at most `maxWidth` px wide. */
export function fitText(text: string, maxWidth: number, fontSize: number, face: Face = 'regular'): string {
  if (textWidth(text, fontSize, face) <= maxWidth) return text;
  const chars = [...graphemes.segment(text)].map((g) => g.segment);
  while (chars.length && textWidth(chars.join('').trimEnd() + '…', fontSize, face) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}
