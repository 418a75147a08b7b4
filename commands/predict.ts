// /predict values:<numbers> [model:lstm|rnn] — the notes' stock toy: next day from a few days.
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { LSTM_TABLE_LEGEND, lstmTraceTable, rnnTraceTable } from '../src/explain/lstm-trace.ts';
import { fixed } from '../src/explain/math.ts';
import { surveyLine } from '../src/explain/rnn.ts';
import { predictionChart } from '../src/explain/predict-chart.ts';
import { describeScaling, fmtRaw, parseValues, unscale, VALUES_EXAMPLE } from '../src/explain/values.ts';
import { predictLstm, runLstm } from '../src/nn/lstm-unit.ts';
import { loadPredictModels } from '../src/nn/predict/model.ts';
import { dayOneSwing } from '../src/nn/predict/sensitivity.ts';
import { predictRnn, runRnn } from '../src/nn/predict/rnn-unit.ts';

export const predict = defineCommand({
  name: 'predict',
  worker: true,
  description: 'Predict the next day from a few days of prices with the notes’ one-unit LSTM (or RNN)',
  examples: ['/predict values:0,0.5,0.25,1', '/predict values:1,0.5,0.25,1 model:rnn', '/predict values:12 15 11 18'],
  options: [
    { name: 'values', type: 'string', description: `2–30 numbers, one per day, e.g. ${VALUES_EXAMPLE}`, required: true, maxLength: 400 },
    {
      name: 'model',
      type: 'string',
      description: 'lstm (default) or rnn (a plain one-weight RNN, for contrast)',
      choices: [
        { name: 'lstm', value: 'lstm' },
        { name: 'rnn', value: 'rnn' },
      ],
    },
  ],
  handler(req) {
    const parsed = parseValues(String(req.options.values));
    if (!parsed.ok) throw new UserError(parsed.message, `/predict values:${VALUES_EXAMPLE}`);
    const v = parsed.values;
    const kind = (req.options.model as 'lstm' | 'rnn' | undefined) ?? 'lstm';
    const m = loadPredictModels();
    const xs = v.scaled;
    const scaleNote = describeScaling(v);
    const inOriginal = (p: number) => (v.scaling ? ` (≈ ${fmtRaw(unscale(v, p))} in your units)` : '');
    const lstmPred = predictLstm(m.lstm, xs);
    const lstmSwing = dayOneSwing((d) => predictLstm(m.lstm, d), xs);
    const swingText = (s: { low: number; high: number }) => `with day 1 set to 0 the prediction would be ${fixed(s.low, 3)}, with day 1 set to 1 it would be ${fixed(s.high, 3)}`;

    if (kind === 'lstm') {
      const days = runLstm(m.lstm, xs);
      const text =
        `Next day: **${fixed(lstmPred, 3)}** on the 0–1 scale${inOriginal(lstmPred)}.\n` +
        (scaleNote ? `${scaleNote}\n` : '') +
        `Gate trace, day by day:\n${lstmTraceTable(days)}\n${LSTM_TABLE_LEGEND}\n` +
        `**Day 1's influence:** ${swingText(lstmSwing)}. ` +
        `The unit was trained only on the notes' two companies (0, 0.5, 0.25, 1 → 0 and 1, 0.5, 0.25, 1 → 1); on other inputs the numbers show what it does, not a real forecast.`;
      return { title: 'Prediction: one-unit LSTM', text, images: [predictionChart(v, lstmPred, 'one-unit LSTM', days.map((d) => d.shortOut))] };
    }

    const days = runRnn(m.rnn, xs);
    const pred = predictRnn(m.rnn, xs);
    const rnnSwing = dayOneSwing((d) => predictRnn(m.rnn, d), xs);
    const lastOff = days.at(-1)!.shortOut === 0;
    const n = xs.length;
    const toy = m.rnnInfo.predictions.map((p) => `${p.xs.join(', ')} → ${fixed(p.prediction, 2)} (target ${p.target})`).join('; ');
    const text =
      `Next day: **${fixed(pred, 3)}** on the 0–1 scale${inOriginal(pred)}.\n` +
      (scaleNote ? `${scaleNote}\n` : '') +
      `Day by day (short-term memory = ReLU(w_in·input + w·previous + b), w = ${fixed(m.rnn.wShared, 3)}):\n${rnnTraceTable(days)}\n` +
      `**The trouble with day 1:** day 1 can only reach the prediction through w^${n - 1} = ${fixed(Math.pow(m.rnn.wShared, n - 1), 4)} (and only while the ReLU stays on${lastOff ? `; here it is off on day ${n}, so no earlier day reaches the prediction at all` : ''}). ` +
      `For this input, ${swingText(rnnSwing)}; the LSTM (which predicts ${fixed(lstmPred, 3)} here) would give ${fixed(lstmSwing.low, 3)} and ${fixed(lstmSwing.high, 3)}. ` +
      `Trained the same way on the notes' two companies, the RNN gives ${toy}: a **dead ReLU** (the last day's pre-activation is negative for both, so the prediction is the output bias ${fixed(m.rnn.biasOut, 2)} and no gradient reaches the other weights). ${surveyLine()} See \`/explain topic:rnn depth:deep\`.`;
    return { title: 'Prediction: one-weight RNN', text, images: [predictionChart(v, pred, 'one-weight RNN', days.map((d) => d.shortOut))] };
  },
});
