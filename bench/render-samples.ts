// Realistic chart specs for the render benchmark and for looking at the pictures
// (RENDER_SAMPLES_DIR=/tmp/charts npm run bench -- render writes each one as PNG there).
import type { BarSpec, HeatmapSpec, LineSpec, ScatterSpec, Theme } from '../src/render/types.ts';

const tokens = ['<s>', 'the', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'warm', '.'];

/** A causal self-attention map over 12 tokens, rows summing to 1. */
export function heatmapSample(theme: Theme = 'light'): HeatmapSpec {
  const values = tokens.map((_, i) => {
    const row = tokens.map((_, j) => (j <= i ? Math.exp(-Math.abs(i - j) / 1.5) + (j === 0 ? 0.8 : 0) : 0));
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => v / sum);
  });
  return { title: 'Self-attention, layer 1, head 2', rows: tokens, cols: tokens, values, xLabel: 'key', yLabel: 'query', theme };
}

export function divergingSample(theme: Theme = 'light'): HeatmapSpec {
  const dims = 32;
  const values = Array.from({ length: 20 }, (_, p) =>
    Array.from({ length: dims }, (_, i) => (i % 2 ? Math.cos : Math.sin)(p / 10000 ** ((2 * Math.floor(i / 2)) / dims))),
  );
  return { title: 'Positional encoding', rows: values.map((_, p) => `pos ${p}`), cols: values[0]!.map((_, i) => `${i}`), values, diverging: true, xLabel: 'dimension', yLabel: 'position', theme };
}

export function lineSample(theme: Theme = 'light'): LineSpec {
  const x = Array.from({ length: 30 }, (_, i) => i + 1);
  return {
    title: 'Training loss',
    x,
    xLabel: 'epoch',
    yLabel: 'cross-entropy',
    logY: true,
    theme,
    series: [
      { name: 'LSTM train', data: x.map((e) => 3 * Math.exp(-e / 6) + 0.2) },
      { name: 'LSTM validation', data: x.map((e) => 3 * Math.exp(-e / 7) + 0.35), dashed: true },
      { name: 'Transformer train', data: x.map((e) => 4 * Math.exp(-e / 3) + 0.08) },
      { name: 'Transformer validation', data: x.map((e) => 4 * Math.exp(-e / 4) + 0.25), dashed: true },
    ],
  };
}

export function scatterSample(theme: Theme = 'light'): ScatterSpec {
  const p = (label: string, x: number, y: number, group: string) => ({ label, x, y, group });
  return {
    title: 'word2vec neighbours (PCA)',
    theme,
    xLabel: 'PC 1',
    yLabel: 'PC 2',
    points: [
      p('king', 1.9, 1.6, 'royalty'), p('queen', 2.1, 0.4, 'royalty'), p('prince', 1.4, 1.9, 'royalty'), p('princess', 1.6, 0.2, 'royalty'),
      p('man', -0.6, 1.5, 'people'), p('woman', -0.4, 0.3, 'people'), p('boy', -1.1, 1.8, 'people'), p('girl', -0.9, 0.1, 'people'),
      p('paris', -1.8, -1.6, 'places'), p('france', -1.2, -1.9, 'places'), p('rome', 0.1, -1.5, 'places'), p('italy', 0.6, -1.8, 'places'),
      p('internationalization', 2.4, -1.2, 'places'),
    ],
    arrows: [{ from: 'man', to: 'king' }, { from: 'woman', to: 'queen' }],
  };
}

export function barSample(theme: Theme = 'light'): BarSpec {
  return {
    title: 'Next word after "the cat sat on the"',
    theme,
    categories: ['mat', 'floor', 'sofa', 'roof', 'windowsill', 'keyboard', 'antidisestablishmentarianism'],
    series: [
      { name: 'LSTM', data: [0.41, 0.18, 0.12, 0.07, 0.05, 0.03, 0.001] },
      { name: 'Transformer', data: [0.52, 0.14, 0.09, 0.05, 0.08, 0.02, 0.002] },
    ],
    yLabel: 'probability',
  };
}

export function horizontalBarSample(theme: Theme = 'light'): BarSpec {
  return {
    title: 'Nearest neighbours of "king"',
    theme,
    horizontal: true,
    categories: ['queen', 'monarch', 'prince', 'throne', 'kingdom', 'crown'],
    series: [{ name: 'cosine similarity', data: [0.78, 0.71, 0.66, 0.61, 0.58, 0.52] }],
    yLabel: 'cosine similarity',
  };
}

/** What /translate draws for a 10-word sentence: 12 Spanish outputs × 11 English inputs, percent values. */
export function attentionSample(theme: Theme = 'light'): HeatmapSpec {
  const src = ['i', 'want', 'to', 'eat', 'a', 'big', 'red', 'apple', 'every', 'day', '<eos>'];
  const out = ['quiero', 'comer', 'una', 'manzana', 'roja', 'grande', 'todos', 'los', 'días', '.', '<eos>', '¡ya!'];
  const values = out.map((_, i) => {
    const row = src.map((_, j) => Math.exp(-Math.abs(i - j)) + 0.01);
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((v) => v / sum);
  });
  return { title: 'Where the transformer looked', rows: out, cols: src, values, xLabel: 'English (input)', yLabel: 'Spanish (output)', min: 0, max: 1, valueFormat: 'percent', theme };
}

/** What /neighbors word:king draws: the word, its 10 nearest, 3 far-away words (PCA coordinates). */
export function neighboursSample(theme: Theme = 'light'): ScatterSpec {
  const p = (label: string, x: number, y: number, group: string) => ({ label, x, y, group });
  return {
    title: 'Nearest words to king (PCA, 2-D)',
    theme,
    xLabel: 'PC1 (31% of variance)',
    yLabel: 'PC2 (18%)',
    points: [
      p('king', 1.9, 1.6, 'your word'), p('queen', 2.1, 0.4, 'nearest'), p('prince', 1.4, 1.9, 'nearest'), p('throne', 1.6, 0.2, 'nearest'),
      p('emperor', -0.6, 1.5, 'nearest'), p('monarch', -0.4, 0.3, 'nearest'), p('kingdom', -1.1, 1.8, 'nearest'), p('duke', -0.9, 0.1, 'nearest'),
      p('crown', -1.8, -1.6, 'nearest'), p('royal', -1.2, -1.9, 'nearest'), p('reign', 0.1, -1.5, 'nearest'),
      p('potato', 0.6, -1.8, 'far away'), p('software', 2.4, -1.2, 'far away'), p('pizza', 2.0, -0.2, 'far away'),
    ],
  };
}
