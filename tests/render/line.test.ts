import { describe, expect, it } from 'vitest';
import { renderLineChart } from '../../src/render/index.ts';
import { luminance } from '../../src/render/color.ts';
import { chartTheme } from '../../src/render/theme.ts';
import { decode, pixelsOf, type Image } from './png.ts';

const [blue, orange] = chartTheme('light').palette as [string, string];
const x = Array.from({ length: 11 }, (_, i) => i);

/** Mean y of a colour's pixels in a narrow column band; the legend (top 80 px) excluded. */
function meanY(img: Image, color: string, xc: number): number {
  const px = pixelsOf(img, color, { x0: xc - 2, x1: xc + 3, y0: 80, y1: img.height });
  expect(px.length).toBeGreaterThan(0);
  return px.reduce((a, p) => a + p.y, 0) / px.length;
}

/** Leftmost and rightmost x where a colour shows below the legend. */
function extent(img: Image, color: string): [number, number] {
  const px = pixelsOf(img, color, { x0: 0, x1: img.width, y0: 80, y1: img.height });
  return [Math.min(...px.map((p) => p.x)), Math.max(...px.map((p) => p.x))];
}

describe('renderLineChart', () => {
  it('draws each series where its data says: a rising line crosses a falling one', () => {
    const img = renderLineChart({
      title: 'Crossing',
      x,
      series: [
        { name: 'rising', data: x.map((v) => v) },
        { name: 'falling', data: x.map((v) => 10 - v) },
      ],
    });
    const png = decode(img.data);
    expect([png.width, png.height]).toEqual([640, 400]);
    const [l, r] = extent(png, blue);
    const left = l + (r - l) * 0.15;
    const right = l + (r - l) * 0.85;
    // Screen y grows downwards: on the left the falling (orange) line is higher, on the right the rising one.
    expect(meanY(png, orange, Math.round(left))).toBeLessThan(meanY(png, blue, Math.round(left)) - 50);
    expect(meanY(png, blue, Math.round(right))).toBeLessThan(meanY(png, orange, Math.round(right)) - 50);
    // Legend shows both names.
    expect(pixelsOf(png, orange, { x0: 0, x1: 640, y0: 30, y1: 70 }).length).toBeGreaterThan(20);
    expect(img.alt).toContain('rising goes from 0 to 10');
  });

  it('a log y axis turns an exponential series into a straight line', () => {
    const exp = x.map((v) => 10 ** (v / 2));
    const straightness = (logY: boolean) => {
      const png = decode(renderLineChart({ x, series: [{ name: 'growth', data: exp }], logY }).data);
      const [l, r] = extent(png, blue);
      const ys = [0.1, 0.5, 0.9].map((f) => meanY(png, blue, Math.round(l + (r - l) * f)));
      return Math.abs(ys[1]! - (ys[0]! + ys[2]!) / 2); // 0 for a straight line
    };
    expect(straightness(true)).toBeLessThan(4);
    expect(straightness(false)).toBeGreaterThan(40);
  });

  it('uses a dark background in the dark theme', () => {
    const png = decode(renderLineChart({ x, series: [{ name: 'a', data: x }], theme: 'dark' }).data);
    expect(luminance(png.at(5, 5))).toBeLessThan(0.03);
    expect(pixelsOf(png, chartTheme('dark').palette[0]!).length).toBeGreaterThan(100);
  });

  it('leaves non-positive values out of a log chart instead of failing', () => {
    const img = renderLineChart({ x: [1, 2, 3], series: [{ name: 'a', data: [0, 1, 10] }], logY: true });
    expect(decode(img.data).width).toBe(640);
  });
});
