// /explain rnn — one shared weight unrolled over N days; w^N explodes for w = 2, vanishes for 0.5.
import { renderLineChart } from '../render/index.ts';
import { loadPredictModels } from '../nn/predict/model.ts';
import { predictRnn, rnnInputSensitivity } from '../nn/predict/rnn-unit.ts';
import { predictLstm } from '../nn/lstm-unit.ts';
import { TOY_DATA } from '../nn/predict/data.ts';
import { fixed, gradientFactor, sci } from './math.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';

export const DEFAULT_DAYS = 10;
export const MAX_DAYS = 50;

export function rnnChart(days: number) {
  const x = Array.from({ length: days }, (_, i) => i + 1);
  return renderLineChart({
    title: `Gradient factor w^n after n days`,
    x,
    series: [
      { name: 'w = 2 (explodes)', data: x.map((n) => gradientFactor(2, n)) },
      { name: 'w = 1', data: x.map(() => 1), dashed: true },
      { name: 'w = 0.5 (vanishes)', data: x.map((n) => gradientFactor(0.5, n)) },
    ],
    xLabel: 'days unrolled (n)',
    yLabel: 'w^n (log scale)',
    logY: true,
    filename: 'rnn-gradient.png',
    alt: `Line chart on a log scale: 2^n grows to ${sci(gradientFactor(2, days))} and 0.5^n shrinks to ${sci(gradientFactor(0.5, days))} after ${days} days.`,
  });
}

function toyFacts() {
  const { rnn, rnnInfo, lstm } = loadPredictModels();
  const b = TOY_DATA[1]!;
  const stalled = rnnInfo.restartLosses.filter((l) => l > 0.01).length;
  return {
    w: rnn.wShared,
    predA: predictRnn(rnn, TOY_DATA[0]!.xs),
    predB: predictRnn(rnn, b.xs),
    sensitivity: rnnInputSensitivity(rnn, b.xs, 1),
    stalled,
    starts: rnnInfo.restartLosses.length,
    lstmSolves: TOY_DATA.every((e) => Math.abs(predictLstm(lstm, e.xs) - e.target) < 0.1),
  };
}

function explain(input: ExplainInput): Explanation {
  const n = input.days ?? DEFAULT_DAYS;
  const up = sci(gradientFactor(2, n));
  const down = sci(gradientFactor(0.5, n));
  const toy = toyFacts();
  const core =
    `A recurrent network reads a sequence one step at a time (say, one price per day) and feeds its own output back in as a second input for the next day. ` +
    `The *same* weights are used on every day, so one small network handles any number of days.\n\n` +
    `The catch: to learn, the error has to flow back from the prediction to every earlier day, and on the way it is multiplied by the shared weight once per day. ` +
    `Over ${n} day${n === 1 ? '' : 's'} that is a factor of w^${n}:\n` +
    `- w = 2: 2^${n} = **${up}**: exploding gradient; training steps become huge and jump around\n` +
    `- w = 0.5: 0.5^${n} = **${down}**: vanishing gradient; early days barely influence learning\n`;
  if (input.depth === 'quick') {
    return {
      title: 'RNN: one weight, reused every day',
      text:
        core +
        `\nThat is why plain RNNs are little used; the LSTM adds a memory path without a weight (/explain lstm). Try \`/explain topic:rnn days:30\` or the toy in \`/predict model:rnn\`.`,
      image: rnnChart(n),
    };
  }
  return {
    title: 'RNN: one weight, reused every day',
    text: core,
    image: rnnChart(n),
    sections: [
      {
        name: 'The unit',
        value:
          'Each day: short-term memory = ReLU(w_in·price + w·previous short-term memory + b). After the last day: prediction = w_out·short-term memory + b_out. ' +
          'Unrolling means drawing one copy of this unit per day, chained together; all copies share w_in, w, b.',
      },
      {
        name: 'How it learns: backpropagation through time',
        value:
          'Run the unrolled chain forward, compare the prediction with the answer (loss = squared error), then apply the chain rule backwards through every copy. ' +
          'Each copy contributes a gradient for the shared weights; they are added up and the weights take one gradient-descent step. ' +
          `The path from day 1 to the prediction passes w once per later day, so while the ReLU is active ∂prediction/∂day 1 = w_out·w_in·w^(N−1).`,
      },
      {
        name: 'Exploding and vanishing',
        value:
          `With w = 2 the day-1 part of the gradient is scaled by 2^${n} = ${up}; a step size that suits the recent days is then far too large (the usual patch is gradient clipping). ` +
          `With w = 0.5 it is scaled by 0.5^${n} = ${down}; the network effectively cannot learn from day 1. ` +
          'Only |w| close to 1 keeps the signal, and nothing in training holds w there.',
      },
      {
        name: 'In our toy model (/predict model:rnn)',
        value:
          `Trained on the notes' two companies (they differ only on day 1), the shipped RNN predicts ${fixed(toy.predA, 2)} and ${fixed(toy.predB, 2)} for targets 0 and 1; ` +
          `${toy.stalled} of ${toy.starts} random starts stalled. Its shared weight is w = ${fixed(toy.w, 3)} and ∂prediction/∂day 1 = ${fixed(toy.sensitivity, 4)}` +
          (Math.abs(toy.sensitivity) < 0.05 ? ': day 1 barely reaches the answer. ' : '. ') +
          `The one-unit LSTM trained the same way ${toy.lstmSolves ? 'gets both right' : 'does not get both right either'} (/predict).`,
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
  summary: 'one shared weight reused every day, and why gradients explode (w = 2) or vanish (w = 0.5)',
  explain,
};
