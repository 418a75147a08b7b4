// Light and dark looks for every chart kind: one place for colours and type sizes.
import type { Theme } from './types.ts';

export interface ChartTheme {
  background: string;
  text: string; // titles, legend, labels
  mutedText: string; // axis tick labels, axis names
  axisLine: string;
  splitLine: string; // grid lines
  /** Series colours, in order; distinct for colour-blind readers (Okabe–Ito based). */
  palette: readonly string[];
  /** Heatmap scale, weakest → strongest. */
  sequential: readonly string[];
  /** Diverging heatmap scale, most negative → 0 → most positive. */
  diverging: readonly string[];
  /** Cell text on a light and on a dark cell. */
  onLight: string;
  onDark: string;
}

/** Type sizes at a 640 px wide chart: Discord previews it at ~400 px, so nothing below 15 (≈ 9.4 px there). */
export const FONT = { title: 18, label: 15, small: 15, legend: 15 } as const;

const light: ChartTheme = {
  background: '#ffffff',
  text: '#1f2328',
  mutedText: '#4b5563',
  axisLine: '#9ca3af',
  splitLine: '#e5e7eb',
  palette: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c6d1f', '#000000'],
  sequential: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  diverging: ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'],
  onLight: '#111827',
  onDark: '#ffffff',
};

const dark: ChartTheme = {
  background: '#1e1f22', // Discord's dark message background
  text: '#e6e7ea',
  mutedText: '#b5bac1',
  axisLine: '#6b7280',
  splitLine: '#33363c',
  palette: ['#56b4e9', '#f0b429', '#34d399', '#f58fd0', '#ff7a45', '#a5b4fc', '#e5c07b', '#ffffff'],
  // magma-like: dim on the dark background, bright where attention is strong
  sequential: ['#1c1b2e', '#3b2a6b', '#8c2981', '#de4968', '#fe9f6d', '#fcfdbf'],
  diverging: ['#4393c3', '#2d6a96', '#294863', '#2b2d31', '#6b3434', '#b2443f', '#f4765e'],
  onLight: '#111827',
  onDark: '#ffffff',
};

export function chartTheme(theme: Theme = 'light'): ChartTheme {
  return theme === 'dark' ? dark : light;
}
