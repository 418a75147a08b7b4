// Labelled scatter (2-D word embeddings): one colour per group, each point named, optional
// arrows from one labelled point to another (analogy offsets such as man → king).
//
// Laid out and written as SVG here rather than through ECharts: /neighbors must answer with its
// chart in < 40 ms, and ECharts took ~20 ms of CPU for 14 points (half of it its label-overlap
// pass) before the PNG was even drawn (bench/RESULTS.md, render). The look is the one ECharts
// drew: nice-number ticks, light grid lines, legend on top, labels beside their points.
import type { ImageAttachment } from '../core/reply.ts';
import { frame, listSome, PAD, type Frame } from './common.ts';
import { svgToPng } from './engine.ts';
import { prefetchGlyphs, textPath } from './glyphs.ts';
import { drawable, ellipsize, fitText, formatTick, maxTextWidth, nameText } from './labels.ts';
import { legendLayout, type LegendItem } from './legend.ts';
import { FONT } from './theme.ts';
import type { ScatterPoint, ScatterSpec } from './types.ts';
import { textWidth } from './fonts.ts';

const SYMBOL = 9; // point diameter, px
const LABEL_GAP = 5; // point edge → label
const LABEL_H = FONT.small + 2; // label box height for overlap tests

export interface Axis {
  min: number;
  max: number;
  /** Ticks strictly inside (min, max), each with a grid line and a label. */
  ticks: number[];
}

export interface PlacedPoint {
  label: string; // as given
  text: string; // as drawn (ellipsised)
  group: string;
  color: string;
  px: number; // centre, px
  py: number;
  side: 'left' | 'right'; // where the label sits
  /** Vertical centre of the label (nudged off its neighbours), or undefined: hidden. */
  labelY: number | undefined;
}

export interface ScatterLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  x: Axis;
  y: Axis;
  points: PlacedPoint[];
  legend: LegendItem[];
  arrows: { x1: number; y1: number; x2: number; y2: number }[];
}

/** ECharts' "nice" step: about `span / 5`, rounded to 1, 2, 3, 5 or 10 × a power of ten. */
export function niceTicks(min: number, max: number, splits = 5): number[] {
  const raw = (max - min) / splits;
  if (!(raw > 0) || !Number.isFinite(raw)) return [];
  const e = Math.floor(Math.log10(raw));
  const f = raw / 10 ** e;
  const step = (f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10) * 10 ** e;
  const ticks = [];
  for (let i = Math.floor(min / step) + 1; i * step < max - step * 1e-9; i++) {
    const v = +(i * step).toPrecision(12);
    if (v > min + step * 1e-9) ticks.push(v);
  }
  return ticks;
}

