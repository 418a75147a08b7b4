// /explain rnn — one shared weight unrolled over N days; k steps back the gradient carries w^k, which
// explodes for w = 2 and vanishes for 0.5 (measured on a tanh RNN); the toy /predict RNN's dead ReLU.
import { renderLineChart } from '../render/index.ts';
import { loadPredictModels } from '../nn/predict/model.ts';
import { predictRnn, rnnLossAndGrad, runRnn } from '../nn/predict/rnn-unit.ts';
import { DEFAULT_TRAIN } from '../nn/predict/train.ts';
import { predictLstm } from '../nn/lstm-unit.ts';
import { TOY_DATA } from '../nn/predict/data.ts';
import { fixed, gradientFactor, percent, sci } from './math.ts';
import { RNN_SEED_SURVEY } from './rnn-seeds.ts';
import { TANH_CASES, tanhRnnSensitivity } from './rnn-tanh.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 50;

/** k = 0 … days−1 steps back from the last day, measured on the tanh RNN (src/explain/rnn-tanh.ts). */
export function rnnChart(days: number) {
  const x = Array.from({ length: days }, (_, k) => k);
  const series = TANH_CASES.map((c) => ({ name: c.label, data: tanhRnnSensitivity(c, days) }));
  return renderLineChart({
    title: `tanh RNN over ${days} steps: |∂output/∂input| k steps back`,
    x,
    series,
    xLabel: 'steps back (k)',
    yLabel: '|∂output/∂input| (log)',
    logY: true,
    filename: 'rnn-gradient.png',
    alt:
      `Line chart on a log scale of how much the output of a one-unit tanh RNN moves per unit change of the input k steps back, k = 0 to ${days - 1}: ` +
      series.map((s, i) => `${TANH_CASES[i]!.text}, ${sci(s.data[days - 1]!)} at ${days - 1} steps back`).join('; ') + '.',
  });
}

/** What the shipped /predict RNN does on the notes' two companies: a dead ReLU, not a vanishing gradient. */
export function toyFacts() {
  const { rnn, lstm } = loadPredictModels();
  const runs = TOY_DATA.map((e) => ({ name: e.name, xs: e.xs, target: e.target, days: runRnn(rnn, e.xs), prediction: predictRnn(rnn, e.xs) }));
  const grads = TOY_DATA.map((e) => rnnLossAndGrad(rnn, e.xs, e.target).grad);
  return {
    rnn,
    runs,
    // ReLU off on the last day of every example: the prediction is the output bias alone
    deadAtEnd: runs.every((r) => r.days[r.days.length - 1]!.preActivation <= 0),
    // and no gradient reaches w_in, w or b: training cannot turn the unit back on
    hiddenGradZero: grads.every((g) => g[0] === 0 && g[1] === 0 && g[2] === 0),
    lstmSolves: TOY_DATA.every((e) => Math.abs(predictLstm(lstm, e.xs) - e.target) < 0.1),
  };
}

export function surveyLine(): string {
  const s = RNN_SEED_SURVEY;
  const solved = s.solved.reduce((a, b) => a + b, 0);
  const total = s.seeds.length * s.startsPerSeed;
  return (
    `Over ${s.seeds.length} training seeds × ${s.startsPerSeed} random starts, ${solved} of ${total} starts solved the task (${percent(solved / total)}; ` +
    `per seed ${Math.min(...s.solved)}–${Math.max(...s.solved)} of ${s.startsPerSeed}); the shipped model's seed (${DEFAULT_TRAIN.seed}) happened to solve it in none.`
  );
}

function deadReluText(toy: ReturnType<typeof toyFacts>): string {
  const pre = toy.runs.map((r) => `${r.name}: ${r.days.map((d) => fixed(d.preActivation, 3)).join(', ')}`).join('; ');
  return (
    `Our toy /predict RNN fails for another reason: a **dead ReLU**. Its pre-activations (w_in·price + w·memory + b) per day are ${pre}. ` +
    `The last day's is negative for both companies, so ReLU outputs 0, the prediction is the output bias alone, **${fixed(toy.rnn.biasOut, 2)}** for both ` +
    `(${toy.runs.map((r) => fixed(r.prediction, 2)).join(' and ')}; targets ${toy.runs.map((r) => r.target).join(' and ')}), ` +
    `and ReLU's slope 0 stops every gradient to w_in, w and b${toy.hiddenGradZero ? ' (they are exactly 0)' : ''}: training cannot switch the unit back on.`
  );
}

