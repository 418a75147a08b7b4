// /explain attention — dot-product similarity → softmax → weighted sum, computed on the toy
// encoder–decoder (untrained stand-in weights) for "let's go" → "vamos <EOS>".
import { renderBarChart, renderHeatmap } from '../render/index.ts';
import { fixed, percent } from './math.ts';
import { attend, buildToySeq2seq, encode, type AttentionStep } from './toy-seq2seq.ts';
import { attentionLines, realRun } from './shipped-translation.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';

export const ATTENTION_INPUT = ["let's", 'go'];
export const ATTENTION_TARGET = ['vamos', '<EOS>'];

export interface AttentionDemo {
  input: string[];
  target: string[];
  steps: AttentionStep[];
}

export function attentionDemo(input: readonly string[] = ATTENTION_INPUT, target: readonly string[] = ATTENTION_TARGET): AttentionDemo {
  const m = buildToySeq2seq();
  const enc = encode(m, input);
  return { input: [...input], target: [...target], steps: attend(m, enc, target) };
}

const vec = (v: readonly number[]) => `[${v.map((x) => fixed(x)).join(', ')}]`;

/** Rows: decoder steps (by the word fed in); columns: input words; cells: attention %. */
export function attentionHeatmap(d: AttentionDemo, rowsShown = d.steps.length) {
  return renderHeatmap({
    title: 'Attention: % of each input word used per decoder step',
    rows: d.steps.slice(0, rowsShown).map((s) => `in: ${s.decoderInput}`),
    cols: d.input,
    values: d.steps.slice(0, rowsShown).map((s) => s.weights),
    min: 0,
    max: 1,
    valueFormat: 'percent',
    xLabel: 'input word (encoder)',
    yLabel: 'decoder step',
    filename: 'attention.png',
    alt: `Heatmap of attention percentages: ${d.steps.slice(0, rowsShown).map((s) => `${s.decoderInput} → ${s.weights.map((w, i) => `${d.input[i]} ${percent(w)}`).join(', ')}`).join('; ')}.`,
  });
}

export function stageChart(d: AttentionDemo, step: number, stage: 'scores' | 'weights') {
  const s = d.steps[step]!;
  return renderBarChart({
    title: stage === 'scores' ? `Similarities (dot products), decoder input ${s.decoderInput}` : `Softmax: attention %, decoder input ${s.decoderInput}`,
    categories: d.input,
    series: [{ name: stage === 'scores' ? 'dot product' : 'attention', data: stage === 'scores' ? s.scores : s.weights }],
    yMin: stage === 'weights' ? 0 : undefined,
    yMax: stage === 'weights' ? 1 : undefined,
    xLabel: 'input word (encoder)',
    yLabel: stage === 'scores' ? 'dot product' : 'attention',
    showValues: true,
    valueFormat: stage === 'scores' ? 'fixed2' : 'percent',
    filename: 'attention-step.png',
    alt: `${stage === 'scores' ? 'Dot products' : 'Attention weights'} for ${d.input.join(', ')}: ${(stage === 'scores' ? s.scores : s.weights).map((v) => fixed(v, 3)).join(', ')}.`,
  });
}

export function similarityLine(d: AttentionDemo, step: number): string {
  const s = d.steps[step]!;
  return d.input.map((w, i) => `sim(${w}, ${s.decoderInput}) = ${vec(s.keys[i]!)}·${vec(s.query)} = ${fixed(s.scores[i]!, 3)}`).join('\n');
}

export function softmaxLine(d: AttentionDemo, step: number): string {
  const s = d.steps[step]!;
  return `softmax(${s.scores.map((x) => fixed(x, 3)).join(', ')}) = ${s.weights.map((w, i) => `${d.input[i]} ${percent(w, 1)}`).join(', ')}`;
}

export function weightedSumLine(d: AttentionDemo, step: number): string {
  const s = d.steps[step]!;
  return `${s.weights.map((w, i) => `${fixed(w, 3)}·${vec(s.keys[i]!)}`).join(' + ')} = ${vec(s.attended)}`;
}

