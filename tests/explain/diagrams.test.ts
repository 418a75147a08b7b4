// Each /explain topic's reply leads with its architecture diagram, drawn with the numbers the
// topic's own explainer computes; the step-through lights up the stage each step computes.
import { describe, expect, it } from 'vitest';
import { explain } from '../../commands/explain.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchButton, dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { attentionDemo } from '../../src/explain/attention.ts';
import { runLstm } from '../../src/nn/lstm-unit.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';
import { attentionDiagram } from '../../src/render/diagram/attention.ts';
import { HIGHLIGHT } from '../../src/render/palette.ts';
import { findBox } from '../../src/render/diagram/layout.ts';
import { HALO } from '../../src/render/diagram/svg.ts';
import { decode, distance } from '../render/png.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([explain]);
const run = (line: string) => dispatchLine(registry, line, ctx);

const DIAGRAMS = {
  rnn: 'rnn-unrolled.png',
  lstm: 'lstm-cell.png',
  word2vec: 'word2vec-diagram.png',
  seq2seq: 'seq2seq-diagram.png',
  attention: 'attention-diagram.png',
  transformer: 'transformer-diagram.png',
} as const;

describe('/explain leads with the architecture diagram', () => {
  for (const [topic, file] of Object.entries(DIAGRAMS)) {
    it(`${topic}: quick and deep replies' first image is the diagram, the data chart second`, async () => {
      for (const depth of ['quick', 'deep']) {
        const out = await run(`/explain topic:${topic} depth:${depth}`);
        const images = out.reply.images ?? [];
        expect(images.map((i) => i.filename)[0]).toBe(file);
        expect(images).toHaveLength(2);
        expect(images[0]!.width).toBe(640);
        expect(images[0]!.alt.length).toBeGreaterThan(40);
      }
    });
  }

  it('lstm: the diagram carries the last day of the values asked for', async () => {
    const xs = [0.2, 0.9, 0.4];
    const out = await run(`/explain topic:lstm values:${xs.join(',')}`);
    const last = runLstm(loadPredictModels().lstm, xs)[2]!;
    expect(out.reply.images![0]!.alt).toContain(`day 3, input 0.40`);
    expect(out.reply.images![0]!.alt).toContain(last.shortOut.toFixed(3));
  });
});

describe('step-through highlights what each step computes', () => {
  it('attention: scores, then softmax, then the weighted sum lit on the diagram', async () => {
    const d = attentionDemo();
    const s = d.steps[0]!;
    // The same layout the reply draws, for where to look.
    const layout = attentionDiagram({ words: d.input, keys: s.keys, query: s.query, decoderInput: s.decoderInput, scores: s.scores, weights: s.weights, attended: s.attended });
    const lit = (png: Uint8Array, id: string) => {
      const b = findBox(layout, id);
      return distance(decode(png).at(b.x + 10, b.y - HALO / 2), HIGHLIGHT) < 30;
    };
    let reply = (await run('/explain topic:attention step:true')).reply;
    const expected = [['score-0', 'sum'], ['softmax-0', 'score-0'], ['sum', 'softmax-0']];
    for (const [on, off] of expected) {
      const png = reply.images![0]!.data;
      expect(reply.images![0]!.filename).toBe('attention-diagram.png');
      expect(lit(png, on!)).toBe(true);
      expect(lit(png, off!)).toBe(false);
      reply = (await dispatchButton(registry, reply.buttons![1]!.id, ctx)).reply;
    }
  });

  it('lstm: each day step shows the cell with that day’s numbers', async () => {
    const first = (await run('/explain topic:lstm step:true')).reply;
    const second = (await dispatchButton(registry, first.buttons![1]!.id, ctx)).reply;
    expect(first.images![0]!.alt).toMatch(/^LSTM cell on day 1,/);
    expect(second.images![0]!.alt).toMatch(/^LSTM cell on day 2,/);
  });
});
