// Test helpers for diagrams: render, decode, and look at the pixels where the layout put things.
import { expect } from 'vitest';
import { HIGHLIGHT, INK } from '../../../src/render/palette.ts';
import { findBox, findText, layoutProblems, textRect, type Diagram } from '../../../src/render/diagram/layout.ts';
import { HALO, renderDiagram } from '../../../src/render/diagram/svg.ts';
import { decode, distance, type Image } from '../png.ts';

export function draw(d: Diagram): Image {
  const png = renderDiagram(d);
  expect([png.width, png.height]).toEqual([d.width, d.height]);
  return decode(png.data);
}

/**
 * A pixel in the ring just outside a box, where a highlight halo is drawn: above a rectangle near
 * its left corner (arrows attach at the middles of the sides), above a circle's top.
 */
export function haloPixel(img: Image, d: Diagram, id: string) {
  const b = findBox(d, id);
  return b.shape === 'circle' ? img.at(b.x + b.w / 2, b.y - HALO / 2) : img.at(b.x + 10, b.y - HALO / 2);
}

export function isHighlighted(img: Image, d: Diagram, id: string): boolean {
  return distance(haloPixel(img, d, id), HIGHLIGHT) < 30;
}

/** The pixels of a text's box, row-major, for comparing two renders. */
export function textPixels(img: Image, d: Diagram, id: string): string {
  const r = textRect(findText(d, id));
  const out: number[] = [];
  for (let y = Math.ceil(r.y); y < r.y + r.h; y++) for (let x = Math.ceil(r.x); x < r.x + r.w; x++) out.push(...img.at(x, y));
  return out.join(',');
}

/** How many pixels in a text's box are close to its ink colour (text drawn there). */
export function inkIn(img: Image, d: Diagram, id: string): number {
  const t = findText(d, id);
  const r = textRect(t);
  let n = 0;
  for (let y = Math.ceil(r.y); y < r.y + r.h; y++) for (let x = Math.ceil(r.x); x < r.x + r.w; x++) if (distance(img.at(x, y), t.fill) < 90) n++;
  return n;
}

export function expectReadable(d: Diagram) {
  expect(layoutProblems(d)).toEqual([]);
  expect(Math.min(...d.texts.map((t) => t.size))).toBeGreaterThanOrEqual(15);
  expect(d.width).toBe(640);
}

export { INK };
