// Shared by /explain lstm (all depths and the step-through) and /predict: the per-day gate table
// and the chart of memories and gates.
import type { LstmDay } from '../nn/lstm-unit.ts';
import type { RnnDay } from '../nn/predict/rnn-unit.ts';
import { renderLineChart } from '../render/index.ts';
import { fixed } from './math.ts';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((v, c) => v.padStart(widths[c]!)).join('  ');
  return '```\n' + [line(header), ...rows.map(line)].join('\n') + '\n```';
}

/** forget% = long-term memory kept; cand = potential memory; in% = share of it added; out% = share output. */
export function lstmTraceTable(days: readonly LstmDay[]): string {
  return table(
    ['day', 'input', 'keep%', 'cand', 'add%', 'long', 'out%', 'short'],
    days.map((d) => [String(d.day), fixed(d.x), pct(d.forget), fixed(d.candidate), pct(d.inputGate), fixed(d.longOut), pct(d.output), fixed(d.shortOut, 3)]),
  );
}

export const LSTM_TABLE_LEGEND =
  'keep% = forget gate (share of long-term memory remembered), cand = potential memory, add% = input gate, long = new long-term memory, out% = output gate, short = new short-term memory (the output).';

export function rnnTraceTable(days: readonly RnnDay[]): string {
  return table(
    ['day', 'input', 'w_in·x + w·h + b', 'short'],
    days.map((d) => [String(d.day), fixed(d.x), fixed(d.preActivation, 3), fixed(d.shortOut, 3)]),
  );
}

/**
 * Two panels: the memories on top, the gates below on a fixed 0–1 axis. With `upTo` (the
 * step-through), later days are blank but both axes already span every day, so nothing rescales
 * from one step to the next.
 */
export function lstmChart(days: readonly LstmDay[], title: string, upTo = days.length) {
  const cut = (f: (d: LstmDay) => number) => days.map((d, i) => (i < upTo ? f(d) : null));
  const memories = days.flatMap((d) => [d.longOut, d.shortOut, 0]);
  const nice = (v: number, up: boolean) => (up ? Math.ceil(v * 2) / 2 : Math.floor(v * 2) / 2);
  return renderLineChart({
    title,
    height: 480,
    x: days.map((d) => `day ${d.day}`),
    series: [
      { name: 'long-term memory', data: cut((d) => d.longOut) },
      { name: 'short-term memory', data: cut((d) => d.shortOut) },
    ],
    yLabel: 'memory',
    yMin: nice(Math.min(...memories), false),
    yMax: nice(Math.max(...memories), true),
    lower: {
      series: [
        { name: 'forget gate (% kept)', data: cut((d) => d.forget), dashed: true },
        // input last: drawn on top, its triangles over the output gate's squares when the two agree
        { name: 'output gate (% output)', data: cut((d) => d.output), dashed: true, marker: 'rect' },
        { name: 'input gate (% added)', data: cut((d) => d.inputGate), dotted: true, marker: 'triangle' },
      ],
      yLabel: 'gate (0–1)',
      yMin: 0,
      yMax: 1,
    },
    xLabel: 'day',
    filename: 'lstm-trace.png',
    alt: `LSTM memories (top) and gates on a 0–1 scale (bottom) over ${upTo} day(s): final long-term memory ${fixed(days[upTo - 1]!.longOut)}, short-term ${fixed(days[upTo - 1]!.shortOut, 3)}.`,
  });
}
