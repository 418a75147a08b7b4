import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/render/engine.ts';
import { textWidth } from '../../src/render/fonts.ts';
import { textOutline, textToPaths } from '../../src/render/glyphs.ts';
import { decode } from './png.ts';

const svg = (body: string) =>
  `<svg width="300" height="120" xmlns="http://www.w3.org/2000/svg"><rect width="300" height="120" fill="#ffffff"></rect>${body}</svg>`;

/** Sum over pixels of |a − b| (grey levels), and how many pixels differ by more than 64. */
function diff(a: Uint8Array, b: Uint8Array) {
  const [x, y] = [decode(a), decode(b)];
  let sum = 0;
  let big = 0;
  let ink = 0;
  for (let j = 0; j < x.height; j++) {
    for (let i = 0; i < x.width; i++) {
      const [p, q] = [x.at(i, j)[0], y.at(i, j)[0]];
      sum += Math.abs(p - q);
      if (Math.abs(p - q) > 64) big++;
      if (p < 128) ink++;
    }
  }
  return { sum, big, ink };
}

describe('text as glyph outlines', () => {
  // What ECharts writes: centred and end-anchored labels, a rotated one, x/y offsets, a bold
  // title, entities, accents.
  const texts = svg(
    '<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:Inter;" transform="translate(150 20)" fill="#111827">días 46% &lt;eos&gt;</text>' +
      '<text dominant-baseline="central" text-anchor="end" style="font-size:13px;font-family:Inter;" transform="matrix(0.707,-0.707,0.707,0.707,120,100)" fill="#4b5563">manzana</text>' +
      '<text dominant-baseline="central" text-anchor="start" style="font-size:16px;font-family:Inter;font-weight:600;" xml:space="preserve" x="4" y="-6" transform="translate(140 70)" fill="#1f2328">Where it looked</text>',
  );

  it('draws the same letters in the same places as resvg laying the text out itself', () => {
    const own = svgToPng(texts);
    const resvg = svgToPng(texts, { textAsPaths: false });
    const d = diff(own, resvg);
    expect(d.ink).toBeGreaterThan(300); // there is text to compare
    expect(d.big).toBeLessThan(d.ink / 50); // only anti-aliasing differs (coordinates rounded to 0.01 px)
  });

  it('replaces every text element by one path, keeping fill and transform', () => {
    const out = textToPaths(texts);
    expect(out).not.toContain('<text');
    expect(out.match(/<path /g)).toHaveLength(3);
    expect(out).toContain('fill="#4b5563" transform="matrix(0.707,-0.707,0.707,0.707,120,100) translate(');
  });

  it('advances by the font metrics and leaves spaces empty', () => {
    expect(textOutline('a b', 12).width).toBeCloseTo(textWidth('a b', 12), 6);
    expect(textOutline('   ', 12).d).toBe('');
    expect(textToPaths(svg('<text style="font-size:12px">  </text>'))).not.toContain('<path');
  });
});
