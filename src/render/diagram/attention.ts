// One decoder step of attention, top to bottom: encoder outputs and the decoder state → scores
// (dot products) → softmax percentages → weighted sum, edge widths proportional to the weights.
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, fitText, type Diagram } from './layout.ts';

export interface AttentionStepValues {
  words: readonly string[]; // input words (encoder side)
  keys: readonly (readonly number[])[]; // [word][d] encoder outputs
  query: readonly number[]; // [d] decoder state
  decoderInput: string;
  scores: readonly number[];
  weights: readonly number[];
  attended: readonly number[]; // [d]
  next?: string; // the word the step produces, when known
}

/** score: the dot products; softmax: the percentages; sum: the weighted sum. */
export type AttentionStage = 'scores' | 'softmax' | 'sum';

export const W = 640;
export const H = 440;
const ROW = { enc: 62, score: 176, soft: 262, sum: 356 };
const LEFT = 16;
const RIGHT = 420;

const n2 = (v: number) => v.toFixed(2).replace('-', '−');
/** A vector as printed: all of a 2-number toy vector, the first two of a trained model's and its size. */
const vec = (v: readonly number[]) => (v.length <= 3 ? `[${v.map(n2).join(', ')}]` : `[${v.slice(0, 2).map(n2).join(', ')}, …] (${v.length})`);

export function attentionDiagram(a: AttentionStepValues, o: { stage?: AttentionStage; title?: string } = {}): Diagram {
  const n = a.words.length;
  const d = a.query.length;
  const b = new DiagramBuilder(W, H, o.title ?? `Attention, decoder step with input ${a.decoderInput}`);
  const colW = (RIGHT - LEFT) / n;
  const boxW = Math.min(190, colW - 12);
  const cx = (i: number) => LEFT + colW * (i + 0.5);
  const off = Math.min(26, boxW / 4); // key arrow left of centre, query arrow right

  const dec = b.box('decoder', { x: 452, y: ROW.enc - 8, w: 172, h: 62 }, QUANTITY.hidden, { lines: [{ text: fitText(`decoder h (${a.decoderInput})`, 164, 15, 'semibold'), bold: true }, fitText(vec(a.query), 164)] });
  const busY = 142;
  b.arrow([anchorOf(dec, 'bottom'), [dec.x + dec.w / 2, busY], [cx(0) + off, busY]], QUANTITY.hidden, { head: false });
  b.edgeLabel(`q [${d}]`, 540, busY, QUANTITY.hidden);
  a.words.forEach((w, i) => {
    const fit = (t: string, bold = false) => fitText(t, boxW - 4, 15, bold ? 'semibold' : 'regular');
    // The vector only where it fits whole: a cut "[0…" says nothing.
    const key = vec(a.keys[i]!);
    const lines = [{ text: fit(w, true), bold: true }, ...(fit(key) === key ? [key] : [])];
    const enc = b.box(`enc-${i}`, { x: cx(i) - boxW / 2, y: ROW.enc - 8, w: boxW, h: 62 }, QUANTITY.input, { lines });
    const score = b.box(`score-${i}`, { x: cx(i) - boxW / 2, y: ROW.score - 20, w: boxW, h: 40 }, QUANTITY.attention, {
      lines: [{ text: fit(boxW >= 120 ? `q·k = ${a.scores[i]!.toFixed(3).replace('-', '−')}` : a.scores[i]!.toFixed(boxW >= 60 ? 2 : 1).replace('-', '−')), id: `score-${i}-value` }],
      highlight: o.stage === 'scores',
    });
    b.arrow([[cx(i) - off, enc.y + enc.h], [cx(i) - off, score.y]], QUANTITY.input);
    if (boxW >= 80) b.edgeLabel(`k [${d}]`, cx(i) - off, 118, QUANTITY.input);
    b.arrow([[cx(i) + off, busY], [cx(i) + off, score.y]], QUANTITY.hidden);
    const soft = b.box(`softmax-${i}`, { x: cx(i) - boxW / 2, y: ROW.soft - 20, w: boxW, h: 40 }, QUANTITY.attention, {
      lines: [{ text: fit(`${(a.weights[i]! * 100).toFixed(boxW >= 80 ? 1 : 0)}${boxW >= 44 ? '%' : ''}`, true), id: `softmax-${i}-value`, bold: true }],
      highlight: o.stage === 'softmax',
      fillTint: 0.9 - 0.5 * a.weights[i]!,
    });
    b.arrow([anchorOf(score, 'bottom'), anchorOf(soft, 'top')], QUANTITY.attention);
  });
  b.text('softmax %', RIGHT + 6, ROW.soft, { fill: QUANTITY.attention });
  const sum = b.box('sum', { x: 120, y: ROW.sum - 28, w: 200, h: 56 }, QUANTITY.attention, { lines: [{ text: 'weighted sum', bold: true }, { text: fitText(vec(a.attended), 192), id: 'sum-value' }], highlight: o.stage === 'sum' });
  a.words.forEach((_, i) => {
    // Edge width ∝ the weight: 1 px at 0%, 16 px at 100%.
    b.arrow([[cx(i), ROW.soft + 20], [sum.x + sum.w / 2 + (i - (n - 1) / 2) * Math.min(30, 180 / n), sum.y]], QUANTITY.attention, { width: 1 + 15 * a.weights[i]!, highlight: o.stage === 'sum', id: `edge-${i}` });
  });
  const out = b.box('output', { x: 440, y: ROW.sum - 28, w: 184, h: 56 }, QUANTITY.prediction, { lines: [{ text: 'FC + softmax', bold: true }, fitText(a.next ? `→ ${a.next}` : '→ next word', 176)] });
  b.arrow([anchorOf(sum, 'right'), anchorOf(out, 'left')], QUANTITY.attention);
  b.edgeLabel(`[${d}]`, (sum.x + sum.w + out.x) / 2, ROW.sum, QUANTITY.attention);
  b.arrow([[604, dec.y + dec.h], [604, out.y]], QUANTITY.hidden);
  b.text('edge width = attention weight', 16, 416, { fill: INK.muted });
  const alt =
    `Attention at the decoder step fed ${a.decoderInput}: dot products ${a.scores.map((s, i) => `${a.words[i]} ${s.toFixed(3)}`).join(', ')}; ` +
    `softmax ${a.weights.map((w, i) => `${a.words[i]} ${(w * 100).toFixed(1)}%`).join(', ')}; weighted sum ${vec(a.attended)}.`;
  return b.build('attention-diagram.png', alt);
}
