import { describe, expect, it } from 'vitest';
import { findBox, findText } from '../../../src/render/diagram/layout.ts';
import { word2vecDiagram } from '../../../src/render/diagram/word2vec.ts';
import { draw, expectReadable, inkIn, isHighlighted } from './sample.ts';

const s = { vocab: ['troll 2', 'is', 'great', 'gymkata'], centre: 2, embedding: [-0.46, -2.11], probabilities: [0.01, 0.97, 0.01, 0.01], positives: [1] };

describe('word2vec skip-gram diagram', () => {
  it('is readable and prints the embedding row and each probability', () => {
    const d = word2vecDiagram(s);
    expectReadable(d);
    expect(findText(d, 'embedding-value').text).toBe('[−0.46, −2.11]');
    expect(findText(d, 'p-1').text).toBe('is 97%');
    const img = draw(d);
    for (const id of ['embedding-value', 'p-0', 'p-1']) expect(inkIn(img, d, id)).toBeGreaterThan(20);
  });

  it('lights the one-hot input word and its embedding; negatives are dashed', () => {
    const d = word2vecDiagram(s);
    const img = draw(d);
    expect(isHighlighted(img, d, 'onehot-2')).toBe(true);
    expect(isHighlighted(img, d, 'embedding')).toBe(true);
    expect(isHighlighted(img, d, 'onehot-0')).toBe(false);
    expect(findBox(d, 'out-0').dashed).toBe(true);
    expect(findBox(d, 'out-1').dashed).toBeFalsy();
  });
});
