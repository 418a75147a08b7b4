import { describe, expect, it } from 'vitest';
import { renderTokenStrip, showWhitespace } from '../../src/render/index.ts';
import { tokenStripOption, visibleToken } from '../../src/render/token-strip.ts';
import { decode } from './png.ts';

describe('renderTokenStrip', () => {
  it('makes whitespace visible', () => {
    expect(showWhitespace(' a\tb\nc')).toBe('·a→b⏎c');
    expect(visibleToken(' x')).toBe('·x');
  });

  it('draws one box, one label and one id per token', () => {
    const tokens = [{ text: 'Hello', id: 13225 }, { text: ' world', id: 2375 }];
    const { option } = tokenStripOption({ tokens });
    const els = (option.graphic as { elements: { type: string; style?: { text?: string } }[] }).elements;
    expect(els.filter((e) => e.type === 'rect')).toHaveLength(2);
    expect(els.map((e) => e.style?.text).filter(Boolean)).toEqual(['Hello', '13225', '·world', '2375']);
  });

  it('wraps long input into more rows: a taller PNG', () => {
    const short = renderTokenStrip({ tokens: [{ text: 'a', id: 1 }] });
    const long = renderTokenStrip({ tokens: Array.from({ length: 120 }, (_, i) => ({ text: ` token${i}`, id: i })) });
    expect(decode(long.data).height).toBeGreaterThan(decode(short.data).height);
    expect(long.alt).toContain('120 tokens');
  });
});
