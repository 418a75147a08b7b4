import { describe, expect, it } from 'vitest';
import { activeParts, lstmDiagram, type LstmCellValues } from '../../../src/render/diagram/lstm.ts';
import { findText } from '../../../src/render/diagram/layout.ts';
import { draw, expectReadable, inkIn, isHighlighted, textPixels } from './sample.ts';

const day: LstmCellValues = {
  day: 2, x: 0.5, longIn: 0.747, shortIn: 0.604, forget: 0.993, afterForget: 0.742, candidate: 0.979, inputGate: 0.2,
  added: 0.196, longOut: 0.938, potentialShort: 0.734, output: 0.987, shortOut: 0.724,
};

describe('LSTM cell diagram', () => {
  it('is readable: text ≥ 15 px at 640 px, inside the canvas, no overlaps', () => {
    expectReadable(lstmDiagram(day));
  });

  it('prints each gate value in its box, as the layout says', () => {
    const d = lstmDiagram(day);
    expect(findText(d, 'forget-value').text).toBe('σ = 0.993');
    expect(findText(d, 'input-value').text).toBe('σ = 0.200');
    expect(findText(d, 'candidate-value').text).toBe('tanh = 0.979');
    expect(findText(d, 'output-value').text).toBe('σ = 0.987');
    const img = draw(d);
    for (const id of ['forget-value', 'input-value', 'candidate-value', 'output-value', 'c-out', 'h-out']) expect(inkIn(img, d, id)).toBeGreaterThan(20);
    // Another forget value changes the pixels of the forget value and nothing where the output value is.
    const d2 = lstmDiagram({ ...day, forget: 0.5 });
    const img2 = draw(d2);
    expect(textPixels(img2, d2, 'forget-value')).not.toBe(textPixels(img, d, 'forget-value'));
    expect(textPixels(img2, d2, 'output-value')).toBe(textPixels(img, d, 'output-value'));
  });

  it('highlights the active path: gates above 50%', () => {
    expect(activeParts(day)).toEqual(['forget', 'output']);
    const d = lstmDiagram(day);
    const img = draw(d);
    expect(isHighlighted(img, d, 'forget')).toBe(true);
    expect(isHighlighted(img, d, 'output')).toBe(true);
    expect(isHighlighted(img, d, 'input')).toBe(false);
    expect(isHighlighted(img, d, 'candidate')).toBe(false);
  });

  it('highlights just the part a step computes', () => {
    const d = lstmDiagram(day, { highlight: ['input'] });
    const img = draw(d);
    expect(isHighlighted(img, d, 'input')).toBe(true);
    expect(isHighlighted(img, d, 'candidate')).toBe(true);
    expect(isHighlighted(img, d, 'forget')).toBe(false);
    expect(isHighlighted(img, d, 'output')).toBe(false);
  });
});
