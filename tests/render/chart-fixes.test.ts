// Issue 16 §3: the specific charts the review found hard to read, checked from their layout.
import { describe, expect, it } from 'vitest';
import { lstmChart } from '../../src/explain/lstm-trace.ts';
import { DEFAULT_LSTM_INPUT } from '../../src/explain/lstm.ts';
import { rnnChart } from '../../src/explain/rnn.ts';
import { runLstm } from '../../src/nn/lstm-unit.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';
import { recordLabels, type ChartLabels } from '../../src/render/label-box.ts';

const labels = (c: ChartLabels) => c.labels.map((l) => l.text);
/** Tick labels left of the plot, top to bottom. */
const yTicks = (c: ChartLabels) => c.labels.filter((l) => l.right < 110 && l.left > 30 && l.bottom < c.height - 50 && /^-?[\d.e-]+$/.test(l.text)).sort((a, b) => a.top - b.top).map((l) => l.text);

describe('LSTM chart', () => {
  const days = runLstm(loadPredictModels().lstm, DEFAULT_LSTM_INPUT);
  it('has two panels: memories, and gates on a fixed 0–1 axis', () => {
    const { charts } = recordLabels(() => lstmChart(days, 'LSTM'));
    const ticks = yTicks(charts[0]!);
    expect(ticks.slice(-6)).toEqual(['1', '0.8', '0.6', '0.4', '0.2', '0']);
    expect(labels(charts[0]!)).toEqual(expect.arrayContaining(['memory', 'gate (0–1)']));
  });

  it('keeps the same axes on every step of the step-through', () => {
    const ticks = [1, 2, 3, 4].map((upTo) => yTicks(recordLabels(() => lstmChart(days, 'LSTM', upTo)).charts[0]!));
    for (const t of ticks) expect(t).toEqual(ticks[3]);
  });
});

describe('RNN gradient chart', () => {
  it('labels only whole powers of ten on its log axis, evenly spaced', () => {
    for (const days of [10, 30, 50]) {
      const ticks = yTicks(recordLabels(() => rnnChart(days)).charts[0]!);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      const exps = ticks.map((t) => Math.log10(Number(t)));
      for (const e of exps) expect(e).toBeCloseTo(Math.round(e), 9);
      const steps = exps.slice(1).map((e, i) => exps[i]! - e);
      for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 9);
    }
  });
});

describe('/neighbors map', () => {
  it('labels all 10 neighbours (no far-away words squeezing them)', async () => {
    const { neighborsReply } = await import('../../commands/neighbors.ts');
    for (const word of ['king', 'monday', 'water']) {
      const { result, charts } = recordLabels(() => neighborsReply(word, 10));
      const words = [...result.text.matchAll(/^\d+\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]!);
      expect(words).toHaveLength(10);
      expect(labels(charts[0]!)).toEqual(expect.arrayContaining([word, ...words]));
    }
  });
});

describe('word2vec toy chart', () => {
  it('draws each word as a ray from the origin with equal scales, labels in full', async () => {
    const { w2vChart } = await import('../../src/explain/word2vec.ts');
    const { trainToyWord2vec } = await import('../../src/explain/word2vec-toy.ts');
    const { scatterLayout } = await import('../../src/render/scatter.ts');
    const r = trainToyWord2vec();
    const { charts } = recordLabels(() => w2vChart(r));
    expect(labels(charts[0]!)).toEqual(expect.arrayContaining([...r.vocab]));
    expect(labels(charts[0]!).some((l) => l.includes('…'))).toBe(false);
    // the spec the chart drew: one arrow from "0" per word, and equal px per unit
    const spec = { points: [{ x: 0, y: 0, label: '0' }, ...r.vocab.map((w, k) => ({ x: r.after[k]![0]!, y: r.after[k]![1]!, label: w }))], arrows: r.vocab.map((w) => ({ from: '0', to: w })), equalAspect: true };
    const l = scatterLayout(spec);
    expect(l.plot.width / (l.x.max - l.x.min)).toBeCloseTo(l.plot.height / (l.y.max - l.y.min), 6);
    expect(l.arrows).toHaveLength(r.vocab.length);
  });
});

describe('token strip', () => {
  it('is cropped to its content', async () => {
    const { renderTokenStrip } = await import('../../src/render/index.ts');
    const { result, charts } = recordLabels(() => renderTokenStrip({ title: '3 tokens', tokens: [{ text: 'Hi', id: 1 }, { text: ' there', id: 2 }, { text: '!', id: 3 }] }));
    expect(result.width).toBeLessThan(640);
    expect(result.height).toBeLessThan(120);
    const c = charts[0]!;
    expect(Math.max(...c.labels.map((l) => l.bottom))).toBeGreaterThan(c.height - 20); // ids end near the bottom edge
  });
});

describe('11×11 attention heatmap', () => {
  it('writes every cell value of 1% and up at ≥ 15 px, at 640 px wide', async () => {
    const { renderHeatmap } = await import('../../src/render/index.ts');
    const words = 'my sister likes the pizza because it is really very delicious'.split(' ');
    const values = words.map((_, i) => words.map((_, j) => (i === j ? 0.999 : 0.001 / (words.length - 1))));
    values[0] = words.map(() => 1 / words.length);
    const { charts } = recordLabels(() => renderHeatmap({ rows: words, cols: words, values, min: 0, max: 1, valueFormat: 'percent', xLabel: 'attends to', yLabel: 'word', title: 'Self-attention' }));
    const c = charts[0]!;
    expect(c.width).toBe(640);
    const cells = c.labels.filter((l) => /^\d+%?$/.test(l.text));
    expect(cells.length).toBe(words.length + 10 + 2); // row 0: 11 × 9, the 10 diagonal 100s, the scale ends 100% and 0%
    for (const l of cells) expect(l.fontSize).toBeGreaterThanOrEqual(15);
  });
});