async function explain(input: ExplainInput): Promise<Explanation> {
  const d = attentionDemo();
  const why =
    'Plain seq2seq squeezes the whole input into one context vector, so long inputs lose detail, and sometimes one word must never be lost: "don\'t eat" vs "do eat" differ in a single early word. ' +
    '**Attention** adds an extra path from every encoder output to every decoder step, so each step can look straight at the input words it needs.\n\n' +
    'At each decoder step:\n' +
    '1. **Similarity**: dot product of the decoder\'s short-term memory with each encoder output (like cosine similarity, without dividing by the lengths; Luong et al. 2015, where Bahdanau et al. 2015 used a small feed-forward network).\n' +
    '2. **Softmax** turns the scores into percentages that add up to 100%: how much of each input word to use.\n' +
    '3. **Weighted sum** of the encoder outputs with those percentages; it goes, with the decoder\'s memory, into a fully connected layer and a softmax that picks the next word.\n';
  const s0 = d.steps[0]!;
  const demo =
    `\nComputed now on "${d.input.join(' ')}" with the toy encoder–decoder (untrained stand-in weights: the arithmetic is real, but nothing has been learned, so the split stays close to even; training is what sharpens it). First decoder step (input <EOS>):\n` +
    '```\n' + similarityLine(d, 0) + '\n' + softmaxLine(d, 0) + '\n```';
  const title = 'Attention: similarity → softmax → weighted sum';
  if (input.depth === 'quick') {
    return { title, text: why + demo + '\nStep through our trained model on your sentence: `/explain topic:attention step:true text:the cat is on the table`.', image: attentionHeatmap(d) };
  }
  return {
    title,
    text: why + `\nThe sections below compute each decoder step on "${d.input.join(' ')}" with the toy encoder–decoder (untrained stand-in weights: the arithmetic is real, but nothing has been learned, so the split stays close to even).`,
    image: attentionHeatmap(d),
    sections: d.steps.map((s, i) => ({
      name: `Decoder step ${i + 1} (input ${s.decoderInput}${i > 0 ? ', teacher forcing' : ''})`,
      value: '```\n' + similarityLine(d, i) + '\n' + softmaxLine(d, i) + '\nweighted sum: ' + weightedSumLine(d, i) + '\n```',
    })).concat([
      {
        name: 'The key point',
        value:
          'Whatever the model (LSTM seq2seq or transformer), attention means the same thing: an extra path from each input position so every decoder step can use those values directly, with percentages it computes itself. ' +
          `Here the untrained stand-in weights split the first step ${percent(s0.weights[0]!)} / ${percent(s0.weights[1]!)}; a trained model learns sharper percentages.`,
      },
      {
        name: 'Who scored how',
        value:
          'Scoring by a plain dot product, and feeding the weighted sum with the decoder\'s memory into a fully connected "attention output" layer, is Luong, Pham and Manning (2015, "Effective Approaches to Attention-based NMT"). ' +
          'The first attention for translation, Bahdanau, Cho and Bengio (2015), scored each encoder output with a small feed-forward network (tanh of the decoder state and encoder output, each through its own weights) instead. Transformers use the dot product, divided by √d.',
      },
      { name: 'Dot product vs cosine similarity', value: 'Cosine similarity is the dot product divided by both vectors\' lengths. The dot product is cheaper and also lets a bigger vector score higher; softmax then normalises the scores anyway.' },
      await realRunField(),
      { name: 'See also', value: '/explain transformer (attention without recurrence), /explain alice-tn (what the notes call "Alice TN networks").' },
    ]),
  };
}

export const attentionTopic: Topic = {
  id: 'attention',
  title: 'Attention',
  summary: 'why seq2seq forgets long inputs, and dot product → softmax → weighted sum, step by step',
  explain,
};

/** The RNN attention model if shipped, else the transformer's encoder–decoder attention. */
async function realRunField() {
  const run = (await realRun('attention')) ?? (await realRun('transformer'));
  if (!run || run.attention.length === 0) {
    return { name: 'Learned attention', value: 'Attention learned by a trained translator will be shown by /translate once the translation models ship; this page does not invent it.' };
  }
  return {
    name: run.model === 'attention' ? 'Learned attention (our trained attention model, models/translate)' : 'Learned attention (our trained transformer: encoder–decoder attention, last layer, heads averaged)',
    value: `Just now: "${run.english}" → **${run.text}**\nFor each output word, the input words it used most:\n\`\`\`\n${attentionLines(run)}\n\`\`\`\nThe full heatmap: \`/translate text:${run.english} model:${run.model}\`.`,
  };
}
