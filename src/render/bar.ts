// Bar chart: categories × series, vertical or horizontal (e.g. next-token probabilities).
import type { EChartsOption } from 'echarts';
import type { ImageAttachment } from '../core/reply.ts';
import { axisLabelStyle, axisNameStyle, baseOption, fmtNum, frame, listSome, PAD, type Frame } from './common.ts';
import { renderSvg, svgToPng } from './engine.ts';
import { ellipsize, formatTick, formatValue, maxTextWidth, nameText, shorten } from './labels.ts';
import { legendOption } from './legend.ts';
import { FONT } from './theme.ts';
import type { BarSpec } from './types.ts';

export function barOption(spec: BarSpec, f: Frame = frame(spec)): EChartsOption {
  if (spec.categories.length === 0 || spec.series.length === 0) throw new RangeError('bar chart needs at least one category and one series');
  const t = f.theme;
  const legend = legendOption(f, spec.series.map((s) => s.name), 'rect');
  const cats = spec.categories.map((c) => ellipsize(c));
  // Vertical bars: turn the category labels when they do not fit side by side.
  const slot = (f.width - 2 * PAD - 60) / cats.length;
  const rotate = !spec.horizontal && maxTextWidth(cats, FONT.label) + 8 > slot ? 45 : 0;
  const fmt = (v: number) => (spec.valueFormat ? formatValue(v, spec.valueFormat) : formatTick(v));
  // Values printed at the bar ends need room past the longest bar.
  const valueRoom = spec.showValues
    ? spec.horizontal
      ? maxTextWidth(spec.series.flatMap((s) => s.data.map(fmt)), FONT.small) + 8
      : FONT.small + 6
    : 0;

  const categoryAxis = {
    type: 'category' as const,
    data: cats,
    inverse: spec.horizontal, // first category on top, like a ranked list
    name: nameText(spec.xLabel),
    nameLocation: 'middle' as const,
    nameGap: 28,
    nameTextStyle: axisNameStyle(f),
    axisLine: { lineStyle: { color: t.axisLine } },
    axisTick: { show: false },
    axisLabel: { ...axisLabelStyle(f), interval: 0, rotate, hideOverlap: true },
  };
  const valueAxis = {
    type: 'value' as const,
    min: spec.yMin,
    max: spec.yMax,
    name: nameText(spec.yLabel),
    nameLocation: 'middle' as const,
    nameGap: spec.horizontal ? 28 : 44,
    nameTextStyle: axisNameStyle(f),
    axisLabel: { ...axisLabelStyle(f), formatter: fmt },
    splitLine: { lineStyle: { color: t.splitLine } },
  };
  // In horizontal mode the category axis is y and the names swap sides with it.
  const xAxis = spec.horizontal ? { ...valueAxis, name: nameText(spec.yLabel), nameGap: 28 } : categoryAxis;
  const yAxis = spec.horizontal
    ? { ...categoryAxis, name: nameText(spec.xLabel), nameRotate: 90, nameGap: maxTextWidth(cats, FONT.label) + 16, axisLine: { show: false } }
    : { ...valueAxis, nameRotate: 90 };

  return {
    ...baseOption(f, spec.title),
    legend: legend.option,
    grid: {
      left: PAD,
      right: PAD + 8 + (spec.horizontal ? valueRoom : 0),
      top: legend.bottom + 10 + (spec.horizontal ? 0 : valueRoom),
      bottom: PAD,
      outerBoundsMode: 'same',
    },
    xAxis,
    yAxis,
    series: spec.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: spec.categories.map((_, i) => (Number.isFinite(s.data[i]) ? s.data[i]! : null)),
      barMaxWidth: 48,
      label: {
        show: !!spec.showValues,
        position: spec.horizontal ? ('right' as const) : ('top' as const),
        fontSize: FONT.small,
        color: t.text,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : ''),
      },
      barGap: '10%',
      itemStyle: { borderRadius: spec.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
      emphasis: { disabled: true },
    })),
  };
}

export function renderBarChart(spec: BarSpec): ImageAttachment {
  const f = frame(spec);
  const svg = renderSvg(barOption(spec, f), f.width, f.height);
  return { data: svgToPng(svg), filename: spec.filename ?? 'bar.png', alt: spec.alt ?? barAlt(spec), width: f.width, height: f.height };
}

export function barAlt(spec: BarSpec): string {
  const head = `${spec.title ? `${spec.title}: bar chart` : 'Bar chart'} of ${listSome(spec.series.map((s) => s.name))} over ${spec.categories.length} categories`;
  const parts = spec.series.slice(0, 3).map((s) => {
    const pairs = spec.categories.map((c, i) => `${shorten(c, 24)} ${fmtNum(s.data[i] ?? NaN)}`);
    return (spec.series.length > 1 ? `${shorten(s.name, 24)}: ` : '') + listSome(pairs, 6);
  });
  return `${head}: ${parts.join('; ')}.`;
}
