// "What share of its long-term memory does our LSTM's forget gate keep on day N?": a random price
// sequence is run through the shipped one-unit LSTM (models/predict, the notes' stock toy) and
// the answer is the forget gate the model actually computes on that day.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPredictModels, MODEL_DIR } from '../../nn/predict/model.ts';
import { runLstm, type LstmDay } from '../../nn/lstm-unit.ts';
import { pickOne, type Rng } from '../random.ts';
import type { GeneratedQuestion, QuestionGenerator } from './types.ts';

const PRICES = [0, 0.25, 0.5, 0.75, 1];

function pct(x: number): number {
  return Math.round(x * 100);
}

/** Wrong choices from the same run (other gates, other days, the complement), at least 6 points apart. */
function distractors(days: LstmDay[], dayIndex: number, answer: number): number[] {
  const d = days[dayIndex];
  const pool = [
    pct(d.inputGate),
    pct(d.output),
    100 - answer,
    ...days.filter((_, i) => i !== dayIndex).map((o) => pct(o.forget)),
    answer + 15,
    answer - 15,
    answer + 30,
    answer - 30,
  ];
  const out: number[] = [];
  for (const p of pool) {
    if (p < 0 || p > 100) continue;
    if ([answer, ...out].some((q) => Math.abs(q - p) < 6)) continue;
    out.push(p);
    if (out.length === 3) break;
  }
  return out;
}

export function forgetGateQuestion(prices: readonly number[], day: number): GeneratedQuestion {
  const { lstm } = loadPredictModels();
  const days = runLstm(lstm, prices);
  const d = days[day - 1];
  const answer = pct(d.forget);
  const wrong = distractors(days, day - 1, answer);
  const sequence = prices.map((p, i) => `day ${i + 1}: ${p}`).join(', ');
  return {
    id: `gen:forget-gate:${prices.join('-')}@${day}`,
    prompt:
      `Our stock LSTM (one unit, models/predict) reads the prices ${sequence}. ` +
      `On day ${day}, what share of its long-term memory does the forget gate keep?`,
    choices: [answer, ...wrong].map((p) => `${p}%`),
    answer: 0,
    explanation:
      `Running the model: day ${day} starts with long-term memory ${d.longIn.toFixed(3)} and short-term memory ` +
      `${d.shortIn.toFixed(3)}. The forget gate is σ(w·short + w·price + b) = ${d.forget.toFixed(3)}, so about ${answer}% ` +
      `is kept (${d.longIn.toFixed(3)} → ${d.afterForget.toFixed(3)}) before the input gate adds ` +
      `${d.added.toFixed(3)}. For comparison, the same day's input gate is ${pct(d.inputGate)}% and its output gate ` +
      `${pct(d.output)}%: each gate has its own weights.`,
  };
}

export const forgetGate: QuestionGenerator = {
  id: 'forget-gate',
  topic: 'lstm',
  difficulty: 'hard',
  title: "What does our LSTM's forget gate keep on day N? (models/predict)",
  available: () => existsSync(fileURLToPath(new URL('lstm.json', MODEL_DIR))),
  async generate(rng: Rng) {
    const prices = [pickOne(PRICES, rng), pickOne(PRICES, rng), pickOne(PRICES, rng)];
    return forgetGateQuestion(prices, pickOne([2, 3], rng));
  },
};
