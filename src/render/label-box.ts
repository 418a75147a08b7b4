// Where each label of a chart lands: every text drawn through glyphs.ts (ECharts' <text> and our
// own textPath) reports its box here while a recording is open, and svgToPng closes one chart per
// PNG. The readability check (tests/render/readability.test.ts) reads these boxes: size, inside
// the canvas, no overlaps. With no recording open nothing is kept (one flag test per label).

export interface LabelBox {
  text: string;
  fontSize: number; // px, as drawn
  /** Axis-aligned box in canvas px (rotated labels: the box of the rotated text). */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The text's own box, corner by corner (differs from the axis-aligned one when rotated). */
  corners: readonly (readonly [number, number])[];
}

export interface ChartLabels {
  width: number;
  height: number;
  labels: LabelBox[];
}

let pending: LabelBox[] | undefined;
let charts: ChartLabels[] | undefined;

/** Run `fn` and return, with its result, the labels of every chart it rendered to PNG. */
export function recordLabels<T>(fn: () => Promise<T>): Promise<{ result: T; charts: ChartLabels[] }>;
export function recordLabels<T>(fn: () => T): { result: T; charts: ChartLabels[] };
export function recordLabels<T>(fn: () => T | Promise<T>): { result: T; charts: ChartLabels[] } | Promise<{ result: T; charts: ChartLabels[] }> {
  const outer = { pending, charts };
  pending = [];
  charts = [];
  const done = (result: T) => {
    const out = { result, charts: charts! };
    ({ pending, charts } = outer);
    return out;
  };
  try {
    const r = fn();
    if (r instanceof Promise) {
      return r.then(done, (err: unknown) => {
        ({ pending, charts } = outer);
        throw err;
      });
    }
    return done(r);
  } catch (err) {
    ({ pending, charts } = outer);
    throw err;
  }
}

export const recording = (): boolean => pending !== undefined;

/** An affine transform [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Affine = readonly [number, number, number, number, number, number];
export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

export function compose(m: Affine, n: Affine): Affine {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

/** SVG transform lists as written by ECharts and textPath: translate, rotate, scale, matrix. */
export function parseTransform(s: string): Affine {
  let m = IDENTITY;
  for (const [, op, args] of s.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const v = args!.trim().split(/[\s,]+/).map(Number);
    if (op === 'translate') m = compose(m, [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0]);
    else if (op === 'scale') m = compose(m, [v[0]!, 0, 0, v[1] ?? v[0]!, 0, 0]);
    else if (op === 'rotate') {
      const r = ((v[0] ?? 0) * Math.PI) / 180;
      m = compose(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    } else if (op === 'matrix' && v.length === 6) m = compose(m, v as unknown as Affine);
  }
  return m;
}

/**
 * Note one label: `transform` maps the text's own frame, in which the text runs from x = 0 to
 * `width` and its em box from y = `top` to `top + fontSize`, onto the canvas.
 */
export function noteLabel(text: string, fontSize: number, width: number, top: number, transform: Affine): void {
  if (!pending || !text.trim()) return;
  const corners = [
    [0, top],
    [width, top],
    [0, top + fontSize],
    [width, top + fontSize],
  ].map(([x, y]) => [transform[0] * x! + transform[2] * y! + transform[4], transform[1] * x! + transform[3] * y! + transform[5]] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const scale = Math.hypot(transform[0], transform[1]);
  const quad = [corners[0]!, corners[1]!, corners[3]!, corners[2]!]; // in order round the box
  pending.push({ text, fontSize: fontSize * scale, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), corners: quad });
}

/** Close the chart being drawn (svgToPng calls this with the SVG's size). */
export function noteChart(width: number, height: number): void {
  if (!pending || !charts) return;
  charts.push({ width, height, labels: pending });
  pending = [];
}

// ---- the checks ----

/** Smallest text on the chart as it would be at `atWidth` px wide. */
export function smallestText(c: ChartLabels, atWidth = 640): number {
  // rounded to 1/100 px: ECharts writes a rotation matrix to 4 decimals, so a scale of 0.9999
  return Math.min(...c.labels.map((l) => Math.round((l.fontSize * atWidth * 100) / c.width) / 100));
}

/** How far two convex boxes overlap along the axis where they overlap least (≤ 0: apart). */
function penetration(a: LabelBox['corners'], b: LabelBox['corners']): number {
  let least = Infinity;
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (len === 0) continue;
      const nx = -(q[1] - p[1]) / len;
      const ny = (q[0] - p[0]) / len;
      const proj = (ps: LabelBox['corners']) => ps.map(([x, y]) => x * nx + y * ny);
      const pa = proj(a);
      const pb = proj(b);
      least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return least;
}

/** Labels whose box leaves the canvas (by more than `slack` px). */
export function outside(c: ChartLabels, slack = 0.5): LabelBox[] {
  return c.labels.filter((l) => l.left < -slack || l.top < -slack || l.right > c.width + slack || l.bottom > c.height + slack);
}

/**
 * Pairs of labels whose boxes (rotated ones as rotated) overlap by more than `slack` px. The em box is taller
 * than the ink, so two lines of text set exactly one font size apart do not count.
 */
export function overlaps(c: ChartLabels, slack = 1): [LabelBox, LabelBox][] {
  const out: [LabelBox, LabelBox][] = [];
  const ls = c.labels;
  for (let i = 0; i < ls.length; i++) {
    for (let j = i + 1; j < ls.length; j++) {
      const a = ls[i]!;
      const b = ls[j]!;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > slack && oy > slack && penetration(a.corners, b.corners) > slack) out.push([a, b]);
    }
  }
  return out;
}
