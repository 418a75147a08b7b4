import { describe, expect, it } from 'vitest';
import { findBox, findText } from '../../../src/render/diagram/layout.ts';
import { transformerDiagram } from '../../../src/render/diagram/transformer.ts';
import { draw, expectReadable, inkIn, isHighlighted } from './sample.ts';

const t = { words: ["let's", 'go'], outputs: ['<EOS>', 'vamos'], dModel: 2, selfWeights: [[0.51, 0.49], [0.3, 0.7]] };

describe('transformer diagram', () => {
  it('is readable and has both sub-layers of the encoder and the three of the decoder', () => {
    const d = transformerDiagram(t);
    expectReadable(d);
    for (const id of ['enc-self', 'enc-ffn', 'enc-norm1', 'enc-norm2', 'dec-masked', 'dec-cross', 'dec-ffn', 'dec-norm3', 'dec-out']) expect(findBox(d, id)).toBeTruthy();
    // bottom to top: attention below its add & norm, below the feed-forward
    expect(findBox(d, 'enc-self').y).toBeGreaterThan(findBox(d, 'enc-norm1').y);
    expect(findBox(d, 'enc-norm1').y).toBeGreaterThan(findBox(d, 'enc-ffn').y);
    expect(findBox(d, 'dec-masked').y).toBeGreaterThan(findBox(d, 'dec-cross').y);
  });

  it('prints the live self-attention percentages and highlights the part asked for', () => {
    const d = transformerDiagram(t, { highlight: ['cross'] });
    expect(findText(d, 'self-value').text).toBe("let's: 51% let's, 49% go");
    const img = draw(d);
    expect(inkIn(img, d, 'self-value')).toBeGreaterThan(20);
    expect(isHighlighted(img, d, 'dec-cross')).toBe(true);
    expect(isHighlighted(img, d, 'enc-self')).toBe(false);
  });
});
