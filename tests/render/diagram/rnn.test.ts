import { describe, expect, it } from 'vitest';
import { findText } from '../../../src/render/diagram/layout.ts';
import { factorText, rnnDiagram, shownDays } from '../../../src/render/diagram/rnn.ts';
import { draw, expectReadable, inkIn, isHighlighted } from './sample.ts';

const days = [1, 0.5, 0.25, 1, 0.3, 0.2].map((x, i) => ({ day: i + 1, x, preActivation: -0.5 + 0.1 * i, shortOut: 0 }));

describe('RNN unrolled diagram', () => {
  it('shows up to four copies: all, or the first two and the last two', () => {
    expect(shownDays(3)).toEqual([0, 1, 2]);
    expect(shownDays(10)).toEqual([0, 1, 8, 9]);
  });

  it('is readable and prints the gradient factor w^k, k steps back, in each copy', () => {
    const d = rnnDiagram({ days, wShared: 2, prediction: 0.5 });
    expectReadable(d);
    expect(findText(d, 'factor-1').text).toBe('w^5 = 32.000');
    expect(findText(d, 'factor-6').text).toBe('w^0 = 1.000');
    expect(findText(d, 'factor-5').text).toBe('w^1 = 2.000');
    expect(factorText(0.5, 20)).toBe('9.5e−7');
    expect(factorText(-2, 11)).toBe('−2.0e+3');
    const img = draw(d);
    for (const id of ['factor-1', 'factor-6', 'h-1', 'prediction']) expect(inkIn(img, d, id)).toBeGreaterThan(20);
  });

  it('highlights the day a step is on', () => {
    const d = rnnDiagram({ days, wShared: 0.5, prediction: 0.5 }, { highlightDay: 2 });
    const img = draw(d);
    expect(isHighlighted(img, d, 'day-2')).toBe(true);
    expect(isHighlighted(img, d, 'day-1')).toBe(false);
  });
});
