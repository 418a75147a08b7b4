// Text as outlines: every <text> of a chart's SVG becomes one <path> built from cached glyph
// outlines, so resvg rasterises shapes and never lays text out. Laying out ~150 labels (font
// lookup, shaping, outline extraction per element) was most of a heatmap's PNG time; a glyph's
// outline is fetched once per process. The outlines come from resvg itself (its usvg tree, text
// converted to paths), so the letters are the very shapes resvg drew before, at the same places:
// without GSUB/GPOS (see fonts.ts) a glyph's position is the sum of the advances before it.
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, faceMetrics, fontFilesForRaster, type Face } from './fonts.ts';
import { escapeXml, xmlSafe } from './xml.ts';

/** Font size the outlines are fetched at; they scale linearly to any size. */
const REF = 100;

interface Glyph {
  /** Path commands, coordinates in px at REF size, origin on the alphabetic baseline. */
  cmds: { op: string; xy: number[] }[];
}

const glyphs = new Map<string, Glyph>();
const shifts = new Map<string, number>();

function resvgPaths(svgBody: string, face: Face, width = 4 * REF): string[] {
  const weight = face === 'semibold' ? 600 : 400;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * REF}" height="${4 * REF}">` +
    `<g style="font-family:${FONT_FAMILY};font-size:${REF}px;font-weight:${weight}">${svgBody}</g></svg>`;
  const tree = new Resvg(svg, { font: { fontFiles: [...fontFilesForRaster()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } });
  return [...tree.toString().matchAll(/ d="([^"]*)"/g)].map((m) => m[1]!);
}

/** Width of the slot each glyph gets when several are fetched in one resvg call. */
const SLOT = 3 * REF;

/**
 * Fetch the outlines of all `chars` not cached yet, in one resvg call (a first chart needs ~60
 * glyphs; one call each cost ~0.35 ms of CPU apiece). Each glyph gets its own slot along x, and
 * a path is matched to its glyph by where it starts, so glyphs without ink (spaces) are harmless.
 */
export function prefetchGlyphs(texts: Iterable<string>, face: Face = 'regular'): void {
  const missing = new Set<string>();
  for (const text of texts) for (const ch of text) if (!glyphs.has(`${face}:${ch}`)) missing.add(ch);
  if (!missing.size) return;
  const chars = [...missing];
  const body = chars.map((ch, i) => `<text x="${i * SLOT + REF}" y="${2 * REF}">${escapeXml(ch)}</text>`).join('');
  const found = new Map<number, string[]>();
  for (const d of resvgPaths(body, face, chars.length * SLOT)) {
    const x = Number(/M\s*(-?[\d.]+)/.exec(d)?.[1]);
    const i = Math.floor(x / SLOT);
    if (Number.isFinite(x)) found.set(i, [...(found.get(i) ?? []), d]);
  }
  chars.forEach((ch, i) => glyphs.set(`${face}:${ch}`, parseGlyph((found.get(i) ?? []).join(' '), i * SLOT + REF)));
}

/** Path commands relative to the pen origin (originX, 2·REF). */
function parseGlyph(d: string, originX: number): Glyph {
  const cmds: Glyph['cmds'] = [];
  for (const m of d.matchAll(/([MLQCZ])([^MLQCZ]*)/gi)) {
    const nums = m[2]!.trim() ? m[2]!.trim().split(/[\s,]+/).map(Number) : [];
    cmds.push({ op: m[1]!.toUpperCase(), xy: nums.map((v, i) => (i % 2 === 0 ? v - originX : v - 2 * REF)) });
  }
  return { cmds };
}

function glyph(ch: string, face: Face): Glyph {
  const key = `${face}:${ch}`;
  if (!glyphs.has(key)) prefetchGlyphs([ch], face);
  return glyphs.get(key)!;
}

/** How far resvg moves glyphs down for a dominant-baseline, as a fraction of the font size. */
function baselineShift(baseline: string, face: Face): number {
  if (baseline === '' || baseline === 'auto' || baseline === 'alphabetic') return 0;
  const key = `${face}:${baseline}`;
  let s = shifts.get(key);
  if (s === undefined) {
    const top = (attrs: string) => Number(/M\s*[-\d.]+\s+([-\d.]+)/.exec(resvgPaths(`<text x="${REF}" y="${2 * REF}"${attrs}>H</text>`, face)[0] ?? '')?.[1] ?? NaN);
    s = (top(` dominant-baseline="${escapeXml(baseline)}"`) - top('')) / REF;
    if (!Number.isFinite(s)) s = 0;
    shifts.set(key, s);
  }
  return s;
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);
/** Outline coordinates to 0.1 px: invisible at label sizes, and ~10% less path data to parse. */
const fmtOutline = (v: number) => String(Math.round(v * 10) / 10);

