// One frame of "decoding, word by word": the English words on top, the Spanish written so far
// below, and from every English word an edge to the word being written, as wide as its share
// of the attention. The frames of a whole sentence make the animated GIF of /translate animate:true.
import type { ImageAttachment } from '../../core/reply.ts';
import { renderGif } from '../gif.ts';
import { INK, QUANTITY } from '../palette.ts';
import { DiagramBuilder, fitText, type Diagram } from './layout.ts';

export interface DecodingValues {
  model: string;
  source: readonly string[]; // English tokens (columns of attention)
  output: readonly string[]; // Spanish tokens written, in order
  attention: readonly (readonly number[])[]; // [output][source], rows sum to 1
}

export const W = 640;
export const H = 300;
const SRC_Y = 100;
const OUT_Y = 234;
const BOX_H = 32;
const MARGIN = 16;

const fit = (word: string, width: number) => fitText(word, width);

/** Frame `step` (0-based): output words 0..step shown, edges into word `step`. */
export function decodingFrame(v: DecodingValues, step: number): Diagram {
  const b = new DiagramBuilder(W, H, `${v.model}: writing word ${step + 1} of ${v.output.length}`);
  const slot = (n: number) => (W - 2 * MARGIN) / Math.max(1, n);
  const sx = (i: number) => MARGIN + slot(v.source.length) * (i + 0.5);
  const ox = (i: number) => MARGIN + slot(v.output.length) * (i + 0.5);
  const sw = slot(v.source.length) - 6;
  const ow = slot(v.output.length) - 6;
  const weights = v.attention[step] ?? [];
  const showPct = sw >= 44;
  v.source.forEach((word, i) => {
    const w = weights[i] ?? 0;
    b.box(`src-${i}`, { x: sx(i) - sw / 2, y: SRC_Y - BOX_H / 2, w: sw, h: BOX_H }, QUANTITY.input, { lines: [sw >= 20 ? fit(word, sw - 6) : ''].filter(Boolean), fillTint: 0.92 - 0.6 * w });
    b.arrow([[sx(i), SRC_Y + BOX_H / 2], [ox(step), OUT_Y - BOX_H / 2]], QUANTITY.attention, { width: 0.5 + 14 * w, head: false, id: `edge-${i}` });
    if (showPct && w >= 0.05) b.text(`${Math.round(w * 100)}%`, sx(i), SRC_Y - BOX_H / 2 - 14, { anchor: 'middle', fill: QUANTITY.attention, id: `pct-${i}` });
  });
  v.output.slice(0, step + 1).forEach((word, i) => {
    b.box(`out-${i}`, { x: ox(i) - ow / 2, y: OUT_Y - BOX_H / 2, w: ow, h: BOX_H }, QUANTITY.output, { lines: [ow >= 20 ? fit(word, ow - 6) : ''].filter(Boolean), highlight: i === step, fillTint: i === step ? 0.6 : 0.85 });
  });
  b.text('top: the English read, % of attention; bottom: the Spanish written', MARGIN, 280, { fill: INK.muted });
  const top = weights.map((w, i) => [w, i] as const).sort((a, c) => c[0] - a[0])[0];
  const alt = `Writing "${v.output[step]}" (word ${step + 1} of ${v.output.length}), the ${v.model} looks most at "${top ? v.source[top[1]] : ''}" (${top ? Math.round(top[0] * 100) : 0}%).`;
  return b.build(`decoding-${step + 1}.png`, alt);
}

/** The whole sentence as an animated GIF: one frame per written word, the last held longer. */
export function renderDecodingGif(v: DecodingValues): ImageAttachment {
  const n = Math.min(v.output.length, v.attention.length);
  if (n === 0) throw new RangeError('nothing was written');
  const frames = Array.from({ length: n }, (_, t) => ({ diagram: decodingFrame(v, t), delayMs: t === n - 1 ? 2500 : 900 }));
  const alt = `Animation of the ${v.model} writing "${v.output.slice(0, n).join(' ')}" word by word from "${v.source.join(' ')}"; edges from each English word to the word being written are as wide as its attention.`;
  return renderGif(frames, `decoding-${v.model}.gif`, alt);
}
