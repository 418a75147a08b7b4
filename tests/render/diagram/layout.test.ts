import { describe, expect, it } from 'vitest';
import { DiagramBuilder, layoutProblems, overlaps, textRect } from '../../../src/render/diagram/layout.ts';
import { textWidth } from '../../../src/render/fonts.ts';

describe('diagram layout checks', () => {
  it('measures a text box from the font: anchored middle it is centred on x', () => {
    const b = new DiagramBuilder(640, 200);
    const t = b.text('forget gate', 100, 50, { anchor: 'middle' });
    const r = textRect(t);
    expect(r.w).toBeCloseTo(textWidth('forget gate', 15), 5);
    expect(r.x + r.w / 2).toBeCloseTo(100, 5);
  });

  it('reports small text, text leaving the canvas and overlapping labels', () => {
    const b = new DiagramBuilder(640, 200);
    b.text('tiny', 20, 20, { size: 11 });
    b.text('off the edge', 600, 100);
    b.text('first label', 100, 150);
    b.text('second label', 130, 155);
    const problems = layoutProblems(b.build('x.png', 'x'));
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/tiny.*11 px/);
    expect(problems.join('\n')).toMatch(/off the edge.*leaves the canvas/);
    expect(problems.join('\n')).toMatch(/first label.*overlaps.*second label/);
  });

  it('counts sizes relative to 640 px: 15 px on a 1280 px canvas is too small', () => {
    const b = new DiagramBuilder(1280, 400);
    b.text('label', 20, 20, { size: 15 });
    expect(layoutProblems(b.build('x.png', 'x'))).toHaveLength(1);
  });

  it('finds overlaps only when boxes share area', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 })).toBe(true);
  });
});
