// Heatmap (attention weights, positional encodings): labelled rows and columns, cell values,
// a colour scale. The grid sits at margins computed here, so tests can find any cell's pixels.
import type { EChartsOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { colorAt, luminance, type RGB } from './color.ts';
import { axisLabelStyle, axisNameStyle, baseOption, fmtNum, frame, listSome, PAD } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatValue, maxTextWidth, nameText, shorten, type ValueFormat } from './labels.ts';
import { FONT, type ChartTheme } from './theme.ts';
import type { HeatmapSpec } from './types.ts';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  /** The plot area in px; cell (r, c) spans [left + c·cellWidth, top + r·cellHeight]. */
  grid: Rect;
  cellWidth: number;
  cellHeight: number;
  min: number;
  max: number;
  palette: readonly string[];
  valueFormat: ValueFormat;
  showValues: boolean;
  xRotate: number; // degrees of the column labels
  rowLabels: string[];
  colLabels: string[];
}

const BAR_WIDTH = 14; // colour-scale bar thickness
const CELL_GAP = 1; // background-coloured line between cells
const SCALE_TEXT_GAP = 6;

/** Where everything goes; pure arithmetic on the spec (no rendering). */
export function heatmapLayout(spec: HeatmapSpec): HeatmapLayout {
  checkShape(spec);
  const f = frame(spec);
  const rowLabels = spec.rows.map((r) => ellipsize(r));
  const colLabels = spec.cols.map((c) => ellipsize(c));
  const { min, max } = scaleRange(spec);
  const valueFormat = spec.valueFormat ?? (min >= 0 && max <= 1 ? 'percent' : 'fixed2');
  const palette = spec.diverging ? f.theme.diverging : f.theme.sequential;

  // Right: the colour scale, with its end values written beside the bar.
  const scaleText = Math.max(maxTextWidth([formatValue(max, valueFormat), formatValue(min, valueFormat)], FONT.small), 0);
  const right = PAD + BAR_WIDTH + 6 + scaleText + 14;
  // Left: the y-axis name (rotated) and the widest row label.
  const yNameSpace = spec.yLabel ? FONT.small + 10 : 0;
  let left = PAD + yNameSpace + maxTextWidth(rowLabels, FONT.label) + 8;
  // Bottom: column labels, flat when they fit under their cell, else turned 45°.
  const colTextWidth = maxTextWidth(colLabels, FONT.label);
  let cellWidth = (f.width - left - right) / spec.cols.length;
  const xRotate = colTextWidth + 6 <= cellWidth ? 0 : 45;
  const diag = Math.SQRT1_2;
  const labelDepth = xRotate === 0 ? FONT.label : (colTextWidth + FONT.label) * diag;
  if (xRotate !== 0) {
    // A turned label runs down-left from its cell: the first one must not leave the picture.
    left = Math.max(left, PAD + colTextWidth * diag - cellWidth / 2 + 4);
    cellWidth = (f.width - left - right) / spec.cols.length;
  }
  const xNameSpace = spec.xLabel ? FONT.small + 10 : 0;
  const bottom = PAD + xNameSpace + labelDepth + 10;
  const top = f.top + 4;
  const gridHeight = f.height - top - bottom;
  const gridWidth = f.width - left - right;
  if (gridHeight < 20 || gridWidth < 20) {
    throw new RangeError(`heatmap ${spec.rows.length}×${spec.cols.length} with these labels does not fit in ${f.width}×${f.height} px`);
  }
  const cellHeight = gridHeight / spec.rows.length;
  cellWidth = gridWidth / spec.cols.length;

  // Cell values: by default when the grid is ≤ 20×20, and only ever when the text fits its cell.
  const widestValue = maxTextWidth(spec.values.flat().map((v) => formatValue(v, valueFormat)), FONT.small);
  const fits = widestValue + 4 <= cellWidth - CELL_GAP && FONT.small + 2 <= cellHeight - CELL_GAP;
  const wanted = spec.showValues ?? (spec.rows.length <= 20 && spec.cols.length <= 20);

  return {
    width: f.width,
    height: f.height,
    grid: { left, top, width: gridWidth, height: gridHeight },
    cellWidth,
    cellHeight,
    min,
    max,
    palette,
    valueFormat,
    showValues: wanted && fits,
    xRotate,
    rowLabels,
    colLabels,
  };
}

/** The colour a value is drawn in (the visualMap's linear interpolation). */
export function heatmapColor(layout: HeatmapLayout, v: number): RGB {
  const span = layout.max - layout.min;
  return colorAt(layout.palette, span === 0 ? 0.5 : (v - layout.min) / span);
}

