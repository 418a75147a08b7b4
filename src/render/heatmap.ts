// Heatmap (attention weights, positional encodings): labelled rows and columns, cell values,
// a colour scale. The grid sits at margins computed here, so tests can find any cell's pixels.
import type { ImageAttachment } from '../core/reply.ts';
import { colorAt, luminance, type RGB } from './color.ts';
import { fmtNum, frame, listSome, PAD } from './common.ts';
import { svgToPng } from './engine.ts';
import { prefetchGlyphs, textPath } from './glyphs.ts';
import { drawable, ellipsize, fitText, formatValue, maxTextWidth, nameText, shorten, type ValueFormat } from './labels.ts';
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
  /** Percent cells written without their '%' (the scale's ends carry it) when that is what fits. */
  bareCellPercent: boolean;
  xRotate: number; // degrees of the column labels
  rowLabels: string[];
  colLabels: string[];
}

const BAR_WIDTH = 14; // colour-scale bar thickness
const CELL_GAP = 1; // background-coloured line between cells
const SCALE_TEXT_GAP = 6;
/** Tallest picture a heatmap grows to so its cell values fit (Discord previews up to ~2:1). */
const MAX_AUTO_HEIGHT = 640;

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
  const wanted = spec.showValues ?? (spec.rows.length <= 20 && spec.cols.length <= 20);

  // Cell values wanted but rows too short for them: a taller picture (when the height is ours to choose).
  const rowNeeded = FONT.small + 4 + CELL_GAP;
  if (spec.height === undefined && wanted && cellHeight < rowNeeded) {
    const height = Math.min(MAX_AUTO_HEIGHT, Math.ceil(f.height + (rowNeeded - cellHeight) * spec.rows.length));
    if (height > f.height) return heatmapLayout({ ...spec, height });
  }

  // Cell values: by default when the grid is ≤ 20×20, and only ever when the text fits its cell.
  const widest = (bare: boolean) => maxTextWidth(spec.values.flat().map((v) => cellText(v, valueFormat, bare)), FONT.small);
  const fitsWidth = (bare: boolean) => widest(bare) + 4 <= cellWidth - CELL_GAP;
  const bareCellPercent = valueFormat === 'percent' && !fitsWidth(false) && fitsWidth(true);
  const fits = fitsWidth(bareCellPercent) && FONT.small + 2 <= cellHeight - CELL_GAP;

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
    bareCellPercent,
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

/**
 * The heatmap's SVG, written directly from the layout: cells, their values, row and column
 * labels, axis names, the colour scale and the title. ECharts took ~30 ms of CPU for a 12×12 map
 * with per-cell label colours (bench/RESULTS.md, render); everything here is already placed by
 * heatmapLayout, so a string template does the same picture in well under a millisecond.
 */
