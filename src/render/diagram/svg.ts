// A diagram layout to SVG (text as glyph outlines) and through resvg to a PNG attachment.
import type { ImageAttachment } from '../../core/reply.ts';
import { svgToPng } from '../engine.ts';
import { textPath } from '../glyphs.ts';
import { HIGHLIGHT, INK } from '../palette.ts';
import { textRect, type Arrow, type Box, type Diagram, type Point } from './layout.ts';

/** How far the highlight reaches outside a box, px (tests sample inside this ring). */
export const HALO = 6;
const HEAD = 10; // arrowhead length, px

const f = (v: number) => String(Math.round(v * 10) / 10);
const pts = (p: readonly Point[]) => p.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');

function boxSvg(b: Box, pad = 0, fill = b.fill, stroke = b.stroke): string {
  const dash = b.dashed && !pad ? ' stroke-dasharray="6 4"' : '';
  const line = pad ? '' : ` stroke="${stroke}" stroke-width="2"${dash}`;
  if (b.shape === 'circle') return `<circle cx="${f(b.x + b.w / 2)}" cy="${f(b.y + b.h / 2)}" r="${f(b.w / 2 + pad)}" fill="${fill}"${line}/>`;
  return `<rect x="${f(b.x - pad)}" y="${f(b.y - pad)}" width="${f(b.w + 2 * pad)}" height="${f(b.h + 2 * pad)}" rx="${6 + pad}" fill="${fill}"${line}/>`;
}

/** The line stops short of the tip so the head is not blunted by the stroke. */
function arrowSvg(a: Arrow, halo = false): string {
  const p = a.points;
  const [x1, y1] = p[p.length - 1]!;
  const [x0, y0] = p[p.length - 2]!;
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
  const head = a.head ? Math.max(HEAD, a.width * 2.2) : 0;
  const shaft = a.head ? [...p.slice(0, -1), [x1 - ux * head * 0.8, y1 - uy * head * 0.8] as Point] : p;
  if (halo) return `<polyline points="${pts(p)}" fill="none" stroke="${HIGHLIGHT}" stroke-width="${a.width + 10}" stroke-linejoin="round" stroke-linecap="round"/>`;
  const dash = a.dashed ? ' stroke-dasharray="7 5"' : '';
  let s = `<polyline points="${pts(shaft)}" fill="none" stroke="${a.color}" stroke-width="${f(a.width)}" stroke-linejoin="round"${dash}/>`;
  if (a.head) {
    const w = head * 0.5;
    const bx = x1 - ux * head;
    const by = y1 - uy * head;
    s += `<polygon points="${pts([[x1, y1], [bx - uy * w, by + ux * w], [bx + uy * w, by - ux * w]])}" fill="${a.color}"/>`;
  }
  return s;
}

export function diagramSvg(d: Diagram): string {
  const parts = [`<rect width="${d.width}" height="${d.height}" fill="${INK.background}"/>`];
  for (const a of d.arrows) if (a.highlight) parts.push(arrowSvg(a, true));
  for (const b of d.boxes) if (b.highlight) parts.push(boxSvg(b, HALO, HIGHLIGHT));
  for (const a of d.arrows) parts.push(arrowSvg(a));
  for (const b of d.boxes) parts.push(boxSvg(b));
  for (const t of d.texts) {
    if (t.plate) {
      const r = textRect(t);
      parts.push(`<rect x="${f(r.x)}" y="${f(r.y)}" width="${f(r.w)}" height="${f(r.h)}" rx="3" fill="${INK.background}" fill-opacity="0.92"/>`);
    }
    parts.push(textPath(t.text, t.x, t.y, { size: t.size, fill: t.fill, face: t.face, anchor: t.anchor }));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${d.width}" height="${d.height}" viewBox="0 0 ${d.width} ${d.height}">${parts.join('')}</svg>`;
}

export function renderDiagram(d: Diagram): ImageAttachment {
  return { data: svgToPng(diagramSvg(d)), filename: d.filename, alt: d.alt, width: d.width, height: d.height };
}
