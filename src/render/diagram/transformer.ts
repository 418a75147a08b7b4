// The transformer as Vaswani et al. (2017) draw it: the encoder layer (self-attention → add & norm
// → feed-forward → add & norm) on the left, the decoder layer (masked self-attention → add & norm →
// encoder–decoder attention → add & norm → feed-forward → add & norm → linear + softmax) on the
// right, residual paths dashed, with live self-attention percentages in the encoder.
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, type Box, type BoxOptions, type Diagram } from './layout.ts';

export interface TransformerValues {
  words: readonly string[]; // encoder input
  outputs: readonly string[]; // decoder input so far (starting with <EOS>)
  dModel: number;
  /** [query word][key word] self-attention weights of the encoder. */
  selfWeights: readonly (readonly number[])[];
}

export type TransformerPart = 'self-attention' | 'ffn' | 'masked' | 'cross' | 'norm';

export const W = 640;
export const H = 460;
const ENC_X = 24;
const DEC_X = 356;
const COL_W = 260;

const pc = (v: number) => `${Math.round(v * 100)}%`;

export function transformerDiagram(t: TransformerValues, o: { highlight?: readonly TransformerPart[] } = {}): Diagram {
  const lit = new Set(o.highlight ?? ['self-attention']);
  const b = new DiagramBuilder(W, H, 'Transformer layer: encoder (left) and decoder (right)');
  const n = t.words.length;
  const m = t.outputs.length;
  const block = (id: string, x: number, cy: number, h: number, color: string, lines: BoxOptions['lines'], part?: TransformerPart): Box =>
    b.box(id, { x, y: cy - h / 2, w: COL_W, h }, color, { lines, highlight: part ? lit.has(part) : false });
  const chain = (boxes: Box[]) => boxes.slice(1).forEach((box, i) => b.arrow([anchorOf(boxes[i]!, 'top'), anchorOf(box, 'bottom')], INK.line));
  const residual = (from: Box, to: Box, x: number) => b.arrow([[from.x + (x < from.x ? 0 : COL_W), from.y - 5], [x, from.y - 5], [x, to.y + to.h / 2], [x < from.x ? to.x : to.x + COL_W, to.y + to.h / 2]], INK.muted, { dashed: true, width: 1.5 });

  const first = t.selfWeights[0] ?? [];
  const e = [
    block('enc-embed', ENC_X, 396, 32, QUANTITY.embedding, [`embed + position: ${t.words.join(' ')}`]),
    block('enc-self', ENC_X, 332, 48, QUANTITY.attention, [{ text: 'self-attention', bold: true }, { text: `${t.words[0]}: ${first.map((w, j) => `${pc(w)} ${t.words[j]}`).join(', ')}`, id: 'self-value' }], 'self-attention'),
    block('enc-norm1', ENC_X, 284, 32, QUANTITY.prediction, ['add & norm'], 'norm'),
    block('enc-ffn', ENC_X, 238, 32, QUANTITY.hidden, [{ text: 'feed-forward (each word)', bold: true }], 'ffn'),
    block('enc-norm2', ENC_X, 192, 32, QUANTITY.prediction, ['add & norm'], 'norm'),
  ];
  chain(e);
  residual(e[0]!, e[2]!, 12);
  residual(e[2]!, e[4]!, 12);
  const d = [
    block('dec-embed', DEC_X, 396, 32, QUANTITY.embedding, [`embed + position: ${t.outputs.join(' ')}`]),
    block('dec-masked', DEC_X, 332, 48, QUANTITY.attention, [{ text: 'masked self-attention', bold: true }, 'sees earlier words only'], 'masked'),
    block('dec-norm1', DEC_X, 284, 32, QUANTITY.prediction, ['add & norm'], 'norm'),
    block('dec-cross', DEC_X, 236, 48, QUANTITY.attention, [{ text: 'encoder–decoder attention', bold: true }, 'queries here, keys/values left'], 'cross'),
    block('dec-norm2', DEC_X, 188, 32, QUANTITY.prediction, ['add & norm'], 'norm'),
    block('dec-ffn', DEC_X, 146, 32, QUANTITY.hidden, [{ text: 'feed-forward (each word)', bold: true }], 'ffn'),
    block('dec-norm3', DEC_X, 104, 32, QUANTITY.prediction, ['add & norm'], 'norm'),
    block('dec-out', DEC_X, 62, 32, QUANTITY.prediction, [{ text: 'linear + softmax → next word', bold: true }]),
  ];
  chain(d);
  residual(d[0]!, d[2]!, W - 8);
  residual(d[2]!, d[4]!, W - 8);
  residual(d[4]!, d[6]!, W - 8);
  // Encoder output → keys and values of the decoder's encoder–decoder attention.
  const top = e[e.length - 1]!;
  b.arrow([anchorOf(top, 'top'), [ENC_X + COL_W / 2, 140], [320, 140], [320, d[3]!.y + d[3]!.h / 2], anchorOf(d[3]!, 'left')], QUANTITY.input, { width: 2.5 });
  b.edgeLabel(`[${n}×${t.dModel}]`, 240, 140, QUANTITY.input, { id: 'enc-shape' });
  b.edgeLabel(`[${n}×${t.dModel}]`, ENC_X + COL_W / 2 + 10, 367, QUANTITY.embedding, { anchor: 'start' });
  b.edgeLabel(`[${m}×${t.dModel}]`, DEC_X + COL_W / 2 + 10, 367, QUANTITY.embedding, { anchor: 'start' });
  b.text('dashed: residual, each sub-layer adds its input back', 16, 440, { fill: INK.muted });
  b.text('encoder ×N', ENC_X, 110, { fill: INK.muted, face: 'semibold' });
  const alt =
    `Transformer layer diagram: encoder self-attention (${t.words[0]} attends ${first.map((w, j) => `${pc(w)} to ${t.words[j]}`).join(', ')}), add & norm, feed-forward, add & norm; ` +
    'decoder masked self-attention, add & norm, encoder–decoder attention, add & norm, feed-forward, add & norm, linear and softmax.';
  return b.build('transformer-diagram.png', alt);
}
