// The /predict chart: the days as given (scaled to 0–1) and the predicted next day joined to the
// last day by a dashed line; below, on its own axis, the unit's short-term memory.
import { renderLineChart } from '../render/index.ts';
import { fixed } from './math.ts';
import type { ParsedValues } from './values.ts';

export function predictionChart(v: ParsedValues, prediction: number, model: string, short: readonly number[]) {
  const n = v.scaled.length;
  const x = Array.from({ length: n + 1 }, (_, i) => (i < n ? `day ${i + 1}` : 'next'));
  return renderLineChart({
    title: `${model}: ${n} days → next day ${fixed(prediction, 3)}`,
    x,
    series: [
      { name: v.scaling ? 'input (scaled 0–1)' : 'input', data: [...v.scaled, null] },
      { name: 'prediction', data: x.map((_, i) => (i === n - 1 ? v.scaled[n - 1]! : i === n ? prediction : null)), dashed: true },
    ],
    // the unit's memory is not a price: its own panel and axis below
    lower: { series: [{ name: 'short-term memory', data: [...short, null], dashed: true }], yLabel: 'memory' },
    height: 460,
    xLabel: 'day',
    yLabel: 'price (0–1)',
    filename: 'predict.png',
    alt: `Line chart of ${n} input days and the ${model}'s prediction ${fixed(prediction, 3)} for the next day.`,
  });
}
