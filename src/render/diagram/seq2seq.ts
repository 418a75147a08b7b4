// Seq2seq unrolled: the encoder reads the words through 2 stacked LSTM layers, its final memories
// (the context vector: layers × {long, short} × cells numbers) start the decoder, which is fed <EOS>
// first and then each word it produced.
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, type Diagram } from './layout.ts';

export interface Seq2seqValues {
  inputs: readonly string[]; // encoder words
  /** [layer] final memories of the encoder, each [cells]. */
  context: readonly { long: readonly number[]; short: readonly number[] }[];
  outputs: readonly string[]; // decoder outputs, in order (the last one <EOS>)
  embed: number; // numbers per embedding
}

export const W = 640;
export const H = 440;
const LAYER_Y = [262, 178]; // layer 1 below layer 2
const BOX_H = 50;
const BOX_W = 92;

const n2 = (v: number) => v.toFixed(2).replace('-', '−');
const vec = (v: readonly number[]) => `[${v.map(n2).join(', ')}]`;

export function seq2seqDiagram(s: Seq2seqValues, o: { highlight?: 'encoder' | 'context' | 'decoder' } = {}): Diagram {
  const layers = s.context.length;
  const cells = s.context[0]!.long.length;
  const b = new DiagramBuilder(W, H, `Seq2seq: "${s.inputs.join(' ')}" → "${s.outputs.filter((w) => w !== '<EOS>').join(' ')}"`);
  const encX = s.inputs.map((_, t) => 16 + t * (BOX_W + 22));
  const decX = s.outputs.map((_, t) => W - 16 - BOX_W - (s.outputs.length - 1 - t) * (BOX_W + 22));
  const column = (side: 'enc' | 'dec', x: number, t: number, word: string, color: string) => {
    const boxes = LAYER_Y.slice(0, layers).map((y, l) =>
      b.box(`${side}-${t}-${l + 1}`, { x, y, w: BOX_W, h: BOX_H }, color, { lines: [{ text: `LSTM ${l + 1}`, bold: true }], highlight: o.highlight === (side === 'enc' ? 'encoder' : 'decoder') }),
    );
    const cx = x + BOX_W / 2;
    b.arrow([[cx, 350], anchorOf(boxes[0]!, 'bottom')], QUANTITY.embedding);
    b.edgeLabel(`[${s.embed}]`, cx, 331, QUANTITY.embedding);
    b.text(word, cx, 364, { anchor: 'middle', fill: QUANTITY.input, face: 'semibold', id: `${side}-word-${t}` });
    for (let l = 1; l < boxes.length; l++) b.arrow([anchorOf(boxes[l - 1]!, 'top'), anchorOf(boxes[l]!, 'bottom')], QUANTITY.hidden);
    return boxes;
  };
  const enc = s.inputs.map((w, t) => column('enc', encX[t]!, t, w, QUANTITY.hidden));
  const dec = s.outputs.map((_, t) => column('dec', decX[t]!, t, t === 0 ? '<EOS>' : s.outputs[t - 1]!, QUANTITY.output));
  const across = (cols: typeof enc) => cols.slice(1).forEach((c, t) => c.forEach((box, l) => b.arrow([anchorOf(cols[t]![l]!, 'right'), anchorOf(box, 'left')], QUANTITY.cell)));
  across(enc);
  across(dec);

  // The context vector: every layer's final long- and short-term memories.
  const ctxX = encX[encX.length - 1]! + BOX_W + 16;
  const ctxW = decX[0]! - 16 - ctxX;
  const lines = s.context.flatMap((m, l) => [{ text: `L${l + 1} c ${vec(m.long)}`, id: `ctx-${l + 1}-long` }, { text: `L${l + 1} h ${vec(m.short)}`, id: `ctx-${l + 1}-short` }]);
  const ctx = b.box('context', { x: ctxX, y: 150, w: ctxW, h: 178 }, QUANTITY.cell, { lines: [{ text: `context ${layers}×2×${cells}`, bold: true }, ...lines], highlight: o.highlight === 'context' });
  enc[enc.length - 1]!.forEach((box) => b.arrow([anchorOf(box, 'right'), [ctxX, box.y + BOX_H / 2]], QUANTITY.cell));
  dec[0]!.forEach((box) => b.arrow([[ctxX + ctxW, box.y + BOX_H / 2], anchorOf(box, 'left')], QUANTITY.cell));

  // Outputs: each decoder step's top layer → FC + softmax → a word, fed back as the next input.
  s.outputs.forEach((w, t) => {
    const top = dec[t]![layers - 1]!;
    const cx = top.x + BOX_W / 2;
    b.arrow([anchorOf(top, 'top'), [cx, 92]], QUANTITY.prediction);
    b.text(w, cx, 80, { anchor: 'middle', fill: QUANTITY.prediction, face: 'semibold', id: `out-${t}` });
    if (t + 1 < s.outputs.length) {
      const gx = top.x + BOX_W + 11;
      b.arrow([[cx + 30, 92], [cx + 30, 104], [gx, 104], [gx, 384], [decX[t + 1]! + BOX_W / 2, 384], [decX[t + 1]! + BOX_W / 2, 372]], QUANTITY.prediction, { dashed: true, width: 1.5 });
    }
  });
  b.text('encoder', encX[0]!, 128, { fill: QUANTITY.hidden, face: 'semibold' });
  b.text('decoder', decX[0]! + BOX_W / 2 - 8, 128, { fill: QUANTITY.output, face: 'semibold', anchor: 'end' });
  b.text('decoder input: <EOS> first, then its own last word (dashed)', 16, 404, { fill: INK.muted });
  b.text('untrained stand-in weights: the flow and sizes are real', 16, 426, { fill: INK.muted });
  const alt =
    `Seq2seq unrolled: the encoder reads ${s.inputs.join(', ')} through ${layers} LSTM layers; its final memories form a context vector of ${layers * 2 * cells} numbers ` +
    `(${s.context.map((m, l) => `layer ${l + 1} long ${vec(m.long)} short ${vec(m.short)}`).join('; ')}); the decoder starts from it, is fed <EOS> and then its own outputs: ${s.outputs.join(', ')}.`;
  return b.build('seq2seq-diagram.png', alt);
}
