// Chart specs: plain data in, a PNG ImageAttachment out (see src/render/index.ts).
export type Theme = 'light' | 'dark';

interface ChartBase {
  title?: string;
  /** Alt text for the image; a sensible default is derived from the data when absent. */
  alt?: string;
  filename?: string; // default "<kind>.png"
  width?: number; // px, default 640
  height?: number; // px, default 400
  theme?: Theme; // default 'light'
}

export interface HeatmapSpec extends ChartBase {
  rows: readonly string[]; // y labels, top to bottom
  cols: readonly string[]; // x labels, left to right
  values: readonly (readonly number[])[]; // [rows][cols]
  xLabel?: string;
  yLabel?: string;
  min?: number; // colour scale, default min of values
  max?: number; // default max of values
  showValues?: boolean; // print each cell's value, default true when ≤ 20×20
  valueFormat?: 'percent' | 'fixed2' | 'fixed3';
  diverging?: boolean; // blue–white–red around 0 (e.g. positional encodings)
}

export interface LineSeries {
  name: string;
  data: readonly (number | null)[];
  dashed?: boolean;
  /** Dotted instead of dashed, and a marker shape: lines that run on top of each other stay told apart. */
  dotted?: boolean;
  marker?: 'circle' | 'triangle' | 'rect' | 'diamond';
}

export interface LineSpec extends ChartBase {
  x: readonly (number | string)[];
  series: readonly LineSeries[];
  xLabel?: string;
  yLabel?: string;
  logY?: boolean;
  yMin?: number;
  yMax?: number;
  /** A second panel below, on the same x, with its own y axis (e.g. gates on a fixed 0–1 scale). */
  lower?: LinePanel;
}

export interface LinePanel {
  series: readonly LineSeries[];
  yLabel?: string;
  yMin?: number;
  yMax?: number;
}

export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  group?: string; // one colour and legend entry per group
}

export interface ScatterSpec extends ChartBase {
  points: readonly ScatterPoint[];
  xLabel?: string;
  yLabel?: string;
  /** Optional arrows from one labelled point to another (analogy offsets). */
  arrows?: readonly { from: string; to: string }[];
  /** Same px per unit on both axes, so angles are true (vectors drawn from the origin). */
  equalAspect?: boolean;
}

export interface BarSeries {
  name: string;
  data: readonly number[];
}

export interface BarSpec extends ChartBase {
  categories: readonly string[];
  series: readonly BarSeries[];
  horizontal?: boolean;
  xLabel?: string;
  yLabel?: string;
  yMin?: number;
  yMax?: number;
  showValues?: boolean; // print each bar's value at its end, default false
  valueFormat?: 'percent' | 'fixed2' | 'fixed3'; // for those values and the value axis; default plain numbers
}

/** A tokenizer's output as a strip of coloured boxes (renderTokenStrip). */
export interface TokenStripSpec extends Omit<ChartBase, 'height'> {
  tokens: readonly { text: string; id: number }[];
}
