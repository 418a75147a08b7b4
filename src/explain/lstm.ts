// /explain lstm — the /predict model's one LSTM unit stepped over a short sequence, gate by gate.
import { runLstm, type GateWeights, type LstmDay, type LstmWeights } from '../nn/lstm-unit.ts';
import { loadPredictModels } from '../nn/predict/model.ts';
import { TOY_DATA } from '../nn/predict/data.ts';
import { DEFAULT_TRAIN } from '../nn/predict/train.ts';
import { lstmChart, lstmTraceTable, LSTM_TABLE_LEGEND } from './lstm-trace.ts';
import { fixed, percent, sci } from './math.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';

/** The notes' company B: day 1 is 1, and the unit must carry that to the end. */
export const DEFAULT_LSTM_INPUT: readonly number[] = TOY_DATA[1]!.xs;

const signed = (v: number, digits: number) => (v < 0 ? ` − ${fixed(-v, digits)}` : ` + ${fixed(v, digits)}`);

/** "σ(5.79·0 + 0.42·1.00 + 1.31)": the gate's weights on short-term memory and input, then its bias, so a student can redo it. */
export function gateFormula(fn: 'σ' | 'tanh', g: GateWeights, shortIn: number, x: number): string {
  return `${fn}(${fixed(g.short, 2)}·${shortIn === 0 ? 0 : fixed(shortIn, 3)}${signed(g.input, 2)}·${fixed(x)}${signed(g.bias, 2)})`;
}

/** One day, every gate with the numbers that go into it (weights default to the shipped /predict unit). */
export function dayWalkthrough(d: LstmDay, w: LstmWeights = loadPredictModels().lstm): string {
  const f = (fn: 'σ' | 'tanh', g: GateWeights, v: number) => `${gateFormula(fn, g, d.shortIn, d.x)} = ${fixed(v, 3)}`;
  return (
    `**Day ${d.day}** (input ${fixed(d.x)}; memories in: long ${fixed(d.longIn, 3)}, short ${fixed(d.shortIn, 3)})\n` +
    `- Forget gate ${f('σ', w.forget, d.forget)}: keep **${percent(d.forget)}** of the long-term memory → ${fixed(d.longIn, 3)} × ${fixed(d.forget, 3)} = ${fixed(d.afterForget, 3)}\n` +
    `- Input gate: potential memory ${f('tanh', w.candidate, d.candidate)}; ${f('σ', w.inputGate, d.inputGate)}, add **${percent(d.inputGate)}** of it → ${fixed(d.added, 3)}\n` +
    `- New long-term memory: ${fixed(d.afterForget, 3)} + ${fixed(d.added, 3)} = **${fixed(d.longOut, 3)}**\n` +
    `- Output gate ${f('σ', w.output, d.output)}: potential short-term memory tanh(${fixed(d.longOut, 3)}) = ${fixed(d.potentialShort, 3)}, output **${percent(d.output)}** of it → new short-term memory **${fixed(d.shortOut, 3)}**`
  );
}

function explain(input: ExplainInput): Explanation {
  const xs = input.values ?? DEFAULT_LSTM_INPUT;
  const { lstm, lstmInfo, rnn } = loadPredictModels();
  const days = runLstm(lstm, xs);
  const last = days[days.length - 1]!;
  const chart = lstmChart(days, `One LSTM unit over ${xs.map((v) => fixed(v)).join(', ')}`);
  const intro =
    'An LSTM unit keeps two memories. The **long-term memory** runs through the unit with no weight on its path; the **short-term memory** is the unit\'s output and is weighted. ' +
    'Each day three gates, each a sigmoid (0 to 1, read as a percentage) of the input and the short-term memory, decide what changes:\n' +
    '- **forget gate**: what % of the long-term memory to remember\n' +
    '- **input gate**: a potential memory (tanh, −1 to 1) and what % of it to add to the long-term memory\n' +
    '- **output gate**: the potential short-term memory tanh(long-term) and what % of it becomes the new short-term memory\n';
  const run = `\nOur trained unit (the /predict model) on ${xs.map((v) => fixed(v)).join(', ')}:\n${lstmTraceTable(days)}\nPrediction = last short-term memory = **${fixed(last.shortOut, 3)}**.`;
  if (input.depth === 'quick') {
    return { title: 'LSTM: long- and short-term memory', text: intro + run + ' Step through it: `/explain topic:lstm step:true`.', image: chart };
  }
  const forgetProduct = days.slice(1).reduce((p, d) => p * d.forget, 1);
  const n = days.length;
  const rnnFactor = Math.pow(rnn.wShared, n - 1);
  return {
    title: 'LSTM: long- and short-term memory',
    text: intro + run + `\n${LSTM_TABLE_LEGEND}`,
    image: chart,
    sections: [
      {
        name: 'Day 1, gate by gate',
        value: dayWalkthrough(days[0]!).slice(0, 1024),
      },
      {
        name: 'Where the gates come from',
        value:
          'The first LSTM (Hochreiter and Schmidhuber, 1997) had only the input and output gates: its long-term memory was never cleared. ' +
          'Gers, Schmidhuber and Cummins (2000, "Learning to Forget") added the forget gate, and that is the cell used today and here.',
      },
      {
        name: 'Why sigmoid and tanh',
        value:
          'A sigmoid squashes any number into 0–1, so multiplying by it keeps a share of something: that is what makes a gate. tanh squashes into −1–1, so a potential memory can push the long-term memory up or down by a bounded amount.',
      },
      {
        name: 'How it is trained: backpropagation through time',
        value:
          'Unroll the unit over the days (one copy per day, all sharing the same 12 weights and biases), run it forward, and measure the error of the last short-term memory: (prediction − target)². ' +
          'The chain rule carries that error back through every copy and every gate; each copy adds its share to the gradient of the shared weights, and an optimiser takes a step. ' +
          `Our unit: ${DEFAULT_TRAIN.steps} Adam steps on the notes' two companies, final loss ${lstmInfo.finalLoss.toExponential(1)} (\`npm run train:predict\`, models/predict/MODEL_CARD.md).`,
      },
      {
        name: 'Why the unweighted long-term path eases vanishing gradients',
        value:
          'New long-term = forget% × old long-term + input% × potential memory. So along the long-term path, the gradient going back one day is multiplied only by that day\'s forget gate — no weight, no squashing. ' +
          'When the network learns to keep the forget gate near 1, information and error survive many days. (Gradient also flows back through the weighted short-term path and the gates; the long-term path is the one that can stay close to 1 over many days.) ' +
          `Here, going back from day ${n} to day 1 along the long-term path multiplies by ${days.slice(1).map((d) => fixed(d.forget, 3)).join(' × ')} = **${sci(Number(forgetProduct.toPrecision(3)))}**; ` +
          `the toy RNN's factor w^${n - 1} with its w = ${fixed(rnn.wShared, 3)} is ${sci(Number(rnnFactor.toPrecision(3)))}.`,
      },
      {
        name: 'Where the numbers come from',
        value: 'Every number above is computed now by src/nn/lstm-unit.ts with the weights in models/predict/lstm.json. Try your own days: `/predict values:0.2,0.9,0.4 model:lstm`.',
      },
    ],
  };
}

export const lstmTopic: Topic = {
  id: 'lstm',
  title: 'Long short-term memory',
  summary: 'two memory paths and three gates, stepped live over the notes\' stock example',
  explain,
};
