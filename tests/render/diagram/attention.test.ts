import { describe, expect, it } from 'vitest';
import { attentionDiagram, type AttentionStepValues } from '../../../src/render/diagram/attention.ts';
import { findText } from '../../../src/render/diagram/layout.ts';
import { draw, expectReadable, inkIn, isHighlighted } from './sample.ts';

const step: AttentionStepValues = {
  words: ["let's", 'go'], keys: [[0.65, 0.01], [0.8, 0.01]], query: [-0.46, -0.05], decoderInput: '<EOS>',
  scores: [-0.299, -0.368], weights: [0.9, 0.1], attended: [0.67, 0.01], next: 'vamos',
};

describe('attention diagram', () => {
  it('is readable for 2 and 4 input words', () => {
    expectReadable(attentionDiagram(step));
    expectReadable(attentionDiagram({ ...step, words: ['a', 'b', 'c', 'd'], keys: [[1, 0], [0, 1], [1, 1], [0, 0]], scores: [1, 2, 3, 4], weights: [0.1, 0.2, 0.3, 0.4] }));
  });

  it('draws the softmax percentages as edge widths', () => {
    const d = attentionDiagram(step);
    const w = (i: number) => d.arrows.find((a) => a.id === `edge-${i}`)!.width;
    expect(w(0) / w(1)).toBeCloseTo((1 + 15 * 0.9) / (1 + 15 * 0.1), 5);
    expect(findText(d, 'softmax-0-value').text).toBe('90.0%');
  });

  it('highlights the stage a step computes and prints its numbers there', () => {
    for (const [stage, lit, dark] of [['scores', 'score-0', 'softmax-0'], ['softmax', 'softmax-1', 'sum'], ['sum', 'sum', 'score-1']] as const) {
      const d = attentionDiagram(step, { stage });
      const img = draw(d);
      expect(isHighlighted(img, d, lit)).toBe(true);
      expect(isHighlighted(img, d, dark)).toBe(false);
      for (const id of ['score-0-value', 'softmax-1-value', 'sum-value']) expect(inkIn(img, d, id)).toBeGreaterThan(20);
    }
  });
});

describe('attention diagram of a trained model', () => {
  it('stays readable with 8 input words and 256-number vectors: vectors cut to two numbers and their size', () => {
    const n = 8;
    const v = (k: number) => Array.from({ length: 256 }, (_, j) => Math.sin(j + k));
    const weights = Array.from({ length: n }, (_, i) => (i === 3 ? 0.65 : 0.05));
    const d = attentionDiagram({
      words: ['my', 'grandmother', 'works', 'in', 'the', 'hospital', 'every', 'day'], keys: Array.from({ length: n }, (_, i) => v(i)), query: v(99),
      decoderInput: 'madre', scores: weights.map((w) => Math.log(w)), weights, attended: v(7), next: 'trabaja',
    }, { stage: 'softmax' });
    expectReadable(d);
    expect(findText(d, 'sum-value').text).toMatch(/^\[[−\d.]+, [−\d.]+, …\] \(256\)$/);
    const img = draw(d);
    expect(isHighlighted(img, d, 'softmax-3')).toBe(true);
  });
});