export function scatterLayout(spec: ScatterSpec, f: Frame = frame(spec)): ScatterLayout {
  const pts = spec.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (pts.length === 0) throw new RangeError('scatter needs at least one point with finite x and y');
  const t = f.theme;
  const groups = [...new Set(pts.map((p) => p.group ?? ''))];
  const legend = legendLayout(f, groups);
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

  // y first: its tick labels decide how much room the left margin needs.
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const xSpan = x1 - x0 || 1;
  const ySpan = y1 - y0 || 1;
  let yMin = y0 - ySpan * 0.08;
  let yMax = y1 + ySpan * 0.08;
  let yTicks = niceTicks(yMin, yMax);
  const xName = nameText(spec.xLabel);
  const yName = nameText(spec.yLabel);
  const left = PAD + (yName ? FONT.small + 10 : 0) + maxTextWidth(yTicks.map(formatTick), FONT.label) + 8;
  const top = legend.bottom + 10;
  const bottom = f.height - PAD - (xName ? FONT.small + 8 : 0) - FONT.label - 8;
  const plot = { left, top, width: f.width - PAD - left, height: bottom - top };
  if (plot.width < 40 || plot.height < 40) throw new RangeError(`scatter does not fit in ${f.width}×${f.height} px`);

  // x range with room beside the outermost points for their labels.
  const room = (side: ScatterPoint[]) =>
    Math.min(0.45, (maxTextWidth(side.map((p) => ellipsize(p.label)), FONT.small) + 14) / plot.width);
  const rightFrac = room(pts.filter((p) => !labelLeft(p) && p.x > x1 - xSpan * 0.4));
  const leftFrac = room(pts.filter((p) => labelLeft(p) && p.x < x0 + xSpan * 0.4));
  const base = xSpan / (1 - rightFrac - leftFrac);
  let xMin = x0 - base * (leftFrac + 0.03);
  let xMax = x1 + base * (rightFrac + 0.03);
  if (spec.equalAspect) {
    // one unit is as many px across as up, so angles on the chart are the true angles
    const perX = plot.width / (xMax - xMin);
    const perY = plot.height / (yMax - yMin);
    if (perX > perY) {
      const grow = (plot.width / perY - (xMax - xMin)) / 2;
      [xMin, xMax] = [xMin - grow, xMax + grow];
    } else {
      const grow = (plot.height / perX - (yMax - yMin)) / 2;
      [yMin, yMax] = [yMin - grow, yMax + grow];
      yTicks = niceTicks(yMin, yMax);
    }
  }
  const px = (x: number) => plot.left + ((x - xMin) / (xMax - xMin)) * plot.width;
  const py = (y: number) => plot.top + ((yMax - y) / (yMax - yMin)) * plot.height;

  // Labels in the order given (the query word first): each one nudged up or down off the labels
  // already placed, or left out when no nudge clears them (the alt text lists every point).
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const points = pts.map((p): PlacedPoint => {
    const text = ellipsize(p.label);
    const preferred: PlacedPoint['side'] = labelLeft(p) ? 'left' : 'right';
    const [cx, cy] = [px(p.x), py(p.y)];
    const w = textWidth(text, FONT.small);
    let labelY: number | undefined;
    let side = preferred;
    // the preferred side first, then the other one: a crowded cluster still gets every label it can
    place: for (const s of [preferred, preferred === 'right' ? 'left' : 'right'] as const) {
      const lx0 = s === 'right' ? cx + SYMBOL / 2 + LABEL_GAP : cx - SYMBOL / 2 - LABEL_GAP - w;
      if (lx0 < 0 || lx0 + w > f.width) continue;
      for (const dy of [0, -LABEL_H / 2, LABEL_H / 2, -LABEL_H, LABEL_H, -1.5 * LABEL_H, 1.5 * LABEL_H]) {
        const b = { x0: lx0, x1: lx0 + w, y0: cy + dy - LABEL_H / 2, y1: cy + dy + LABEL_H / 2 };
        if (b.y0 < plot.top - LABEL_H / 2 || b.y1 > plot.top + plot.height + LABEL_H / 2) continue;
        if (!boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1)) {
          boxes.push(b);
          labelY = cy + dy;
          side = s;
          break place;
        }
      }
    }
    const group = p.group ?? '';
    return { label: p.label, text, group, color: t.palette[groups.indexOf(group) % t.palette.length]!, px: cx, py: cy, side, labelY };
  });

  // Arrows stop short of both points so the dots stay visible.
  const arrows = (spec.arrows ?? []).flatMap((a) => {
    const from = byLabel.get(a.from);
    const to = byLabel.get(a.to);
    if (!from || !to || from === to) return [];
    const [ax, ay, bx, by] = [px(from.x), py(from.y), px(to.x), py(to.y)];
    const len = Math.hypot(bx - ax, by - ay);
    if (len < 3 * SYMBOL) return [{ x1: ax, y1: ay, x2: bx, y2: by }];
    const gap = (SYMBOL / 2 + 3) / len;
    return [{ x1: ax + (bx - ax) * gap, y1: ay + (by - ay) * gap, x2: bx - (bx - ax) * gap, y2: by - (by - ay) * gap }];
  });

  return {
    width: f.width,
    height: f.height,
    plot,
    x: { min: xMin, max: xMax, ticks: niceTicks(xMin, xMax) },
    y: { min: yMin, max: yMax, ticks: yTicks },
    points,
    legend: legend.items.map((item) => ({ ...item, color: t.palette[groups.indexOf(item.name) % t.palette.length]! })),
    arrows,
  };
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);