export function heatmapOption(spec: HeatmapSpec, layout = heatmapLayout(spec)): EChartsOption {
  const f = frame(spec);
  const t = f.theme;
  const { grid } = layout;
  const data = [];
  for (let r = 0; r < spec.rows.length; r++) {
    for (let c = 0; c < spec.cols.length; c++) {
      const v = spec.values[r]![c]!;
      if (!Number.isFinite(v)) continue; // a missing value stays background
      data.push({ value: [c, r, v], label: { color: textOn(t, heatmapColor(layout, v)) } });
    }
  }
  return {
    ...baseOption(f, spec.title),
    grid: { ...grid, outerBoundsMode: 'none', show: false },
    xAxis: {
      type: 'category',
      data: layout.colLabels,
      name: nameText(spec.xLabel),
      nameLocation: 'middle',
      nameGap: (layout.height - grid.top - grid.height) - PAD - FONT.small / 2 - 2,
      nameTextStyle: axisNameStyle(f),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        ...axisLabelStyle(f),
        interval: layout.cellWidth >= FONT.label + 2 || layout.xRotate === 0 ? 0 : 'auto',
        rotate: layout.xRotate,
        margin: 8,
      },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: layout.rowLabels,
      inverse: true, // first row on top, as in the spec
      name: nameText(spec.yLabel),
      nameLocation: 'middle',
      nameRotate: 90,
      nameGap: grid.left - PAD - FONT.small / 2 - 2,
      nameTextStyle: axisNameStyle(f),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { ...axisLabelStyle(f), interval: layout.cellHeight >= FONT.label + 1 ? 0 : 'auto', margin: 8 },
      splitArea: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min: layout.min,
      max: layout.max,
      calculable: false,
      orient: 'vertical',
      left: grid.left + grid.width + 14,
      top: grid.top,
      itemWidth: BAR_WIDTH,
      // The end values sit above and below the bar: together they span the grid's height.
      itemHeight: Math.max(30, grid.height - 2 * (FONT.small + SCALE_TEXT_GAP)),
      text: [formatValue(layout.max, layout.valueFormat), formatValue(layout.min, layout.valueFormat)],
      textGap: SCALE_TEXT_GAP,
      showLabel: false,
      align: 'right',
      inRange: { color: [...layout.palette] },
      textStyle: { color: t.mutedText, fontSize: FONT.small },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: layout.showValues,
          fontSize: FONT.small,
          formatter: (p: { value: unknown }) => cellText((p.value as number[])[2]!, layout.valueFormat),
        },
        itemStyle: { borderColor: t.background, borderWidth: CELL_GAP },
        emphasis: { disabled: true },
      },
    ],
  };
}

export function renderHeatmap(spec: HeatmapSpec): ImageAttachment {
  const layout = heatmapLayout(spec);
  const svg = renderSvg(heatmapOption(spec, layout), layout.width, layout.height);
  return {
    data: svgToPng(svg),
    filename: spec.filename ?? 'heatmap.png',
    alt: spec.alt ?? heatmapAlt(spec, layout),
    width: layout.width,
    height: layout.height,
  };
}

export function heatmapAlt(spec: HeatmapSpec, layout = heatmapLayout(spec)): string {
  let best = { r: 0, c: 0, v: -Infinity };
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (Number.isFinite(v) && v > best.v) best = { r, c, v };
    }),
  );
  const title = spec.title ? `${spec.title}: heatmap` : 'Heatmap';
  const strongest = Number.isFinite(best.v)
    ? ` Strongest cell: ${shorten(spec.rows[best.r]!, 24)} → ${shorten(spec.cols[best.c]!, 24)} (${formatValue(best.v, layout.valueFormat)}).`
    : '';
  return (
    `${title} of ${spec.rows.length} rows (${listSome(spec.rows)}) by ${spec.cols.length} columns (${listSome(spec.cols)}),` +
    ` colour scale ${fmtNum(layout.min)} to ${fmtNum(layout.max)}.${strongest}`
  );
}

/** A cell's printed value; attention that rounds to 0% stays blank so the pattern stands out. */
function cellText(v: number, format: ValueFormat): string {
  const text = formatValue(v, format);
  return text === '0%' ? '' : text;
}

function textOn(t: ChartTheme, cell: RGB): string {
  return luminance(cell) > 0.35 ? t.onLight : t.onDark;
}

function scaleRange(spec: HeatmapSpec): { min: number; max: number } {
  const finite = spec.values.flat().filter(Number.isFinite);
  let min = spec.min ?? (finite.length ? Math.min(...finite) : 0);
  let max = spec.max ?? (finite.length ? Math.max(...finite) : 1);
  if (spec.diverging && spec.min === undefined && spec.max === undefined) {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    [min, max] = [-m, m];
  }
  if (min === max) [min, max] = [min - 0.5, max + 0.5];
  return { min, max };
}

function checkShape(spec: HeatmapSpec): void {
  if (spec.rows.length === 0 || spec.cols.length === 0) throw new RangeError('heatmap needs at least one row and one column');
  if (spec.values.length !== spec.rows.length || spec.values.some((row) => row.length !== spec.cols.length)) {
    throw new RangeError(`heatmap values must be ${spec.rows.length}×${spec.cols.length} (rows × cols)`);
  }
}
