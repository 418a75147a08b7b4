// Line chart: several series (loss curves, gate values over time), legend, optional log y axis.
import type { EChartsOption, XAXisComponentOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { axisLabelStyle, axisNameStyle, baseOption, fmtNum, frame, listSome, PAD, type Frame } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatTick, nameText, shorten } from './labels.ts';
import { legendOption } from './legend.ts';
import { FONT } from './theme.ts';
import type { LineSpec } from './types.ts';

export function lineOption(spec: LineSpec, f: Frame = frame(spec)): EChartsOption {
  if (spec.series.length === 0) throw new RangeError('line chart needs at least one series');
  const t = f.theme;
  const numericX = spec.x.every((v) => typeof v === 'number');
  const lower = spec.lower?.series.length ? spec.lower : undefined;
  const all = [...spec.series, ...(lower?.series ?? [])];
  const legend = legendOption(f, all.map((s) => s.name), 'line');
  const clean = (v: number | null, log = false) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : v);
  const manyPoints = spec.x.length > 24; // then markers only clutter the line
  const top = legend.bottom + 10 + (spec.lower ? FONT.label / 2 : 0); // the top tick label is centred on the edge
  // two panels: the upper one ends where the lower one's top tick label still has room
  const xLabelSpace = FONT.label + 8 + (spec.xLabel ? FONT.small + 12 : 0);
  const plotHeight = f.height - top - PAD - xLabelSpace;
  const gap = 2 * FONT.label + 6;
  const upperHeight = lower ? Math.floor((plotHeight - gap) / 2) : plotHeight;
  // two panels share one explicit left edge so their x positions line up
  const left = PAD + (spec.yLabel || lower?.yLabel ? FONT.small + 14 : 0) + 6 * FONT.label * 0.62;
  const grid = (y: number, h: number) => ({ left, right: PAD + 6, top: y, height: h, containLabel: false });
  const grids = lower
    ? [grid(top, upperHeight), grid(top + upperHeight + gap, plotHeight - upperHeight - gap)]
    : [{ left: PAD, right: PAD + 6, top, bottom: PAD, outerBoundsMode: 'same' as const, containLabel: false }];
  const xAxis = (index: number, named: boolean) =>
    ({
      gridIndex: index,
      ...(numericX
        ? { type: 'value' as const, min: 'dataMin', max: 'dataMax' }
        : { type: 'category' as const, data: spec.x.map((v) => ellipsize(String(v))), boundaryGap: false }),
      name: named ? nameText(spec.xLabel) : undefined,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: axisNameStyle(f),
      axisLine: { lineStyle: { color: t.axisLine } },
      axisTick: { lineStyle: { color: t.axisLine } },
      axisLabel: { ...axisLabelStyle(f), show: named, hideOverlap: true, formatter: numericX ? (v: number) => formatTick(v) : undefined },
      splitLine: { show: false },
    }) as XAXisComponentOption;
  const yAxis = (index: number, p: { yLabel?: string; yMin?: number; yMax?: number }, log: boolean) => ({
    gridIndex: index,
    type: log ? ('log' as const) : ('value' as const),
    logBase: 10,
    scale: !log,
    min: p.yMin,
    max: p.yMax,
    // log axes: ticks only at powers of 10, at most ~6 of them (one per decade when it fits)
    ...(log ? logTicks(spec.series) : {}),
    name: nameText(p.yLabel),
    nameLocation: 'middle' as const,
    nameGap: 44,
    nameRotate: 90,
    nameTextStyle: axisNameStyle(f),
    axisLine: { show: false },
    axisLabel: { ...axisLabelStyle(f), formatter: (v: number) => (log ? formatLogTick(v) : formatTick(v)) },
    splitLine: { lineStyle: { color: t.splitLine } },
  });
  const series = (s: LineSpec['series'][number], index: number, log: boolean) => ({
    type: 'line' as const,
    name: s.name,
    xAxisIndex: index,
    yAxisIndex: index,
    data: spec.x.map((x, i) => [numericX ? x : i, clean(s.data[i] ?? null, log)]),
    symbol: manyPoints ? 'none' : (s.marker ?? 'circle'),
    symbolSize: s.marker && s.marker !== 'circle' ? 9 : 6,
    lineStyle: { width: 2.5, type: s.dotted ? ('dotted' as const) : s.dashed ? ('dashed' as const) : ('solid' as const) },
    connectNulls: false,
    emphasis: { disabled: true },
  });
  return {
    ...baseOption(f, spec.title),
    legend: legend.option,
    grid: grids,
    xAxis: lower ? [xAxis(0, false), xAxis(1, true)] : [xAxis(0, true)],
    yAxis: lower ? [yAxis(0, spec, !!spec.logY), yAxis(1, lower, false)] : [yAxis(0, spec, !!spec.logY)],
    series: [...spec.series.map((s) => series(s, 0, !!spec.logY)), ...(lower?.series ?? []).map((s) => series(s, 1, false))],
  };
}

/** Log-axis ticks at whole powers of 10: one per decade, or every k-th decade to keep ≤ 6 labels. */
function logTicks(series: LineSpec['series']): { min: number; max: number; interval: number } {
  const vals = series.flatMap((s) => s.data).filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const lo = Math.floor(Math.log10(Math.min(...vals, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...vals, 1)));
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const min = Math.floor(lo / step) * step;
  return { min: 10 ** min, max: 10 ** (min + Math.ceil((hi - min) / step) * step), interval: step };
}

/** 1e-6 … 0.01, 0.1, 1, 10, 100, 1000, 1e4 …: exact powers of ten, short. */
function formatLogTick(v: number): string {
  const e = Math.round(Math.log10(v));
  return e >= -2 && e <= 3 ? String(10 ** e >= 1 ? 10 ** e : Number((10 ** e).toFixed(-e))) : `1e${e}`;
}

export function renderLineChart(spec: LineSpec): ImageAttachment {
  const f = frame(spec);
  const svg = renderSvg(lineOption(spec, f), f.width, f.height);
  return { data: svgToPng(svg), filename: spec.filename ?? 'line.png', alt: spec.alt ?? lineAlt(spec), width: f.width, height: f.height };
}

export function lineAlt(spec: LineSpec): string {
  const first = spec.x[0];
  const allSeries = [...spec.series, ...(spec.lower?.series ?? [])];
  const last = spec.x[spec.x.length - 1];
  const head = `${spec.title ? `${spec.title}: line chart` : 'Line chart'} of ${listSome(allSeries.map((s) => s.name))}` +
    (spec.x.length ? ` over ${spec.xLabel ?? 'x'} from ${String(first)} to ${String(last)}` : '') +
    (spec.logY ? ' (log scale)' : '') + '.';
  const ends = allSeries.slice(0, 4).map((s) => {
    const vals = s.data.filter((v): v is number => v !== null && Number.isFinite(v));
    if (!vals.length) return `${shorten(s.name, 24)} has no data`;
    return `${shorten(s.name, 24)} goes from ${fmtNum(vals[0]!)} to ${fmtNum(vals[vals.length - 1]!)} (min ${fmtNum(Math.min(...vals))}, max ${fmtNum(Math.max(...vals))})`;
  });
  return `${head} ${ends.join('; ')}.`;
}
