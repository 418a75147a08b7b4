// Diagram layout: boxes, arrows and text placed in px on a fixed canvas. Everything a renderer or
// a test needs is in the layout (each text's box is computed from Inter's advance widths), so the
// readability rules — text ≥ 15 px at 640 px, inside the canvas, no two texts overlapping — are
// checked on the layout itself, and tests can find a gate's value where the layout put it.
import type { Face } from '../fonts.ts';
import { textWidth } from '../fonts.ts';
import { INK, tint } from '../palette.ts';

export interface Rect {
  x: number; // left, px
  y: number; // top, px
  w: number;
  h: number;
}

export type Point = readonly [number, number];

export interface TextItem {
  id?: string;
  text: string;
  x: number; // anchor x
  y: number; // vertical centre
  size: number; // px
  anchor: 'start' | 'middle' | 'end';
  fill: string;
  face?: Face;
  /** Drawn on a background plate (edge labels over lines). */
  plate?: boolean;
}

export interface Box extends Rect {
  id: string;
  stroke: string;
  fill: string;
  shape: 'rect' | 'circle';
  dashed?: boolean;
  highlight?: boolean;
}

export interface Arrow {
  id?: string;
  points: readonly Point[];
  color: string;
  width: number;
  head: boolean;
  dashed?: boolean;
  highlight?: boolean;
}

export interface Diagram {
  width: number;
  height: number;
  boxes: Box[];
  arrows: Arrow[];
  texts: TextItem[];
  filename: string;
  alt: string;
}

/** Type sizes at 640 px width: Discord shows the picture at ~400 px, so 15 px becomes ~9.4. */
export const TEXT = { min: 15, label: 15, title: 18 } as const;
const PLATE_PAD = 3;

/** The box a text occupies (a plate included), from the font's advance widths. */
export function textRect(t: TextItem): Rect {
  const w = textWidth(t.text, t.size, t.face ?? 'regular');
  const h = t.size * 1.25;
  const x = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  const pad = t.plate ? PLATE_PAD : 0;
  return { x: x - pad, y: t.y - h / 2 - pad, w: w + 2 * pad, h: h + 2 * pad };
}

/** `text` cut to fit `width` px at `size` px, ending in "…" when cut; '' when not even "x…" fits. */
export function fitText(text: string, width: number, size: number = TEXT.label, face: Face = 'regular'): string {
  if (textWidth(text, size, face) <= width) return text;
  let t = text;
  while (t.length > 1 && textWidth(`${t}…`, size, face) > width) t = t.slice(0, -1);
  return textWidth(`${t}…`, size, face) <= width ? `${t}…` : '';
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** Readability problems of a layout, as sentences; empty when it is fine. */
export function layoutProblems(d: Diagram): string[] {
  const problems: string[] = [];
  const canvas = { x: 0, y: 0, w: d.width, h: d.height };
  const rects = d.texts.map(textRect);
  d.texts.forEach((t, i) => {
    if (t.size * (640 / d.width) < TEXT.min) problems.push(`"${t.text}" is ${t.size} px at ${d.width} px width`);
    if (!inside(rects[i]!, canvas)) problems.push(`"${t.text}" leaves the canvas`);
    for (let j = i + 1; j < d.texts.length; j++) if (overlaps(rects[i]!, rects[j]!)) problems.push(`"${t.text}" overlaps "${d.texts[j]!.text}"`);
  });
  return problems;
}

export function findBox(d: Diagram, id: string): Box {
  const b = d.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
}

export function findText(d: Diagram, id: string): TextItem {
  const t = d.texts.find((x) => x.id === id);
  if (!t) throw new Error(`no text ${id}`);
  return t;
}

export interface BoxOptions {
  /** Lines of text centred in the box; the first in the box colour's darker ink. */
  lines?: readonly (string | { text: string; id?: string; bold?: boolean; fill?: string })[];
  shape?: 'rect' | 'circle';
  dashed?: boolean;
  highlight?: boolean;
  /** How much white goes into the fill (0 = solid colour). */
  fillTint?: number;
  size?: number;
}

/** Collects a diagram's parts; coordinates are the caller's (each diagram file is its own layout). */
export class DiagramBuilder {
  readonly boxes: Box[] = [];
  readonly arrows: Arrow[] = [];
  readonly texts: TextItem[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    title?: string,
  ) {
    if (title) this.text(title, 16, 20, { size: TEXT.title, face: 'semibold' });
  }

  box(id: string, r: Rect, color: string, o: BoxOptions = {}): Box {
    const b: Box = { id, ...r, stroke: color, fill: tint(color, o.fillTint ?? 0.82), shape: o.shape ?? 'rect', dashed: o.dashed, highlight: o.highlight };
    this.boxes.push(b);
    const lines = (o.lines ?? []).map((l) => (typeof l === 'string' ? { text: l } : l));
    const size = o.size ?? TEXT.label;
    const lineH = size * 1.3;
    lines.forEach((l, i) => {
      const y = r.y + r.h / 2 + (i - (lines.length - 1) / 2) * lineH;
      this.text(l.text, r.x + r.w / 2, y, { id: l.id, size, anchor: 'middle', face: l.bold ? 'semibold' : 'regular', fill: l.fill });
    });
    return b;
  }

  text(text: string, x: number, y: number, o: Partial<Omit<TextItem, 'text' | 'x' | 'y'>> = {}): TextItem {
    const t: TextItem = { text, x, y, size: o.size ?? TEXT.label, anchor: o.anchor ?? 'start', fill: o.fill ?? INK.text, face: o.face, plate: o.plate, id: o.id };
    this.texts.push(t);
    return t;
  }

  /** A label on an edge (a tensor shape or a value), on a plate so the line does not cross it. */
  edgeLabel(text: string, x: number, y: number, color: string, o: { id?: string; anchor?: TextItem['anchor'] } = {}): TextItem {
    return this.text(text, x, y, { fill: color, plate: true, anchor: o.anchor ?? 'middle', id: o.id });
  }

  arrow(points: readonly Point[], color: string, o: { width?: number; head?: boolean; dashed?: boolean; highlight?: boolean; id?: string } = {}): Arrow {
    const a: Arrow = { points, color, width: o.width ?? 2, head: o.head ?? true, dashed: o.dashed, highlight: o.highlight, id: o.id };
    this.arrows.push(a);
    return a;
  }

  build(filename: string, alt: string): Diagram {
    return { width: this.width, height: this.height, boxes: this.boxes, arrows: this.arrows, texts: this.texts, filename, alt };
  }
}

/** Centre of a box's edge, for attaching arrows. */
export function anchorOf(b: Rect, side: 'top' | 'bottom' | 'left' | 'right' | 'centre'): Point {
  switch (side) {
    case 'top':
      return [b.x + b.w / 2, b.y];
    case 'bottom':
      return [b.x + b.w / 2, b.y + b.h];
    case 'left':
      return [b.x, b.y + b.h / 2];
    case 'right':
      return [b.x + b.w, b.y + b.h / 2];
    default:
      return [b.x + b.w / 2, b.y + b.h / 2];
  }
}
