// Charts to PNG: spec in, ImageAttachment out, synchronous. ECharts SSR → SVG → resvg → PNG,
// set in Inter from an npm package with system fonts off, so every machine draws the same.
export { renderHeatmap, heatmapLayout, heatmapColor } from './heatmap.ts';
export { renderLineChart } from './line.ts';
export { renderScatter } from './scatter.ts';
export { renderBarChart } from './bar.ts';
export { renderTokenStrip, showWhitespace } from './token-strip.ts';
export { chartTheme } from './theme.ts';
export type * from './types.ts';