export function heatmapSvg(spec: HeatmapSpec, layout = heatmapLayout(spec)): string {
  const t = frame(spec).theme;
  const { grid, cellWidth, cellHeight } = layout;
  const out: string[] = [
    `<svg width="${layout.width}" height="${layout.height}" xmlns="http://www.w3.org/2000/svg">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="${t.background}"/>`,
  ];
  // Cells on whole pixels with a background-coloured gap, drawn without anti-aliasing: crisp
  // edges and about half the raster time of anti-aliased, stroked cells.
  const xs = Array.from({ length: spec.cols.length + 1 }, (_, c) => Math.round(grid.left + c * cellWidth));
  const ys = Array.from({ length: spec.rows.length + 1 }, (_, r) => Math.round(grid.top + r * cellHeight));
  // All glyphs a first chart needs, fetched in one go (see glyphs.ts).
  prefetchGlyphs([...layout.rowLabels, ...layout.colLabels, spec.xLabel ?? '', spec.yLabel ?? '', '0123456789.-%']);
  const labels: string[] = [];
  out.push('<g shape-rendering="crispEdges">');
  for (let r = 0; r < spec.rows.length; r++) {
    for (let c = 0; c < spec.cols.length; c++) {
      const v = spec.values[r]![c]!;
      if (!Number.isFinite(v)) continue; // a missing value stays background
      const color = heatmapColor(layout, v);
      const [x0, y0] = [xs[c]! + CELL_GAP, ys[r]! + CELL_GAP];
      out.push(`<rect x="${x0}" y="${y0}" width="${xs[c + 1]! - x0}" height="${ys[r + 1]! - y0}" fill="${hex(color)}"/>`);
      if (layout.showValues) {
        const text = cellText(v, layout.valueFormat, layout.bareCellPercent);
        const [cx, cy] = [(x0 + xs[c + 1]!) / 2, (y0 + ys[r + 1]!) / 2];
        if (text) labels.push(textPath(text, cx, cy, { size: FONT.small, fill: textOn(t, color), anchor: 'middle' }));
      }
    }
  }
  out.push('</g>', ...labels);

  // Row labels right-aligned left of the grid; column labels under it, flat or turned 45°.
  // When cells are smaller than the text, every k-th label (as ECharts' interval 'auto' did).
  const label = { size: FONT.label, fill: t.mutedText };
  const rowStep = cellHeight >= FONT.label + 1 ? 1 : Math.ceil((FONT.label + 1) / cellHeight);
  layout.rowLabels.forEach((text, r) => {
    if (r % rowStep === 0) out.push(textPath(text, grid.left - 8, (ys[r]! + ys[r + 1]! + CELL_GAP) / 2, { ...label, anchor: 'end' }));
  });
  const colStep = cellWidth >= FONT.label + 2 || layout.xRotate === 0 ? 1 : Math.ceil((FONT.label + 2) / cellWidth);
  const below = grid.top + grid.height + 8;
  layout.colLabels.forEach((text, c) => {
    if (c % colStep !== 0) return;
    const cx = (xs[c]! + xs[c + 1]! + CELL_GAP) / 2;
    out.push(
      layout.xRotate === 0
        ? textPath(text, cx, below + FONT.label / 2, { ...label, anchor: 'middle' })
        : textPath(text, cx, below, { ...label, anchor: 'end', rotate: layout.xRotate }),
    );
  });

  // Axis names: x centred at the bottom edge, y turned up along the left edge.
  const name = { size: FONT.small, fill: t.mutedText, anchor: 'middle' as const };
  const xName = nameText(spec.xLabel);
  const yName = nameText(spec.yLabel);
  if (xName) out.push(textPath(xName, grid.left + grid.width / 2, layout.height - PAD - FONT.small / 2 + 4, name));
  if (yName) out.push(textPath(yName, PAD + FONT.small / 2 - 4, grid.top + grid.height / 2, { ...name, rotate: 90 }));

  // Colour scale: a rounded bar, strongest at the top, its end values above and below it.
  const scaleText = maxTextWidth([formatValue(layout.max, layout.valueFormat), formatValue(layout.min, layout.valueFormat)], FONT.small);
  const barX = grid.left + grid.width + 14 + Math.max(0, scaleText - BAR_WIDTH) / 2;
  const barTop = grid.top + FONT.small + SCALE_TEXT_GAP;
  const barHeight = Math.max(30, grid.height - 2 * (FONT.small + SCALE_TEXT_GAP));
  const stops = layout.palette.map((c, i) => `<stop offset="${1 - i / (layout.palette.length - 1)}" stop-color="${c}"/>`).reverse();
  out.push(
    `<defs><linearGradient id="scale" x1="0" y1="0" x2="0" y2="1">${stops.join('')}</linearGradient></defs>`,
    `<rect x="${fmt(barX)}" y="${fmt(barTop)}" width="${BAR_WIDTH}" height="${fmt(barHeight)}" rx="3" fill="url(#scale)"/>`,
    textPath(formatValue(layout.max, layout.valueFormat), barX + BAR_WIDTH / 2, barTop - SCALE_TEXT_GAP - FONT.small / 2, name),
    textPath(formatValue(layout.min, layout.valueFormat), barX + BAR_WIDTH / 2, barTop + barHeight + SCALE_TEXT_GAP + FONT.small / 2, name),
  );

  if (spec.title) {
    const title = fitText(drawable(spec.title.replace(/\s+/g, ' ')), layout.width - 2 * PAD, FONT.title, 'semibold');
    out.push(textPath(title, PAD, PAD - 4 + FONT.title / 2, { size: FONT.title, face: 'semibold', fill: t.text }));
  }
  out.push('</svg>');
  return out.join('\n');
}

export function renderHeatmap(spec: HeatmapSpec): ImageAttachment {
  const layout = heatmapLayout(spec);
  return {
    data: svgToPng(heatmapSvg(spec, layout)),
    filename: spec.filename ?? 'heatmap.png',
    alt: spec.alt ?? heatmapAlt(spec, layout),
    width: layout.width,
    height: layout.height,
  };
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);
const hex = (c: RGB) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

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
function cellText(v: number, format: ValueFormat, bare = false): string {
  const text = formatValue(v, format);
  if (text === '0%') return '';
  return bare ? text.replace('%', '') : text;
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
