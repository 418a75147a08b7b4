// Labelled scatter (2-D word embeddings): one colour per group, each point named, optional
// arrows from one labelled point to another (analogy offsets such as man → king).
import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { axisLabelStyle, axisNameStyle, baseOption, frame, listSome, PAD, type Frame } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatTick, maxTextWidth, nameText } from './labels.ts';
import { legendOption } from './legend.ts';
import { FONT } from './theme.ts';
import type { ScatterPoint, ScatterSpec } from './types.ts';

const SYMBOL = 9; // point diameter, px

export function scatterOption(spec: ScatterSpec, f: Frame = frame(spec)): EChartsOption {
  const pts = spec.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) throw new RangeError('scatter needs at least one point with finite x and y');
  const t = f.theme;
  const groups = [...new Set(pts.map((p) => p.group ?? ''))];
  const legend = legendOption(f, groups, 'circle');
  const byLabel = new Map(pts.map((p) => [p.label, p] as const));

  // A label sits right of its point, or left when its arrows head right (so they do not cross it).
  const pull = new Map<string, number>();
  for (const a of spec.arrows ?? []) {
    const from = byLabel.get(a.from);
    const to = byLabel.get(a.to);
    if (!from || !to) continue;
    pull.set(from.label, (pull.get(from.label) ?? 0) + (to.x - from.x));
    pull.set(to.label, (pull.get(to.label) ?? 0) + (from.x - to.x));
  }
  const labelLeft = (p: ScatterPoint) => (pull.get(p.label) ?? 0) > 0;

  // Axis ranges with room beside the outermost points for their labels.
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const xSpan = x1 - x0 || 1;
  const ySpan = y1 - y0 || 1;
  const plotW = f.width - 2 * PAD - 50; // about: the y-axis labels take the rest
  const plotH = f.height - legend.bottom - 10 - PAD - 30;
  const room = (side: ScatterPoint[]) =>
    Math.min(0.45, (maxTextWidth(side.map((p) => ellipsize(p.label)), FONT.small) + 14) / plotW);
  const rightFrac = room(pts.filter((p) => !labelLeft(p) && p.x > x1 - xSpan * 0.4));
  const leftFrac = room(pts.filter((p) => labelLeft(p) && p.x < x0 + xSpan * 0.4));
  const base = xSpan / (1 - rightFrac - leftFrac);
  const xMin = x0 - base * (leftFrac + 0.03);
  const xMax = x1 + base * (rightFrac + 0.03);
  const yMin = y0 - ySpan * 0.08;
  const yMax = y1 + ySpan * 0.08;

  const series: ScatterSeriesOption[] = groups.map((g) => ({
    type: 'scatter',
    name: g,
    data: pts
      .filter((p) => (p.group ?? '') === g)
      .map((p) => ({ value: [p.x, p.y], name: p.label, label: { position: labelLeft(p) ? 'left' : 'right' } })),
    symbolSize: SYMBOL,
    itemStyle: { opacity: 1 },
    label: {
      show: true,
      distance: 5,
      fontSize: FONT.small,
      color: t.text,
      formatter: (p: { name: string }) => ellipsize(p.name),
    },
    // Dense clusters: nudge labels apart, and drop the ones that would still overlap (the alt
    // text lists every point).
    labelLayout: { moveOverlap: 'shiftY', hideOverlap: true },
    emphasis: { disabled: true },
  }));

  // Arrows stop short of both points so the dots stay visible: shorten in pixel terms.
  const pxX = plotW / (xMax - xMin);
  const pxY = plotH / (yMax - yMin);
  const arrows = (spec.arrows ?? []).flatMap((a) => {
    const from = byLabel.get(a.from);
    const to = byLabel.get(a.to);
    if (!from || !to || from === to) return [];
    const dx = (to.x - from.x) * pxX;
    const dy = (to.y - from.y) * pxY;
    const len = Math.hypot(dx, dy);
    if (len < 3 * SYMBOL) return [[{ coord: [from.x, from.y] }, { coord: [to.x, to.y] }]];
    const at = (p: ScatterPoint, sign: number, gap: number) => [p.x + (sign * gap * dx) / len / pxX, p.y + (sign * gap * dy) / len / pxY];
    return [[{ coord: at(from, 1, SYMBOL / 2 + 3) }, { coord: at(to, -1, SYMBOL / 2 + 3) }]];
  });
  if (arrows.length && series[0]) {
    series[0].markLine = {
      silent: true,
      symbol: ['none', 'arrow'],
      symbolSize: 9,
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
    name: nameText(name),
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
    yAxis: axis(spec.yLabel, yMin, yMax, true),
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
