// The RNN unrolled: one copy of the unit per day, every copy with the same w, and the gradient
// from the prediction back to each day's memory multiplied by w once per step back (w^k, k steps).
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, type Diagram } from './layout.ts';

export interface RnnDayValues {
  day: number;
  x: number;
  preActivation: number;
  shortOut: number;
}

export interface RnnDiagramInput {
  days: readonly RnnDayValues[];
  wShared: number;
  prediction: number;
}

export const W = 640;
export const H = 420;
const BOX_Y = 150;
const BOX_H = 96;
const BOX_W = 124;
const CENTRES = [82, 236, 404, 558];

const n2 = (v: number) => v.toFixed(2).replace('-', '−');
const n3 = (v: number) => v.toFixed(3).replace('-', '−');
/** w^k in a form that stays short: fixed for moderate values, else scientific. */
export function factorText(w: number, k: number): string {
  const v = w ** k;
  const a = Math.abs(v);
  return (a !== 0 && (a < 0.001 || a >= 1000) ? v.toExponential(1) : v.toFixed(3)).replace('-', '−');
}

/** Which days get a copy in the picture: all up to 4, else the first two and the last two. */
export function shownDays(n: number): number[] {
  return n <= 4 ? Array.from({ length: n }, (_, i) => i) : [0, 1, n - 2, n - 1];
}

export function rnnDiagram(r: RnnDiagramInput, o: { highlightDay?: number } = {}): Diagram {
  const n = r.days.length;
  const b = new DiagramBuilder(W, H, `RNN unrolled over ${n} day${n === 1 ? '' : 's'}: one shared w = ${n3(r.wShared)}`);
  b.text('∂prediction/∂h, steps back: ×w per step', 16, 46, { fill: QUANTITY.gradient });
  const idx = shownDays(n);
  const boxes = idx.map((t, i) => {
    const d = r.days[t]!;
    const k = n - 1 - t;
    const cx = CENTRES[i + (4 - idx.length)]!;
    const dead = d.preActivation <= 0;
    return b.box(`day-${d.day}`, { x: cx - BOX_W / 2, y: BOX_Y, w: BOX_W, h: BOX_H }, QUANTITY.hidden, {
      lines: [
        { text: `day ${d.day}`, bold: true },
        { text: `ReLU(${n2(d.preActivation)})`, fill: dead ? QUANTITY.gradient : INK.text },
        { text: `h = ${n3(d.shortOut)}`, id: `h-${d.day}` },
        { text: `w^${k} = ${factorText(r.wShared, k)}`, id: `factor-${d.day}`, fill: QUANTITY.gradient },
      ],
      highlight: o.highlightDay === d.day,
    });
  });
  boxes.forEach((box, i) => {
    const d = r.days[idx[i]!]!;
    const [cx, bottom] = anchorOf(box, 'bottom');
    b.arrow([[cx, 318], [cx, bottom]], QUANTITY.input);
    b.text(`x = ${n2(d.x)}`, cx, 332, { anchor: 'middle', fill: QUANTITY.input });
    const next = boxes[i + 1];
    if (next) {
      const gapped = idx[i + 1]! - idx[i]! > 1;
      b.arrow([anchorOf(box, 'right'), anchorOf(next, 'left')], QUANTITY.hidden, { width: 3, dashed: gapped });
      const mid = (box.x + box.w + next.x) / 2;
      b.edgeLabel(gapped ? '…' : 'w', mid, BOX_Y + BOX_H / 2 - 16, QUANTITY.hidden);
    }
  });
  const last = boxes[boxes.length - 1]!;
  const first = boxes[0]!;
  // The prediction leaves the last copy upwards; the gradient comes back along the dashed line.
  b.arrow([anchorOf(last, 'top'), [last.x + last.w / 2, 80]], QUANTITY.prediction, { width: 2 });
  b.text(`prediction = ${n3(r.prediction)}`, W - 16, 70, { anchor: 'end', fill: QUANTITY.prediction, face: 'semibold', id: 'prediction' });
  b.arrow([[last.x + last.w / 2 - 20, 118], [first.x + first.w / 2, 118], [first.x + first.w / 2, BOX_Y]], QUANTITY.gradient, { dashed: true, id: 'gradient' });
  b.text(`the same w on every arrow: w^k ${Math.abs(r.wShared) < 1 ? 'vanishes' : Math.abs(r.wShared) > 1 ? 'explodes' : 'stays 1'} as k grows`, 16, 366, { fill: INK.muted });
  b.text('red ReLU: a negative input gives h = 0 and no gradient', 16, 392, { fill: INK.muted });
  const alt =
    `RNN unrolled over ${n} days with shared weight w = ${n3(r.wShared)}: ` +
    r.days.map((d) => `day ${d.day} ReLU(${n2(d.preActivation)}) = ${n3(d.shortOut)}`).join('; ') +
    `; prediction ${n3(r.prediction)}; the gradient back to day 1 is multiplied by w^${n - 1} = ${factorText(r.wShared, n - 1)}.`;
  return b.build('rnn-unrolled.png', alt);
}
