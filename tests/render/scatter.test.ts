import { describe, expect, it } from 'vitest';
import { renderScatter } from '../../src/render/index.ts';
import { niceTicks, scatterLayout, scatterSvg } from '../../src/render/scatter.ts';
import { chartTheme } from '../../src/render/theme.ts';
import type { ScatterSpec } from '../../src/render/types.ts';
import { decode, pixelsOf } from './png.ts';

const spec: ScatterSpec = {
  title: 'Embeddings',
  points: [
    { x: -2, y: 2, label: 'man', group: 'people' },
    { x: -2, y: -2, label: 'woman', group: 'people' },
    { x: 2, y: 2, label: 'king', group: 'royalty' },
    { x: 2, y: -2, label: 'queen', group: 'royalty' },
  ],
  arrows: [{ from: 'man', to: 'king' }],
};

describe('renderScatter', () => {
  it('puts each group where its points are', () => {
    const png = decode(renderScatter(spec).data);
    expect([png.width, png.height]).toEqual([640, 400]);
    const [people, royalty] = chartTheme('light').palette as [string, string];
    const below = { x0: 0, x1: 640, y0: 75, y1: 400 }; // under the legend
    const mean = (ps: { x: number; y: number }[]) => ({
      x: ps.reduce((a, p) => a + p.x, 0) / ps.length,
      y: ps.reduce((a, p) => a + p.y, 0) / ps.length,
    });
    const p = pixelsOf(png, people, below);
    const r = pixelsOf(png, royalty, below);
    expect(p.length).toBeGreaterThan(40);
    expect(r.length).toBeGreaterThan(40);
    expect(mean(r).x - mean(p).x).toBeGreaterThan(150); // royalty right of people
    // Two points per group, one high one low: symmetric about the same middle.
    expect(Math.abs(mean(r).y - mean(p).y)).toBeLessThan(10);
  });

  it('draws arrows between labelled points and ellipsises long labels', () => {
    const long = 'antidisestablishmentarianism-is-very-long';
    const s = { ...spec, points: [...spec.points, { x: 0, y: 0, label: long }] };
    const layout = scatterLayout(s);
    expect(layout.points.map((p) => p.text)).toContain('antidisestabli…');
    expect(layout.points.every((p) => p.labelY !== undefined)).toBe(true); // nothing crowded here
    const svg = scatterSvg(s);
    expect(svg).not.toContain('<text'); // text is drawn as glyph outlines
    const dashed = [...svg.matchAll(/<path [^>]*stroke-dasharray[^>]*>/g)];
    expect(dashed.length).toBeGreaterThan(0);
    const alt = renderScatter(s).alt;
    expect(alt).toContain('5 labelled points');
    expect(alt).toContain('man → king');
  });
});

describe('scatter labels', () => {
  it('puts the label of an arrow source on the side away from its arrow', () => {
    const pos = new Map(scatterLayout(spec).points.map((p) => [p.label, p.side] as const));
    expect(pos.get('man')).toBe('left'); // its arrow goes right, to king
    expect(pos.get('king')).toBe('right');
    expect(pos.get('woman')).toBe('right');
  });
});

describe('scatter layout', () => {
  it('ticks at nice steps strictly inside the range, as ECharts chose them', () => {
    expect(niceTicks(-2.3, 3.1)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(niceTicks(0.013, 0.097)).toEqual([0.02, 0.04, 0.06, 0.08]); // 0.0168 a step → 0.02
    expect(niceTicks(-2, 2)).toEqual([-1, 0, 1]); // the ends themselves are the plot's edges
    expect(niceTicks(1, 1)).toEqual([]);
  });

  it('nudges a crowded label off its neighbour, then tries the other side of the point', () => {
    const crowd: ScatterSpec = {
      points: [
        { x: 0, y: 0, label: 'first' },
        { x: 0, y: 0.001, label: 'second' }, // on top of the first: nudged a line up or down
        { x: 0, y: -0.001, label: 'third' }, // the other way
        { x: 0, y: 0.0005, label: 'fourth' }, // no nudge clears three labels on this side: the other side
        { x: 10, y: 10, label: 'far' },
      ],
    };
    const pts = scatterLayout(crowd).points;
    const y = (l: string) => pts.find((p) => p.label === l)!;
    expect(y('first').labelY).toBeCloseTo(y('first').py, 6);
    expect(Math.abs(y('second').labelY! - y('second').py)).toBeGreaterThan(10);
    expect(Math.abs(y('third').labelY! - y('third').py)).toBeGreaterThan(10);
    expect(y('fourth').labelY).toBeDefined();
    expect(y('fourth').side).not.toBe(y('first').side);
    expect(y('far').labelY).toBeCloseTo(y('far').py, 6);
    // Drawn labels do not overlap: their centres are at least a line (12 px type) apart.
    const shown = pts.filter((p) => p.labelY !== undefined && p.label !== 'far' && p.side === y('first').side).map((p) => p.labelY!).sort((a, b) => a - b);
    expect(shown).toHaveLength(3);
    for (let i = 1; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBeGreaterThanOrEqual(13.9);
  });
});
