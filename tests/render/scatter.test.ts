import { describe, expect, it } from 'vitest';
import { renderScatter } from '../../src/render/index.ts';
import { scatterOption } from '../../src/render/scatter.ts';
import { renderSvg } from '../../src/render/engine.ts';
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
    const svg = renderSvg(scatterOption(s), 640, 400);
    expect(svg).not.toContain(long);
    expect(svg).toContain('antidisestabli…');
    const dashed = [...svg.matchAll(/<path [^>]*stroke-dasharray[^>]*>/g)];
    expect(dashed.length).toBeGreaterThan(0);
    const alt = renderScatter(s).alt;
    expect(alt).toContain('5 labelled points');
    expect(alt).toContain('man → king');
  });
});

describe('scatter labels', () => {
  it('puts the label of an arrow source on the side away from its arrow', () => {
    const opt = scatterOption(spec) as { series: { data: { name: string; label: { position: string } }[] }[] };
    const pos = new Map(opt.series.flatMap((s) => s.data.map((d) => [d.name, d.label.position] as const)));
    expect(pos.get('man')).toBe('left'); // its arrow goes right, to king
    expect(pos.get('king')).toBe('right');
    expect(pos.get('woman')).toBe('right');
  });
});
