// Step-through in chat: /explain topic:lstm|attention step:true posts step 1 with ◀ Back / Next ▶.
// Button ids carry all the state ("explain:s:<topic>:<step>:<input>"), so nothing is kept on the
// server and a restart breaks nothing; anything malformed or out of range gets a friendly message.
import type { Button, Reply } from '../core/reply.ts';
import { LIMITS } from '../core/reply.ts';
import { runLstm } from '../nn/lstm-unit.ts';
import { loadPredictModels } from '../nn/predict/model.ts';
import { attentionDemo, attentionHeatmap, similarityLine, softmaxLine, stageChart, weightedSumLine } from './attention.ts';
import { attentionDiagramImage, lstmDiagramImage } from './diagrams.ts';
import { dayWalkthrough } from './lstm.ts';
import { lstmChart } from './lstm-trace.ts';
import { fixed } from './math.ts';

export const STEP_TOPICS = ['lstm', 'attention'] as const;
export type StepTopic = (typeof STEP_TOPICS)[number];
export const MAX_STEP_DAYS = 10;

/** Known attention inputs and the output the toy decoder is teacher-forced with. */
export const ATTENTION_PAIRS: Readonly<Record<string, readonly string[]>> = {
  "let's go": ['vamos', '<EOS>'],
  'to go': ['ir', '<EOS>'],
};

export interface StepState {
  topic: StepTopic;
  step: number; // 1-based
  input: string; // lstm: "1,0.5,0.25,1"; attention: "let's go"
}

export class StepError extends Error {}

/** Values are rounded to 3 decimals so the id stays short and every step uses the same numbers. */
export function encodeLstmInput(values: readonly number[]): string {
  return values.map((v) => String(Number(v.toFixed(3)))).join(',');
}

function decodeLstmInput(input: string): number[] {
  const parts = input.split(',');
  const xs = parts.map(Number);
  if (parts.length < 1 || parts.length > MAX_STEP_DAYS || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p)) || xs.some((x) => x < 0 || x > 1)) {
    throw new StepError('bad input');
  }
  return xs;
}

export function stepId(s: StepState): string {
  return `explain:s:${s.topic}:${s.step}:${s.input}`;
}

export function parseStepPayload(payload: string): StepState {
  const m = /^s:(lstm|attention):(\d{1,3}):(.+)$/.exec(payload);
  if (!m) throw new StepError('not a step id');
  return { topic: m[1] as StepTopic, step: Number(m[2]), input: m[3]! };
}

export function stepCount(s: Pick<StepState, 'topic' | 'input'>): number {
  if (s.topic === 'lstm') return decodeLstmInput(s.input).length;
  // Own keys only: a forged id ending in ":constructor" must not find Object.prototype's members.
  const target = Object.hasOwn(ATTENTION_PAIRS, s.input) ? ATTENTION_PAIRS[s.input] : undefined;
  if (!target) throw new StepError('unknown sentence');
  return target.length * 3;
}

function buttons(s: StepState, total: number): Button[] {
  return [
    { id: stepId({ ...s, step: s.step - 1 }), label: '◀ Back', style: 'secondary', disabled: s.step <= 1 },
    { id: stepId({ ...s, step: s.step + 1 }), label: 'Next ▶', style: 'primary', disabled: s.step >= total },
  ];
}

function lstmStepReply(s: StepState, total: number): Reply {
  const xs = decodeLstmInput(s.input);
  const days = runLstm(loadPredictModels().lstm, xs);
  const d = days[s.step - 1]!;
  const marked = xs.map((x, i) => (i === s.step - 1 ? `**${fixed(x)}**` : fixed(x))).join(', ');
  const end = s.step === total ? `\n\nThat was the last day: the prediction is the final short-term memory, **${fixed(d.shortOut, 3)}**.` : '';
  return {
    title: `LSTM step-through: day ${s.step} of ${total}`,
    text: `Input days: ${marked}\n\n${dayWalkthrough(d)}${end}`,
    // The cell diagram with this day's numbers, the path its gates open lit; then the trace so far.
    images: [lstmDiagramImage(xs, s.step), lstmChart(days, `LSTM memories and gates up to day ${s.step}`, s.step)],
  };
}

const STAGES = ['Similarities', 'Softmax', 'Weighted sum'] as const;

function attentionStepReply(s: StepState, total: number): Reply {
  const target = ATTENTION_PAIRS[s.input]!;
  const d = attentionDemo(s.input.split(' '), target);
  const j = Math.floor((s.step - 1) / 3);
  const stage = (s.step - 1) % 3;
  const st = d.steps[j]!;
  const head = `Decoder step ${j + 1} of ${target.length} (decoder input **${st.decoderInput}**${j > 0 ? ', teacher forcing' : ''}); input sentence "${d.input.join(' ')}". Toy encoder–decoder with untrained stand-in weights: the arithmetic is real, the focus is not learned.\n\n`;
  const body = [
    `**${STAGES[0]}**: dot product of the decoder's short-term memory with each encoder output.\n\`\`\`\n${similarityLine(d, j)}\n\`\`\``,
    `**${STAGES[1]}**: turn the similarities into percentages that add up to 100%.\n\`\`\`\n${softmaxLine(d, j)}\n\`\`\``,
    `**${STAGES[2]}**: add up the encoder outputs, each scaled by its percentage. This vector goes, with the decoder's memory, into a fully connected layer and a softmax over the output words.\n\`\`\`\n${weightedSumLine(d, j)}\n\`\`\``,
  ][stage]!;
  const image = stage === 2 ? attentionHeatmap(d, j + 1) : stageChart(d, j, stage === 0 ? 'scores' : 'weights');
  // The diagram lights up what this stage computes: the scores, the softmax or the weighted sum.
  const diagram = attentionDiagramImage(d, j, (['scores', 'softmax', 'sum'] as const)[stage]);
  return { title: `Attention step-through: ${s.step} of ${total}, ${STAGES[stage]}`, text: head + body, images: [diagram, image] };
}

/** The reply for one step; throws StepError for anything out of range. */
export function stepReply(s: StepState): Reply {
  const total = stepCount(s);
  if (!Number.isInteger(s.step) || s.step < 1 || s.step > total) throw new StepError('out of range');
  if (stepId(s).length > LIMITS.buttonId || stepId({ ...s, step: total }).length > LIMITS.buttonId) throw new StepError('id too long');
  const r = s.topic === 'lstm' ? lstmStepReply(s, total) : attentionStepReply(s, total);
  return { ...r, buttons: buttons(s, total) };
}

export const STEP_HELP = 'That step-through button is out of date or not one of mine. Start again with `/explain topic:lstm step:true` or `/explain topic:attention step:true`.';