function explain(input: ExplainInput): Explanation {
  const n = input.days ?? DEFAULT_DAYS;
  const k = n - 1; // steps from the last day back to day 1
  const up = sci(gradientFactor(2, k));
  const down = sci(gradientFactor(0.5, k));
  const measured = TANH_CASES.map((c) => ({ c, g: tanhRnnSensitivity(c, n)[k]! }));
  const toy = toyFacts();
  const core =
    `A recurrent network reads a sequence one step at a time (say, one price per day) and feeds its own output back in as a second input for the next day. ` +
    `The *same* weights are used on every day, so one small network handles any number of days.\n\n` +
    `The catch: to learn, the error flows back from the prediction to every earlier day, and **each step back multiplies it by the shared weight w** (times the activation's slope, at most 1). ` +
    `k steps back that is w^k; from the last of ${n} day${n === 1 ? '' : 's'} back to day 1 is k = ${k} step${k === 1 ? '' : 's'}:\n` +
    `- w = 2: 2^${k} = **${up}**: exploding gradient; training steps become huge and jump around\n` +
    `- w = 0.5: 0.5^${k} = **${down}**: vanishing gradient; early days barely influence learning\n` +
    `Measured now on a one-unit tanh RNN over ${n} steps, ∂output/∂input ${k} steps back: ` +
    measured.map(({ c, g }) => `${c.text} → **${sci(g)}**`).join('; ') +
    ' (the chart: every k). A saturated tanh has a slope far below 1, which tames even w > 1.\n';
  const title = 'RNN: one weight, reused every day';
  if (input.depth === 'quick') {
    return {
      title,
      text:
        core +
        `\nOur toy /predict RNN fails differently, by a **dead ReLU** (\`depth:deep\`). The LSTM adds a memory path without a weight (/explain lstm). Try \`/explain topic:rnn days:50\`.`,
      image: rnnChart(n),
    };
  }
  return {
    title,
    text: core,
    image: rnnChart(n),
    sections: [
      {
        name: 'The unit',
        value:
          'Each day: short-term memory = activation(w_in·price + w·previous short-term memory + b), the activation being tanh or ReLU. After the last day: prediction = w_out·short-term memory + b_out. ' +
          'Unrolling means drawing one copy of this unit per day, chained together; all copies share w_in, w, b.',
      },
      {
        name: 'How it learns: backpropagation through time',
        value:
          'Run the unrolled chain forward, compare the prediction with the answer (loss = squared error), then apply the chain rule backwards through every copy. ' +
          'Each copy contributes a gradient for the shared weights; they are added up and the weights take one gradient-descent step. ' +
          `The input k steps back reaches the prediction through k copies of w, so with ReLU active on the way ∂prediction/∂input = w_out·w_in·w^k (with tanh, each of the k factors is w·tanh'(that day), and tanh' ≤ 1).`,
      },
      {
        name: 'Exploding and vanishing, measured',
        value:
          `With w = 2, the input ${k} steps back (day 1 of ${n}) gets its gradient scaled by 2^${k} = ${up}; a step size that suits the recent days is then far too large (the usual patch is gradient clipping). ` +
          `With w = 0.5 it is scaled by 0.5^${k} = ${down}; the network effectively cannot learn from day 1. ` +
          `The chart measures it on a tanh RNN: ${measured.map(({ c, g }) => `${c.text} (${sci(g)} at k = ${k})`).join('; ')}. ` +
          'Only w·slope close to 1 keeps the signal, and nothing in training holds it there.',
      },
      {
        name: 'In our toy model (/predict model:rnn): a dead ReLU',
        value: `${deadReluText(toy)} ${surveyLine()} The one-unit LSTM trained the same way ${toy.lstmSolves ? 'gets both right' : 'does not get both right either'} (/predict).`,
      },
      {
        name: 'What fixes it',
        value: 'LSTM and GRU units give memory a path that is not multiplied by a weight each day (/explain lstm). Transformers drop recurrence altogether and let every position look at every other directly (/explain transformer).',
      },
    ],
  };
}

export const rnnTopic: Topic = {
  id: 'rnn',
  title: 'Recurrent neural networks',
  summary: 'one shared weight reused every day, why gradients explode or vanish (measured on a tanh RNN), and our toy RNN\'s dead ReLU',
  explain,
};
