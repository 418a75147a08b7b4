// The LSTM cell as Olah draws it, with one day's live numbers: the long-term memory runs along the
// top (the conveyor belt, no weight on it), the three σ gates and the tanh candidate sit below,
// fed by yesterday's short-term memory h and today's input x. Plain numbers in: no nn import.
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, type Diagram } from './layout.ts';

/** What one day computed (the fields of LstmDay the picture prints). */
export interface LstmCellValues {
  day: number;
  x: number;
  longIn: number;
  shortIn: number;
  forget: number;
  afterForget: number;
  candidate: number;
  inputGate: number;
  added: number;
  longOut: number;
  potentialShort: number;
  output: number;
  shortOut: number;
}

/** The parts a step can light up: forget gate, input gate + candidate, output gate + tanh(c). */
export type LstmPart = 'forget' | 'input' | 'output';

export const W = 640;
export const H = 440;
const GATE_Y = 178;
const GATE_H = 74;
const GATE_W = 116;
const BELT_Y = 72;
const BUS_Y = 302;
const COLS = { forget: 110, input: 235, candidate: 360, output: 485 } as const;
const TANH_X = 590;

const n3 = (v: number) => v.toFixed(3).replace('-', '−');
const pc = (v: number) => `${Math.round(v * 100)}%`;

/** Gates above one half: the path they open is the "active path" of the day. */
export function activeParts(v: LstmCellValues): LstmPart[] {
  const parts: LstmPart[] = [];
  if (v.forget > 0.5) parts.push('forget');
  if (v.inputGate > 0.5) parts.push('input');
  if (v.output > 0.5) parts.push('output');
  return parts;
}

