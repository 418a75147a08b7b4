import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../src/render/index.ts';
import { luminance } from '../../src/render/color.ts';
import { barOption } from '../../src/render/bar.ts';
import { renderSvg } from '../../src/render/engine.ts';
import { chartTheme } from '../../src/render/theme.ts';
import { decode, distance, type Image } from './png.ts';

/** Runs of `color` along one pixel row (or column): [start, end] pairs. */
function runs(img: Image, color: string, line: { y: number } | { x: number }): [number, number][] {
  const n = 'y' in line ? img.width : img.height;
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const on = i < n && distance('y' in line ? img.at(i, line.y) : img.at(line.x, i), color) < 24;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

/** Topmost row at column x that has `color`. */
function top(img: Image, color: string, x: number): number {
  for (let y = 60; y < img.height; y++) if (distance(img.at(x, y), color) < 24) return y;
  return img.height;
}

describe('renderBarChart', () => {
  const color = chartTheme('light').palette[0]!;

  it('draws bars whose heights follow the data', () => {
    const img = renderBarChart({ title: 'Next token', categories: ['sat', 'ran', 'slept'], series: [{ name: 'p', data: [10, 2, 6] }] });
    const png = decode(img.data);
    expect([png.width, png.height]).toEqual([640, 400]);
    // Just above the axis every bar is present: three runs, left to right.
    const bottom = (() => {
      for (let y = png.height - 1; y > 0; y--) if (runs(png, color, { y }).length === 3) return y;
      throw new Error('no row with three bars');
    })();
    const bars = runs(png, color, { y: bottom - 2 }).map(([a, b]) => Math.round((a + b) / 2));
    const heights = bars.map((x) => bottom - top(png, color, x));
    expect(heights[0]! / heights[1]!).toBeCloseTo(5, 0);
    expect(heights[2]! / heights[1]!).toBeCloseTo(3, 0);
    // At the tall bar's top height, the short bar's column is background.
    const yTall = top(png, color, bars[0]!) + 3;
    expect(distance(png.at(bars[0]!, yTall), color)).toBeLessThan(24);
    expect(distance(png.at(bars[1]!, yTall), color)).toBeGreaterThan(100);
    expect(img.alt).toContain('sat 10');
  });

  it('draws horizontal bars left to right from the axis, first category on top', () => {
    const png = decode(renderBarChart({ horizontal: true, categories: ['a', 'b'], series: [{ name: 'v', data: [2, 8] }] }).data);
    // Scan one column near the right end of the longer bar: only the second (lower) bar reaches it.
    let found: [number, number][] = [];
    for (let x = 620; x > 100 && found.length === 0; x--) found = runs(png, color, { x });
    expect(found).toHaveLength(1);
    const rowsAtLeft = (() => {
      for (let x = 100; x < 600; x++) {
        const r = runs(png, color, { x });
        if (r.length === 2) return r;
      }
      throw new Error('no column with both bars');
    })();
    expect(found[0]![0]).toBeGreaterThanOrEqual(rowsAtLeft[1]![0] - 1); // the long bar is the lower one
  });

  it('ellipsises long category names and uses a dark background in the dark theme', () => {
    const long = 'pneumonoultramicroscopicsilicovolcanoconio';
    const spec = { categories: [long, 'b'], series: [{ name: 's', data: [1, 2] }], theme: 'dark' as const };
    const svg = renderSvg(barOption(spec), 640, 400);
    expect(svg).not.toContain(long);
    expect(svg).toContain('pneumonoultram…');
    const png = decode(renderBarChart(spec).data);
    expect(luminance(png.at(3, 3))).toBeLessThan(0.03);
  });
});

describe('bar values and names', () => {
  it('prints each value at its bar end and formats the value axis the same way', () => {
    const spec = { categories: ['mat', 'floor'], series: [{ name: 'p', data: [0.52, 0.14] }], showValues: true, valueFormat: 'percent' as const, yMax: 0.52 };
    const svg = renderSvg(barOption(spec), 640, 400);
    const texts = [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: +m[1]!, y: +m[2]!, text: m[3]! }));
    const top = texts.find((t) => t.text === '52%');
    expect(top).toBeDefined();
    expect(texts.some((t) => t.text === '14%')).toBe(true);
    expect(texts.some((t) => t.text === '50%')).toBe(true); // an axis tick, in percent too
    expect(top!.y).toBeGreaterThan(12); // not pushed off the top by the full-height bar
  });

  it('boxes characters Inter cannot draw in titles and axis names, but keeps them in the alt text', () => {
    const spec = { title: 'Top 👑 words', categories: ['a'], series: [{ name: 's', data: [1] }], xLabel: 'token 🙂' };
    const svg = renderSvg(barOption(spec), 640, 400);
    expect(svg).toContain('Top □ words');
    expect(svg).toContain('token □');
    expect(renderBarChart(spec).alt).toContain('Top 👑 words');
  });
});