interface Laid {
  d: string; // outline with the pen starting at (0, 0) on the alphabetic baseline
  width: number; // advance width, px
}

const laid = new Map<string, Laid>();
const MAX_CACHED = 4000;

/** The outline of a whole string at `size` px: glyphs one after the other by their advances. */
export function textOutline(raw: string, size: number, face: Face = 'regular'): Laid {
  const text = xmlSafe(raw); // a NUL or lone surrogate has no glyph, and resvg rejects it
  const key = `${face}:${size}:${text}`;
  let out = laid.get(key);
  if (out) return out;
  prefetchGlyphs([text], face);
  const m = faceMetrics(face);
  const k = size / REF;
  const unit = size / m.unitsPerEm;
  let pen = 0;
  const parts: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch !== ' ') {
      for (const { op, xy } of glyph(ch, face).cmds) {
        let s = op;
        for (let i = 0; i < xy.length; i += 2) s += `${fmtOutline(pen + xy[i]! * k)} ${fmtOutline(xy[i + 1]! * k)} `;
        parts.push(s.trimEnd());
      }
    }
    pen += (m.has(cp) ? m.advance(cp) : m.missingAdvance) * unit;
  }
  out = { d: parts.join(''), width: pen };
  if (laid.size >= MAX_CACHED) laid.clear();
  laid.set(key, out);
  return out;
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;
/** Attributes that only mean something to text; everything else (fill, transform…) stays. */
const TEXT_ONLY = new Set(['x', 'y', 'dominant-baseline', 'text-anchor', 'style', 'xml:space', 'font-size', 'font-family', 'font-weight']);

/**
 * The SVG with each plain `<text>` element (what ECharts' SSR writes: no tspans) replaced by a
 * `<path>` of its glyph outlines, filled and transformed as the text was.
 */
export function textToPaths(svg: string): string {
  const contents = [...svg.matchAll(TEXT)].map((m) => unescapeXml(m[2]!));
  prefetchGlyphs(contents, 'regular');
  return svg.replace(TEXT, (whole, attrText: string, content: string) => {
    const attrs = new Map([...attrText.matchAll(ATTR)].map((m) => [m[1]!, m[2]!] as const));
    const style = attrs.get('style') ?? '';
    const size = Number(/(?:font-size:\s*|font:[^;]*?)([\d.]+)px/.exec(style)?.[1] ?? attrs.get('font-size')?.replace('px', '') ?? 12);
    const weight = /font-weight:\s*(\w+)/.exec(style)?.[1] ?? /font:\s*(bold|[1-9]00)\s/.exec(style)?.[1] ?? attrs.get('font-weight') ?? '400';
    const face: Face = weight === 'bold' || Number(weight) >= 600 ? 'semibold' : 'regular';
    const text = unescapeXml(content);
    if (!Number.isFinite(size) || size <= 0) return whole;
    const { d, width } = textOutline(text, size, face);
    if (!d) return '';
    const anchor = attrs.get('text-anchor') ?? 'start';
    const dx = Number(attrs.get('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const dy = Number(attrs.get('y') ?? 0) + baselineShift(attrs.get('dominant-baseline') ?? '', face) * size;
    const kept = [...attrs].filter(([name]) => !TEXT_ONLY.has(name)).map(([n, v]) => ` ${n}="${v}"`).join('');
    const transform = `${attrs.get('transform') ?? ''} translate(${fmt(dx)} ${fmt(dy)})`.trim();
    return `<path d="${d}"${kept.replace(/ transform="[^"]*"/, '')} transform="${transform}"/>`;
  });
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export interface TextStyle {
  size: number; // px
  fill: string;
  face?: Face;
  anchor?: 'start' | 'middle' | 'end';
  /** Degrees, counter-clockwise, about (x, y). */
  rotate?: number;
}

/**
 * One label as a `<path>`, for charts that write their SVG themselves: (x, y) is where the text
 * is anchored horizontally and centred vertically (ECharts' `dominant-baseline="central"`).
 */
export function textPath(text: string, x: number, y: number, style: TextStyle): string {
  const face = style.face ?? 'regular';
  const { d, width } = textOutline(text, style.size, face);
  if (!d) return '';
  const dx = style.anchor === 'middle' ? -width / 2 : style.anchor === 'end' ? -width : 0;
  const dy = baselineShift('central', face) * style.size;
  const turn = style.rotate ? ` rotate(${fmt(-style.rotate)})` : '';
  return `<path d="${d}" fill="${style.fill}" transform="translate(${fmt(x)} ${fmt(y)})${turn} translate(${fmt(dx)} ${fmt(dy)})"/>`;
}
