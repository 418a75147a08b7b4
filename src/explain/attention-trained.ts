// /explain attention step:true on our TRAINED attention model (models/translate/attention): the
// user's sentence, decoded greedily, each decoder step in three stages up to the word it picks.
// Loaded lazily by path like shipped-translation.ts, so /explain works without the model.
import { renderBarChart, renderLineChart } from '../render/index.ts';
import type { AttentionDemo } from './attention.ts';
import { fixed, percent } from './math.ts';
import { modelAvailable } from './shipped-translation.ts';

type Walk = import('../nn/translate/infer/attention-steps.ts').AttentionWalk;
const STEPS = '../nn/translate/infer/attention-steps.ts';

/** A trained run in the explainer's shape, plus what the output layer picked at each step. */
export interface TrainedAttention extends AttentionDemo {
  picks: { word: string; probability: number; runnerUp: { word: string; probability: number } }[];
}

export class UnknownSentenceWords extends Error {
  constructor(readonly words: string[]) {
    super(`unknown words: ${words.join(', ')}`);
  }
}

const cache = new Map<string, TrainedAttention>();

/** undefined when the trained model is not installed; throws UnknownSentenceWords for words it does not know. */
export async function trainedAttention(sentence: string): Promise<TrainedAttention | undefined> {
  const hit = cache.get(sentence);
  if (hit) return hit;
  if (!(await modelAvailable('attention'))) return undefined;
  const mod = (await import(STEPS)) as typeof import('../nn/translate/infer/attention-steps.ts');
  let w: Walk;
  try {
    w = await mod.attentionWalk(sentence);
  } catch (err) {
    if (err instanceof mod.UnknownWordsError) throw new UnknownSentenceWords(err.words);
    throw err;
  }
  const demo: TrainedAttention = {
    input: w.source,
    target: w.steps.map((s) => s.chosen),
    steps: w.steps.map((s) => ({ decoderInput: s.decoderInput, query: s.query, keys: w.encoderOutputs, scores: s.scores, weights: s.weights, attended: s.context })),
    picks: w.steps.map((s) => ({ word: s.chosen, probability: s.probability, runnerUp: s.runnerUp })),
  };
  if (cache.size > 50) cache.clear();
  cache.set(sentence, demo);
  return demo;
}

const SHOWN = 4;
const head = (v: readonly number[]) => `[${v.slice(0, SHOWN).map((x) => fixed(x)).join(', ')}, …]`;

export function trainedStageText(d: TrainedAttention, j: number, stage: number): string {
  const s = d.steps[j]!;
  const n = s.query.length;
  if (stage === 0) {
    return (
      `**Similarities**: the decoder's short-term memory (${n} numbers, ${head(s.query)}) dot each encoder output (${n} numbers per input word).\n\`\`\`\n` +
      d.input.map((w, i) => `${w.padEnd(10)} ${head(s.keys[i]!)} · memory = ${fixed(s.scores[i]!, 2)}`).join('\n') +
      '\n```'
    );
  }
  if (stage === 1) {
    return `**Softmax**: the similarities become percentages that add up to 100%.\n\`\`\`\nsoftmax(${s.scores.map((x) => fixed(x, 2)).join(', ')})\n= ${s.weights.map((w, i) => `${d.input[i]} ${percent(w, 1)}`).join(', ')}\n\`\`\``;
  }
  const p = d.picks[j]!;
  const last = p.word === '<EOS>';
  return (
    `**Weighted sum**: Σ percentage × encoder output = ${head(s.attended)} (${n} numbers; chart). ` +
    `With the decoder's memory it goes through the attention layer, tanh(W·[memory; weighted sum] + b), then the output layer and a softmax over the Spanish words:\n` +
    `→ **${p.word}** ${percent(p.probability, 1)} (next best: ${p.runnerUp.word} ${percent(p.runnerUp.probability, 1)})` +
    (last ? `\n\n<EOS> ends the sentence: "${d.input.join(' ')}" → **${d.target.slice(0, -1).join(' ')}**.` : `; **${p.word}** is fed back as the next decoder input.`)
  );
}

export function trainedStageChart(d: TrainedAttention, j: number, stage: number) {
  const s = d.steps[j]!;
  if (stage < 2) {
    const scores = stage === 0;
    return renderBarChart({
      title: scores ? `Similarity of each input word, decoder input ${s.decoderInput}` : `Attention %, decoder input ${s.decoderInput}`,
      categories: d.input,
      series: [{ name: scores ? 'dot product' : 'attention', data: scores ? s.scores : s.weights }],
      xLabel: 'input word (encoder)',
      yLabel: scores ? 'dot product with memory' : 'attention',
      yMin: scores ? undefined : 0,
      yMax: scores ? undefined : 1,
      showValues: true,
      valueFormat: scores ? 'fixed2' : 'percent',
      filename: 'attention-step.png',
      alt: `${scores ? 'Dot products' : 'Attention weights'} for ${d.input.join(', ')}: ${(scores ? s.scores : s.weights).map((v) => fixed(v, 3)).join(', ')}.`,
    });
  }
  const top = s.weights.indexOf(Math.max(...s.weights));
  const dims = s.attended.map((_, i) => i);
  return renderLineChart({
    title: `Weighted sum (${s.attended.length} numbers) → ${d.picks[j]!.word}`,
    x: dims,
    series: [
      { name: 'weighted sum', data: s.attended },
      { name: `"${d.input[top]}" output (${percent(s.weights[top]!)})`, data: s.keys[top]!, dashed: true },
    ],
    xLabel: 'dimension',
    yLabel: 'value',
    filename: 'attention-weighted-sum.png',
    alt: `Line chart of the ${s.attended.length} numbers of the weighted sum at decoder step ${j + 1}, next to the encoder output of "${d.input[top]}", which has ${percent(s.weights[top]!)} of the attention.`,
  });
}