export function scatterSvg(spec: ScatterSpec, f: Frame = frame(spec), layout = scatterLayout(spec, f)): string {
  const t = f.theme;
  const { plot, x, y } = layout;
  const px = (v: number) => plot.left + ((v - x.min) / (x.max - x.min)) * plot.width;
  const py = (v: number) => plot.top + ((y.max - v) / (y.max - y.min)) * plot.height;
  const right = plot.left + plot.width;
  const bottom = plot.top + plot.height;
  // All glyphs a first chart needs, fetched in one go (see glyphs.ts).
  prefetchGlyphs([...layout.points.map((p) => p.text), ...layout.legend.map((l) => l.text), spec.xLabel ?? '', spec.yLabel ?? '', '0123456789.-']);
  const out = [
    `<svg width="${layout.width}" height="${layout.height}" xmlns="http://www.w3.org/2000/svg">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="${t.background}"/>`,
  ];
  // Grid lines on whole pixels + 0.5, so a 1 px line is one crisp row of pixels.
  const crisp = (v: number) => Math.round(v - 0.5) + 0.5;
  const lines = [
    ...[x.min, ...x.ticks, x.max].map((v) => `M${crisp(px(v))} ${fmt(plot.top)}V${fmt(bottom)}`),
    ...[y.min, ...y.ticks, y.max].map((v) => `M${fmt(plot.left)} ${crisp(py(v))}H${fmt(right)}`),
  ];
  out.push(`<path d="${lines.join('')}" stroke="${t.splitLine}" stroke-width="1" fill="none"/>`);
  const tick = { size: FONT.label, fill: t.mutedText };
  for (const v of x.ticks) out.push(textPath(formatTick(v), px(v), bottom + 8 + FONT.label / 2, { ...tick, anchor: 'middle' }));
  for (const v of y.ticks) out.push(textPath(formatTick(v), plot.left - 8, py(v), { ...tick, anchor: 'end' }));
  const name = { size: FONT.small, fill: t.mutedText, anchor: 'middle' as const };
  const xName = nameText(spec.xLabel);
  const yName = nameText(spec.yLabel);
  if (xName) out.push(textPath(xName, plot.left + plot.width / 2, layout.height - PAD - FONT.small / 2, name));
  if (yName) out.push(textPath(yName, PAD + FONT.small / 2, plot.top + plot.height / 2, { ...name, rotate: 90 }));

  for (const a of layout.arrows) {
    const len = Math.hypot(a.x2 - a.x1, a.y2 - a.y1) || 1;
    const [ux, uy] = [(a.x2 - a.x1) / len, (a.y2 - a.y1) / len];
    out.push(
      `<path d="M${fmt(a.x1)} ${fmt(a.y1)}L${fmt(a.x2)} ${fmt(a.y2)}" stroke="${t.mutedText}" stroke-width="1.5" stroke-dasharray="6,3" fill="none"/>`,
      // ECharts' arrow symbol, its tip on the end point, turned along the arrow.
      `<path d="M0 0L6 9L0 6.8L-6 9Z" fill="${t.mutedText}" transform="matrix(${fmt(-uy)},${fmt(ux)},${fmt(-ux)},${fmt(-uy)},${fmt(a.x2)},${fmt(a.y2)})"/>`,
    );
  }
  for (const p of layout.points) out.push(`<circle cx="${fmt(p.px)}" cy="${fmt(p.py)}" r="${SYMBOL / 2}" fill="${p.color}"/>`);
  for (const p of layout.points) {
    if (p.labelY === undefined) continue;
    const x0 = p.side === 'right' ? p.px + SYMBOL / 2 + LABEL_GAP : p.px - SYMBOL / 2 - LABEL_GAP;
    out.push(textPath(p.text, x0, p.labelY, { size: FONT.small, fill: t.text, anchor: p.side === 'right' ? 'start' : 'end' }));
  }

  for (const item of layout.legend) {
    out.push(`<circle cx="${fmt(item.x + 11)}" cy="${fmt(item.y)}" r="5" fill="${item.color}"/>`);
    out.push(textPath(item.text, item.x + 27, item.y, { size: FONT.legend, fill: t.text }));
  }
  if (spec.title) {
    const title = fitText(drawable(spec.title.replace(/\s+/g, ' ')), layout.width - 2 * PAD, FONT.title, 'semibold');
    out.push(textPath(title, PAD, PAD - 4 + FONT.title / 2, { size: FONT.title, face: 'semibold', fill: t.text }));
  }
  out.push('</svg>');
  return out.join('\n');
}

export function renderScatter(spec: ScatterSpec): ImageAttachment {
  const f = frame(spec);
  return { data: svgToPng(scatterSvg(spec, f)), filename: spec.filename ?? 'scatter.png', alt: spec.alt ?? scatterAlt(spec), width: f.width, height: f.height };
}

export function scatterAlt(spec: ScatterSpec): string {
  const groups = [...new Set(spec.points.map((p) => p.group).filter((g): g is string => !!g))];
  const head = `${spec.title ? `${spec.title}: scatter plot` : 'Scatter plot'} of ${spec.points.length} labelled points (${listSome(spec.points.map((p: ScatterPoint) => p.label), 6)})`;
  const g = groups.length ? ` in ${groups.length} groups (${listSome(groups)})` : '';
  const arrows = spec.arrows?.length ? ` Arrows: ${listSome(spec.arrows.map((a) => `${a.from} → ${a.to}`))}.` : '';
  return `${head}${g}.${arrows}`;
}
