// npm run eval:predict — re-runs the shipped toy models on the notes' task and prints the table.
import { predictLstm } from '../../src/nn/lstm-unit.ts';
import { TOY_DATA } from '../../src/nn/predict/data.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';
import { predictRnn } from '../../src/nn/predict/rnn-unit.ts';

const m = loadPredictModels();
for (const e of TOY_DATA) {
  const l = predictLstm(m.lstm, e.xs);
  const r = predictRnn(m.rnn, e.xs);
  console.log(`${e.name} [${e.xs.join(', ')}] target ${e.target}: lstm ${l.toFixed(4)} (|error| ${Math.abs(l - e.target).toFixed(4)}), rnn ${r.toFixed(4)} (|error| ${Math.abs(r - e.target).toFixed(4)})`);
}
