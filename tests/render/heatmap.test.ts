import { describe, expect, it } from 'vitest';
import { heatmapColor, heatmapLayout, renderHeatmap } from '../../src/render/index.ts';
import { heatmapSvg } from '../../src/render/heatmap.ts';
import { luminance, parseHex } from '../../src/render/color.ts';
import { renderSvg } from '../../src/render/engine.ts';
import { chartTheme } from '../../src/render/theme.ts';
import type { HeatmapSpec } from '../../src/render/types.ts';
import { decode, distance } from './png.ts';

const tokens = ['the', 'cat', 'sat', 'on', 'mat'];
// Attention-like rows: row r attends mostly to column (r + 2) % 5; one clear strongest and weakest cell.
const values = tokens.map((_, r) => tokens.map((_, c) => (c === (r + 2) % 5 ? 0.5 : 0.1) + r * 0.01 * c));
values[3]![0] = 0.97; // strongest
values[1]![4] = 0; // weakest
const spec: HeatmapSpec = { title: 'Attention', rows: tokens, cols: tokens, values, xLabel: 'key', yLabel: 'query' };

/** A point inside cell (r, c) away from its centred value text. */
function cellSample(layout: ReturnType<typeof heatmapLayout>, r: number, c: number) {
  return {
    x: layout.grid.left + (c + 0.12) * layout.cellWidth + 2,
    y: layout.grid.top + (r + 0.15) * layout.cellHeight + 2,
  };
}

describe('renderHeatmap', () => {
  it('draws a 640×400 PNG with the strongest and weakest cells at their scale ends', () => {
    const img = renderHeatmap(spec);
    const png = decode(img.data);
    expect([png.width, png.height]).toEqual([640, 400]);
    expect([img.width, img.height]).toEqual([640, 400]);

    const layout = heatmapLayout(spec);
    const strong = png.at(...(Object.values(cellSample(layout, 3, 0)) as [number, number]));
    const weak = png.at(...(Object.values(cellSample(layout, 1, 4)) as [number, number]));
    const scale = chartTheme('light').sequential;
    expect(distance(strong, scale[scale.length - 1]!)).toBeLessThan(12);
    expect(distance(weak, scale[0]!)).toBeLessThan(12);
    expect(luminance(strong)).toBeLessThan(luminance(weak) / 4);

    // A middle cell has the interpolated colour the scale promises.
    const mid = png.at(...(Object.values(cellSample(layout, 0, 2)) as [number, number]));
    expect(distance(mid, heatmapColor(layout, values[0]![2]!))).toBeLessThan(12);
  });

  it('draws on a dark background in the dark theme, strongest cell brightest', () => {
    const dark = { ...spec, theme: 'dark' as const };
    const png = decode(renderHeatmap(dark).data);
    const t = chartTheme('dark');
    expect(distance(png.at(3, 3), t.background)).toBeLessThan(4);
    expect(luminance(png.at(3, 3))).toBeLessThan(0.03);
    const layout = heatmapLayout(dark);
    const strong = png.at(...(Object.values(cellSample(layout, 3, 0)) as [number, number]));
    expect(distance(strong, t.sequential[t.sequential.length - 1]!)).toBeLessThan(12);
  });

  it('centres a diverging scale on zero: negative cells blue, positive red', () => {
    const div: HeatmapSpec = { rows: ['a', 'b'], cols: ['x', 'y', 'z'], values: [[-1, 0, 0.5], [1, -0.5, 0]], diverging: true, showValues: false };
    const layout = heatmapLayout(div);
    expect([layout.min, layout.max]).toEqual([-1, 1]);
    const png = decode(renderHeatmap(div).data);
    const [neg, zero, pos] = [[0, 0], [0, 1], [1, 0]].map(([r, c]) =>
      png.at(layout.grid.left + (c! + 0.5) * layout.cellWidth, layout.grid.top + (r! + 0.5) * layout.cellHeight),
    );
    expect(neg![2]).toBeGreaterThan(neg![0]! + 60); // blue
    expect(pos![0]).toBeGreaterThan(pos![2]! + 60); // red
    expect(distance(zero!, '#f7f7f7')).toBeLessThan(12);
  });

  it('ellipsises a 40-character token and keeps every label inside the picture', () => {
    const long = 'x'.repeat(20) + 'supercalifragilistic';
    expect(long).toHaveLength(40);
    const s: HeatmapSpec = { rows: [long, 'b'], cols: ['a', long], values: [[1, 0], [0, 1]] };
    const layout = heatmapLayout(s);
    expect(layout.rowLabels).toEqual(['x'.repeat(14) + '…', 'b']); // what gets drawn
    expect(layout.colLabels).toEqual(['a', 'x'.repeat(14) + '…']);
    expect(layout.grid.left).toBeGreaterThan(80); // room made for the long row label
    expect(layout.grid.left + layout.grid.width).toBeLessThan(640);
    expect(layout.grid.top + layout.grid.height).toBeLessThan(400);
  });

  it('draws its text as outlines of the packaged font, with no font needed at raster time', () => {
    const svg = heatmapSvg(spec);
    expect(svg).not.toContain('<text');
    // Text really got drawn (system fonts are off, so this ink came from the packaged TTF):
    // the title row has dark pixels, a blank strip beside it has none.
    const png = decode(renderHeatmap(spec).data);
    const ink = (x0: number, x1: number) => {
      let n = 0;
      for (let y = 10; y < 30; y++) for (let x = x0; x < x1; x++) if (luminance(png.at(x, y)) < 0.2) n++;
      return n;
    };
    expect(ink(14, 90)).toBeGreaterThan(40);
    expect(ink(400, 620)).toBe(0);
  });

  it('derives alt text from the data', () => {
    const img = renderHeatmap(spec);
    expect(img.alt).toContain('5 rows');
    expect(img.alt).toContain('on → the (97%)');
    expect(renderHeatmap({ ...spec, alt: 'custom' }).alt).toBe('custom');
    expect(img.filename).toBe('heatmap.png');
  });

  it('rejects values that do not match the labels', () => {
    expect(() => renderHeatmap({ rows: ['a'], cols: ['b', 'c'], values: [[1]] })).toThrow(/1×2/);
  });

  it('hides cell values that would not fit their cell', () => {
    const many = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const big: HeatmapSpec = { rows: many, cols: many, values: many.map(() => many.map(() => 0.5)), showValues: true };
    expect(heatmapLayout(big).showValues).toBe(false);
    expect(heatmapLayout(spec).showValues).toBe(true);
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
  });
});

describe('engine', () => {
  it('leaves no timers behind (an undisposed chart would keep the process alive)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const settle = () => new Promise((r) => setTimeout(r, 100)); // one-shot frame timers fire and go
    const bar = { xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1] }] };
    renderSvg(bar as never, 200, 200); // load ECharts first
    await settle();
    const before = timers();
    renderSvg(bar as never, 200, 200);
    const boom = () => {
      throw new Error('formatter failed');
    };
    const failing = { xAxis: { type: 'category', data: ['a'], axisLabel: { formatter: boom } }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1] }] };
    expect(() => renderSvg(failing as never, 200, 200)).toThrow('formatter failed');
    await settle();
    expect(timers()).toBeLessThanOrEqual(before); // none added (one from loading may have fired since)
  });
});
