// Line chart: several series (loss curves, gate values over time), legend, optional log y axis.
import type { EChartsOption, XAXisComponentOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { axisLabelStyle, axisNameStyle, baseOption, fmtNum, frame, listSome, PAD, type Frame } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatTick, nameText, shorten } from './labels.ts';
import { legendOption } from './legend.ts';
import type { LineSpec } from './types.ts';

export function lineOption(spec: LineSpec, f: Frame = frame(spec)): EChartsOption {
  if (spec.series.length === 0) throw new RangeError('line chart needs at least one series');
  const t = f.theme;
  const numericX = spec.x.every((v) => typeof v === 'number');
  const legend = legendOption(f, spec.series.map((s) => s.name), 'line');
  const clean = (v: number | null) => (v === null || !Number.isFinite(v) || (spec.logY && v <= 0) ? null : v);
  const manyPoints = spec.x.length > 24; // then markers only clutter the line
  return {
    ...baseOption(f, spec.title),
    legend: legend.option,
    grid: {
      left: PAD,
      right: PAD + 6,
      top: legend.bottom + 10,
      bottom: PAD,
      outerBoundsMode: 'same', // axis labels and names stay inside these margins
      containLabel: false,
    },
    xAxis: {
      ...(numericX
        ? { type: 'value' as const, min: 'dataMin', max: 'dataMax' }
        : { type: 'category' as const, data: spec.x.map((v) => ellipsize(String(v))), boundaryGap: false }),
      name: nameText(spec.xLabel),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: axisNameStyle(f),
      axisLine: { lineStyle: { color: t.axisLine } },
      axisTick: { lineStyle: { color: t.axisLine } },
      axisLabel: { ...axisLabelStyle(f), hideOverlap: true, formatter: numericX ? (v: number) => formatTick(v) : undefined },
      splitLine: { show: false },
    } as XAXisComponentOption,
    yAxis: {
      type: spec.logY ? 'log' : 'value',
      logBase: 10,
      scale: !spec.logY,
      min: spec.yMin,
      max: spec.yMax,
      name: nameText(spec.yLabel),
      nameLocation: 'middle',
      nameGap: 44,
      nameRotate: 90,
      nameTextStyle: axisNameStyle(f),
      axisLine: { show: false },
      axisLabel: { ...axisLabelStyle(f), formatter: (v: number) => formatTick(v) },
      splitLine: { lineStyle: { color: t.splitLine } },
    },
    series: spec.series.map((s) => ({
      type: 'line' as const,
      name: s.name,
      data: spec.x.map((x, i) => [numericX ? x : i, clean(s.data[i] ?? null)]),
      symbol: manyPoints ? 'none' : 'circle',
      symbolSize: 6,
      lineStyle: { width: 2.5, type: s.dashed ? ('dashed' as const) : ('solid' as const) },
      connectNulls: false,
      emphasis: { disabled: true },
    })),
  };
}

export function renderLineChart(spec: LineSpec): ImageAttachment {
  const f = frame(spec);
  const svg = renderSvg(lineOption(spec, f), f.width, f.height);
  return { data: svgToPng(svg), filename: spec.filename ?? 'line.png', alt: spec.alt ?? lineAlt(spec), width: f.width, height: f.height };
}

export function lineAlt(spec: LineSpec): string {
  const first = spec.x[0];
  const last = spec.x[spec.x.length - 1];
  const head = `${spec.title ? `${spec.title}: line chart` : 'Line chart'} of ${listSome(spec.series.map((s) => s.name))}` +
    (spec.x.length ? ` over ${spec.xLabel ?? 'x'} from ${String(first)} to ${String(last)}` : '') +
    (spec.logY ? ' (log scale)' : '') + '.';
  const ends = spec.series.slice(0, 4).map((s) => {
    const vals = s.data.filter((v): v is number => v !== null && Number.isFinite(v));
    if (!vals.length) return `${shorten(s.name, 24)} has no data`;
    return `${shorten(s.name, 24)} goes from ${fmtNum(vals[0]!)} to ${fmtNum(vals[vals.length - 1]!)} (min ${fmtNum(Math.min(...vals))}, max ${fmtNum(Math.max(...vals))})`;
  });
  return `${head} ${ends.join('; ')}.`;
}
