// word2vec skip-gram as a network: a one-hot input picks one row of the input weights (the word's
// embedding), the output weights score every vocabulary word, softmax turns the scores into
// probabilities of being a neighbour; negative sampling scores only the true neighbour and a few
// random words instead of all of them.
import { INK, QUANTITY } from '../palette.ts';
import { anchorOf, DiagramBuilder, type Diagram } from './layout.ts';

export interface SkipGramValues {
  vocab: readonly string[];
  centre: number; // index of the input word
  embedding: readonly number[]; // [dims] its row of the input weights
  probabilities: readonly number[]; // [vocab] softmax output
  positives: readonly number[]; // indices of its real neighbours
}

export const W = 640;
export const H = 380;
const ROW0 = 104;
const ROW_GAP = 48;
const ROW_H = 38;

const n2 = (v: number) => v.toFixed(2).replace('-', '−');

export function word2vecDiagram(s: SkipGramValues): Diagram {
  const V = s.vocab.length;
  const D = s.embedding.length;
  const centre = s.vocab[s.centre]!;
  const b = new DiagramBuilder(W, H, `word2vec skip-gram: "${centre}" predicts its neighbours`);
  const rowY = (i: number) => ROW0 + i * ROW_GAP;
  b.text(`one-hot [${V}]`, 16, 70, { fill: QUANTITY.input, face: 'semibold' });
  b.text(`softmax [${V}]`, W - 16, 70, { fill: QUANTITY.prediction, face: 'semibold', anchor: 'end' });
  const emb = b.box('embedding', { x: 222, y: rowY((V - 1) / 2) - 36, w: 170, h: 72 }, QUANTITY.embedding, {
    lines: [{ text: `embedding [${D}]`, bold: true }, { text: `[${s.embedding.map(n2).join(', ')}]`, id: 'embedding-value' }],
    highlight: true,
  });
  s.vocab.forEach((w, i) => {
    const on = i === s.centre;
    const inBox = b.box(`onehot-${i}`, { x: 16, y: rowY(i) - ROW_H / 2, w: 136, h: ROW_H }, QUANTITY.input, { lines: [`${w}: ${on ? 1 : 0}`], fillTint: on ? 0.55 : 0.9, highlight: on });
    if (on) b.arrow([anchorOf(inBox, 'right'), anchorOf(emb, 'left')], QUANTITY.embedding, { width: 3, highlight: true });
    const positive = s.positives.includes(i);
    const outBox = b.box(`out-${i}`, { x: 470, y: rowY(i) - ROW_H / 2, w: 154, h: ROW_H }, positive ? QUANTITY.hidden : QUANTITY.gradient, {
      lines: [{ text: `${w} ${(s.probabilities[i]! * 100).toFixed(0)}%`, id: `p-${i}` }],
      dashed: !positive,
      fillTint: positive ? 0.7 : 0.92,
    });
    b.arrow([anchorOf(emb, 'right'), anchorOf(outBox, 'left')], positive ? QUANTITY.hidden : INK.line, { width: positive ? 2.5 : 1.2 });
  });
  b.edgeLabel(`row of W_in [${V}×${D}]`, 307, emb.y - 22, QUANTITY.embedding);
  b.edgeLabel(`W_out [${D}×${V}]`, 307, emb.y + emb.h + 22, QUANTITY.prediction);
  const yText = rowY(V - 1) + 56;
  b.text('solid green: a real neighbour, its probability is pushed up', 16, yText, { fill: QUANTITY.hidden });
  b.text('dashed red: negative samples, pushed down; with 3M words', 16, yText + 24, { fill: QUANTITY.gradient });
  b.text('only the neighbour and k = 5 random words are updated', 16, yText + 48, { fill: QUANTITY.gradient });
  const alt =
    `Skip-gram network: one-hot ${centre} selects its embedding row [${s.embedding.map(n2).join(', ')}]; the output weights and softmax give ` +
    s.vocab.map((w, i) => `${w} ${(s.probabilities[i]! * 100).toFixed(0)}%`).join(', ') +
    `; real neighbours: ${s.positives.map((i) => s.vocab[i]).join(', ')}; the other words are negative samples.`;
  return b.build('word2vec-diagram.png', alt);
}
