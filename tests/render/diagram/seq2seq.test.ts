import { describe, expect, it } from 'vitest';
import { findBox, findText } from '../../../src/render/diagram/layout.ts';
import { seq2seqDiagram } from '../../../src/render/diagram/seq2seq.ts';
import { draw, expectReadable, inkIn, isHighlighted } from './sample.ts';

const context = [{ long: [0.36, -1.04], short: [0.12, -0.74] }, { long: [1.11, 0.15], short: [0.8, 0.01] }];

describe('seq2seq diagram', () => {
  it('is readable and prints the 2×2×2 context vector', () => {
    const d = seq2seqDiagram({ inputs: ["let's", 'go'], context, outputs: ['vamos', '<EOS>'], embed: 2 });
    expectReadable(d);
    expect(findText(d, 'ctx-1-long').text).toBe('L1 c [0.36, −1.04]');
    expect(findText(d, 'ctx-2-short').text).toBe('L2 h [0.80, 0.01]');
    const img = draw(d);
    for (const id of ['ctx-1-long', 'ctx-2-short', 'out-0']) expect(inkIn(img, d, id)).toBeGreaterThan(20);
  });

  it('feeds the decoder <EOS> first and then its own previous output', () => {
    const d = seq2seqDiagram({ inputs: ["let's", 'go'], context, outputs: ['vamos', '<EOS>'], embed: 2 });
    expect(findText(d, 'dec-word-0').text).toBe('<EOS>');
    expect(findText(d, 'dec-word-1').text).toBe('vamos');
    expect(findBox(d, 'dec-0-2').x).toBeGreaterThan(findBox(d, 'context').x);
  });

  it('highlights the context vector when asked', () => {
    const d = seq2seqDiagram({ inputs: ["let's", 'go'], context, outputs: ['vamos', '<EOS>'], embed: 2 }, { highlight: 'context' });
    const img = draw(d);
    expect(isHighlighted(img, d, 'context')).toBe(true);
    expect(isHighlighted(img, d, 'enc-0-1')).toBe(false);
  });
});
