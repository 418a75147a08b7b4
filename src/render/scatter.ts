// Labelled scatter (2-D word embeddings): one colour per group, each point named, optional
// arrows from one labelled point to another (analogy offsets such as man → king).
import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { axisLabelStyle, axisNameStyle, baseOption, frame, listSome, PAD, type Frame } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatTick, maxTextWidth } from './labels.ts';
import { legendOption } from './legend.ts';
import { FONT } from './theme.ts';
import type { ScatterPoint, ScatterSpec } from './types.ts';

export function scatterOption(spec: ScatterSpec, f: Frame = frame(spec)): EChartsOption {
  const pts = spec.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) throw new RangeError('scatter needs at least one point with finite x and y');
  const t = f.theme;
  const groups = [...new Set(pts.map((p) => p.group ?? ''))];
  const legend = legendOption(f, groups, 'circle');
  const byLabel = new Map(pts.map((p) => [p.label, p] as const));

  // Leave room right of the rightmost point for its label, and a margin all round.
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const xSpan = x1 - x0 || 1;
  const ySpan = y1 - y0 || 1;
  const plotW = f.width - 2 * PAD - 50;
  const labelFrac = Math.min(0.45, (maxTextWidth(pts.map((p) => ellipsize(p.label)), FONT.small) + 14) / plotW);
  const xMin = x0 - xSpan * 0.06;
  const xMax = x1 + (xSpan * (labelFrac + 0.02)) / (1 - labelFrac);

  const series: ScatterSeriesOption[] = groups.map((g) => ({
    type: 'scatter',
    name: g,
    data: pts.filter((p) => (p.group ?? '') === g).map((p) => ({ value: [p.x, p.y], name: p.label })),
    symbolSize: 9,
    itemStyle: { opacity: 1 },
    label: {
      show: true,
      position: 'right',
      distance: 5,
      fontSize: FONT.small,
      color: t.text,
      formatter: (p: { name: string }) => ellipsize(p.name),
    },
    labelLayout: { moveOverlap: 'shiftY' },
    emphasis: { disabled: true },
  }));

  const arrows = (spec.arrows ?? []).flatMap((a) => {
    const from = byLabel.get(a.from);
    const to = byLabel.get(a.to);
    return from && to ? [[{ coord: [from.x, from.y] }, { coord: [to.x, to.y] }]] : [];
  });
  if (arrows.length && series[0]) {
    series[0].markLine = {
      silent: true,
      symbol: ['none', 'arrow'],
      symbolSize: 10,
      label: { show: false },
      lineStyle: { color: t.mutedText, width: 1.5, type: 'dashed' },
      emphasis: { disabled: true },
      data: arrows as never,
    };
  }

  const axis = (name: string | undefined, min: number, max: number, vertical: boolean) => ({
    type: 'value' as const,
    min,
    max,
    name,
    nameLocation: 'middle' as const,
    nameGap: vertical ? 40 : 28,
    nameRotate: vertical ? 90 : 0,
    nameTextStyle: axisNameStyle(f),
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: { ...axisLabelStyle(f), showMinLabel: false, showMaxLabel: false, formatter: (v: number) => formatTick(v) },
    splitLine: { lineStyle: { color: t.splitLine } },
  });

  return {
    ...baseOption(f, spec.title),
    legend: legend.option,
    grid: { left: PAD, right: PAD, top: legend.bottom + 10, bottom: PAD, outerBoundsMode: 'same' },
    xAxis: axis(spec.xLabel, xMin, xMax, false),
    yAxis: axis(spec.yLabel, y0 - ySpan * 0.08, y1 + ySpan * 0.08, true),
    series,
  };
}

export function renderScatter(spec: ScatterSpec): ImageAttachment {
  const f = frame(spec);
  const svg = renderSvg(scatterOption(spec, f), f.width, f.height);
  return { data: svgToPng(svg), filename: spec.filename ?? 'scatter.png', alt: spec.alt ?? scatterAlt(spec), width: f.width, height: f.height };
}

export function scatterAlt(spec: ScatterSpec): string {
  const groups = [...new Set(spec.points.map((p) => p.group).filter((g): g is string => !!g))];
  const head = `${spec.title ? `${spec.title}: scatter plot` : 'Scatter plot'} of ${spec.points.length} labelled points (${listSome(spec.points.map((p: ScatterPoint) => p.label), 6)})`;
  const g = groups.length ? ` in ${groups.length} groups (${listSome(groups)})` : '';
  const arrows = spec.arrows?.length ? ` Arrows: ${listSome(spec.arrows.map((a) => `${a.from} → ${a.to}`))}.` : '';
  return `${head}${g}.${arrows}`;
}
