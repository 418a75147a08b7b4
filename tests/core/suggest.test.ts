import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/core/suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('hepl', 'help')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('suggest', () => {
  const names = ['translate', 'attention', 'tokenize', 'neighbors', 'analogy', 'help'];
  it('finds near misses and prefixes, best first', () => {
    expect(suggest('tranlsate', names)).toEqual(['translate']);
    expect(suggest('neigh', names)).toEqual(['neighbors']);
  });
  it('offers nothing for unrelated input', () => {
    expect(suggest('pizza', names)).toEqual([]);
    expect(suggest('', names)).toEqual([]);
  });
});