export function lstmDiagram(v: LstmCellValues, o: { highlight?: readonly LstmPart[]; title?: string; caption?: string } = {}): Diagram {
  const lit = new Set(o.highlight ?? activeParts(v));
  const b = new DiagramBuilder(W, H, o.title ?? `LSTM cell, day ${v.day}: input x = ${v.x.toFixed(2)}`);
  const gate = (id: keyof typeof COLS, color: string, name: string, fn: string, value: number, note: string, part: LstmPart) =>
    b.box(id, { x: COLS[id] - GATE_W / 2, y: GATE_Y, w: GATE_W, h: GATE_H }, color, {
      lines: [{ text: name, bold: true }, { text: `${fn} = ${n3(value)}`, id: `${id}-value` }, ...(note ? [note] : [])],
      highlight: lit.has(part),
    });

  // The conveyor belt: c enters left, × forget, + input·candidate, leaves right.
  b.text('long-term memory c: the conveyor belt', 16, 46, { fill: INK.muted });
  const times = b.box('forget-times', { x: COLS.forget - 15, y: BELT_Y - 15, w: 30, h: 30 }, QUANTITY.forget, { shape: 'circle', lines: ['×'], highlight: lit.has('forget') });
  const plusX = (COLS.input + COLS.candidate) / 2;
  const plus = b.box('plus', { x: plusX - 15, y: BELT_Y - 15, w: 30, h: 30 }, QUANTITY.cell, { shape: 'circle', lines: ['+'], highlight: lit.has('input') });
  b.arrow([[8, BELT_Y], [times.x, BELT_Y]], QUANTITY.cell, { width: 6, highlight: lit.has('forget') });
  b.arrow([[times.x + 30, BELT_Y], [plus.x, BELT_Y]], QUANTITY.cell, { width: 6, highlight: lit.has('forget') });
  b.arrow([[plus.x + 30, BELT_Y], [W - 6, BELT_Y]], QUANTITY.cell, { width: 6 });
  b.edgeLabel(n3(v.longIn), 50, BELT_Y, QUANTITY.cell, { id: 'c-in' });
  b.edgeLabel(n3(v.afterForget), (times.x + 30 + plus.x) / 2, BELT_Y, QUANTITY.cell, { id: 'c-kept' });
  b.edgeLabel(`c = ${n3(v.longOut)}`, 470, BELT_Y, QUANTITY.cell, { id: 'c-out' });

  const forget = gate('forget', QUANTITY.forget, 'forget', 'σ', v.forget, `keep ${pc(v.forget)}`, 'forget');
  const input = gate('input', QUANTITY.inputGate, 'input', 'σ', v.inputGate, `add ${pc(v.inputGate)}`, 'input');
  const cand = gate('candidate', QUANTITY.candidate, 'candidate', 'tanh', v.candidate, 'new memory', 'input');
  const out = gate('output', QUANTITY.output, 'output', 'σ', v.output, `out ${pc(v.output)}`, 'output');

  b.arrow([anchorOf(forget, 'top'), [COLS.forget, BELT_Y + 15]], QUANTITY.forget, { highlight: lit.has('forget') });
  const mulY = 136;
  const mul = b.box('input-times', { x: plusX - 15, y: mulY - 15, w: 30, h: 30 }, QUANTITY.inputGate, { shape: 'circle', lines: ['×'], highlight: lit.has('input') });
  b.arrow([anchorOf(input, 'top'), [COLS.input, mulY], [mul.x, mulY]], QUANTITY.inputGate, { highlight: lit.has('input') });
  b.arrow([anchorOf(cand, 'top'), [COLS.candidate, mulY], [mul.x + 30, mulY]], QUANTITY.candidate, { highlight: lit.has('input') });
  b.arrow([[plusX, mul.y], [plusX, BELT_Y + 15]], QUANTITY.inputGate, { highlight: lit.has('input') });
  b.edgeLabel(`+${n3(v.added)}`, plusX + 8, 104, QUANTITY.inputGate, { id: 'added', anchor: 'start' });

  // Output side: tanh(c) times the output gate is the new short-term memory h.
  const squash = b.box('tanh-c', { x: TANH_X - 42, y: 104, w: 84, h: 48 }, QUANTITY.cell, { lines: ['tanh(c)', { text: n3(v.potentialShort), id: 'tanh-c-value' }], highlight: lit.has('output') });
  b.arrow([[TANH_X, BELT_Y], [TANH_X, squash.y]], QUANTITY.cell, { highlight: lit.has('output') });
  const outMul = b.box('output-times', { x: TANH_X - 15, y: GATE_Y + GATE_H / 2 - 15, w: 30, h: 30 }, QUANTITY.output, { shape: 'circle', lines: ['×'], highlight: lit.has('output') });
  b.arrow([anchorOf(squash, 'bottom'), [TANH_X, outMul.y]], QUANTITY.cell, { highlight: lit.has('output') });
  b.arrow([anchorOf(out, 'right'), [outMul.x, GATE_Y + GATE_H / 2]], QUANTITY.output, { highlight: lit.has('output') });
  b.arrow([[TANH_X, outMul.y + 30], [TANH_X, 366]], QUANTITY.hidden, { width: 3, highlight: lit.has('output') });
  b.text(`h = ${n3(v.shortOut)}`, TANH_X - 4, 384, { anchor: 'middle', fill: QUANTITY.hidden, face: 'semibold', id: 'h-out' });

  // Inputs: yesterday's h along the bus, today's x joining it; every gate reads both.
  b.arrow([[8, BUS_Y], [COLS.output, BUS_Y]], QUANTITY.hidden, { width: 3, head: false });
  b.edgeLabel(`h = ${n3(v.shortIn)}`, 52, BUS_Y, QUANTITY.hidden, { id: 'h-in' });
  for (const id of ['forget', 'input', 'candidate', 'output'] as const) b.arrow([[COLS[id], BUS_Y], [COLS[id], GATE_Y + GATE_H]], INK.line);
  const xCol = (COLS.forget + COLS.input) / 2;
  b.arrow([[xCol, 362], [xCol, BUS_Y]], QUANTITY.input, { width: 3 });
  b.text(`x = ${v.x.toFixed(2)}`, xCol, 378, { anchor: 'middle', fill: QUANTITY.input, face: 'semibold', id: 'x-in' });
  b.text(o.caption ?? 'yellow: the path the gates open today (above 50%)', 16, 418, { fill: INK.muted });

  const alt =
    `LSTM cell on day ${v.day}, input ${v.x.toFixed(2)}: forget gate ${pc(v.forget)} keeps ${n3(v.afterForget)} of the long-term memory ${n3(v.longIn)}; ` +
    `input gate ${pc(v.inputGate)} adds ${n3(v.added)} of the candidate ${n3(v.candidate)}; new long-term memory ${n3(v.longOut)}; ` +
    `output gate ${pc(v.output)} of tanh(c) ${n3(v.potentialShort)} gives the short-term memory ${n3(v.shortOut)}.`;
  return b.build('lstm-cell.png', alt);
}
