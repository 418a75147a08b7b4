// The one font every chart uses, shipped by an npm package (no system fonts), plus its advance
// widths so that ECharts lays text out with the same metrics resvg later draws it with.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The family name inside the TTFs; the SVG's font-family must say exactly this. */
export const FONT_FAMILY = 'Inter';

const require = createRequire(import.meta.url);
const interDir = dirname(require.resolve('@expo-google-fonts/inter/package.json'));

/** The package's TTFs: Regular for labels, SemiBold for titles (resvg picks by font-weight). */
export const PACKAGED_FONT_FILES: readonly string[] = [
  join(interDir, '400Regular', 'Inter_400Regular.ttf'),
  join(interDir, '600SemiBold', 'Inter_600SemiBold.ttf'),
];

/**
 * OpenType layout tables (ligatures, contextual alternates, kerning) that resvg's shaper
 * prepares for every <text> element: with Inter's large tables that is most of the PNG time
 * (bench: `npm run bench -- render`, "font" rows). Chart labels need none of it, and without
 * kerning the drawn width is exactly what textWidth() below computes.
 */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF'];

let fontFiles: string[] | undefined;

/** Font files handed to resvg: the packaged TTFs without layout tables, written once to a cache. */
export function fontFilesForRaster(): readonly string[] {
  fontFiles ??= PACKAGED_FONT_FILES.map((file) => {
    const ttf = readFileSync(file);
    const key = createHash('sha1').update(ttf).update(LAYOUT_TABLES.join()).digest('hex').slice(0, 12);
    const dir = join(tmpdir(), 'nn-tutor-fonts');
    const out = join(dir, `${key}.ttf`);
    if (!existsSync(out)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      writeFileSync(tmp, dropTables(ttf, LAYOUT_TABLES));
      renameSync(tmp, out); // atomic: a concurrent process sees the whole file or none
    }
    return out;
  });
  return fontFiles;
}

/** A copy of a TrueType font without the named tables (the table directory rewritten). */
export function dropTables(ttf: Buffer, drop: readonly string[]): Buffer {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = [];
  for (let i = 0, n = view.getUint16(4); i < n; i++) {
    const rec = 12 + i * 16;
    const tag = ttf.toString('latin1', rec, rec + 4);
    if (!drop.includes(tag)) {
      tables.push({ tag, checksum: view.getUint32(rec + 4), offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
    }
  }
  const pad4 = (n: number) => (n + 3) & ~3;
  const dirSize = 12 + 16 * tables.length;
  const out = Buffer.alloc(dirSize + tables.reduce((a, t) => a + pad4(t.length), 0));
  const o = new DataView(out.buffer, out.byteOffset, out.byteLength);
  ttf.copy(out, 0, 0, 4); // sfnt version
  const pow2 = 2 ** Math.floor(Math.log2(tables.length));
  o.setUint16(4, tables.length);
  o.setUint16(6, pow2 * 16); // searchRange
  o.setUint16(8, Math.log2(pow2)); // entrySelector
  o.setUint16(10, tables.length * 16 - pow2 * 16); // rangeShift
  let at = dirSize;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    out.write(t.tag, rec, 'latin1');
    o.setUint32(rec + 4, t.checksum);
    o.setUint32(rec + 8, at);
    o.setUint32(rec + 12, t.length);
    ttf.copy(out, at, t.offset, t.offset + t.length);
    at += pad4(t.length);
  });
  return out;
}

interface Metrics {
  unitsPerEm: number;
  advance: (codePoint: number) => number; // font units
  has: (codePoint: number) => boolean;
  /** Advance of glyph 0 (.notdef), font units: what the rasteriser moves by for a missing glyph. */
  missingAdvance: number;
}

/** Advance widths in font units and units per em of a face, for laying out glyph outlines. */
export function faceMetrics(face: Face): Pick<Metrics, 'unitsPerEm' | 'advance' | 'has' | 'missingAdvance'> {
  return metrics(face);
}

/** The two faces we ship: Regular (400) for labels, SemiBold (600) for titles. */
export type Face = 'regular' | 'semibold';

const faces = new Map<Face, Metrics>();

/** Parse just head/hhea/hmtx/cmap of a face, once. */
function metrics(face: Face = 'regular'): Metrics {
  const known = faces.get(face);
  if (known) return known;
  const buf = readFileSync(PACKAGED_FONT_FILES[face === 'regular' ? 0 : 1]!);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString('latin1', rec, rec + 4), view.getUint32(rec + 8));
  }
  const table = (tag: string): number => {
    const off = tables.get(tag);
    if (off === undefined) throw new Error(`font has no ${tag} table`);
    return off;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const glyphAdvance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numHMetrics - 1));

  // cmap: prefer a Unicode format 4 (BMP) subtable; that covers every label we draw.
  const cmap = table('cmap');
  let format4 = -1;
  for (let i = 0, n = view.getUint16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap + view.getUint32(rec + 4);
    if (view.getUint16(sub) === 4 && (platform === 0 || (platform === 3 && encoding === 1))) {
      format4 = sub;
      break;
    }
  }
  const segX2 = format4 >= 0 ? view.getUint16(format4 + 6) : 0;
  const ends = format4 + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (cp: number): number => {
    if (format4 < 0 || cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (cp < start) return 0;
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (cp + view.getInt16(deltas + s)) & 0xffff;
      const g = view.getUint16(rangeOffsets + s + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + view.getInt16(deltas + s)) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  const advance = (cp: number) => {
    let a = cache.get(cp);
    if (a === undefined) {
      const glyph = glyphOf(cp);
      // A glyph Inter lacks (CJK, emoji) is drawn by no font at all; budget a full em for it.
      a = glyph === 0 ? unitsPerEm : glyphAdvance(glyph);
      cache.set(cp, a);
    }
    return a;
  };
  const m: Metrics = { unitsPerEm, advance, has: (cp) => glyphOf(cp) !== 0, missingAdvance: glyphAdvance(0) };
  faces.set(face, m);
  return m;
}

/** Width in px of `text` set in Inter at `fontSize` px (no kerning: errs slightly wide). */
export function textWidth(text: string, fontSize: number, face: Face = 'regular'): number {
  const m = metrics(face);
  let units = 0;
  for (const ch of text) units += m.advance(ch.codePointAt(0)!);
  return (units / m.unitsPerEm) * fontSize;
}

/** Whether Inter can draw this character (resvg draws nothing at all for one it cannot). */
export function hasGlyph(codePoint: number): boolean {
  return metrics().has(codePoint);
}
