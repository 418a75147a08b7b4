import { describe, expect, it } from 'vitest';
import { contextWindow, cosine, nearest, skipGramPairs, trainToyWord2vec } from '../../src/explain/word2vec-toy.ts';

describe('the notes’ tiny word2vec', () => {
  it('makes skip-gram pairs within the window', () => {
    expect(skipGramPairs([['troll 2', 'is', 'great']], 1)).toEqual([
      ['troll 2', 'is'],
      ['is', 'troll 2'],
      ['is', 'great'],
      ['great', 'is'],
    ]);
    expect(skipGramPairs([['a', 'b', 'c', 'd']], 2)).toHaveLength(10);
  });

  it('draws CBOW/skip-gram context windows clipped at the sentence ends', () => {
    expect(contextWindow(['a', 'b', 'c', 'd', 'e'], 1, 2)).toEqual({ left: ['a'], centre: 'b', right: ['c', 'd'] });
  });

  it('training lowers the cross-entropy and pulls words used alike together', () => {
    const r = trainToyWord2vec();
    expect(r.vocab).toEqual(['troll 2', 'is', 'great', 'gymkata']);
    expect(r.pairs).toHaveLength(8);
    expect(r.lossEnd).toBeLessThan(r.lossStart);
    // The other words' only neighbour is "is" (loss can reach 0), but "is" has neighbours
    // troll 2 ¼, great ½, gymkata ¼: its 4 of the 8 pairs cannot beat that entropy.
    const floor = (4 / 8) * -(0.25 * Math.log(0.25) * 2 + 0.5 * Math.log(0.5));
    expect(r.lossEnd).toBeGreaterThanOrEqual(floor - 1e-9);
    expect(r.lossEnd).toBeLessThan(floor + 0.05);
    const i = r.vocab.indexOf('troll 2');
    const j = r.vocab.indexOf('gymkata');
    expect(cosine(r.after[i]!, r.after[j]!)).toBeGreaterThan(cosine(r.before[i]!, r.before[j]!));
    expect(cosine(r.after[i]!, r.after[j]!)).toBeGreaterThan(0.8);
    expect(nearest(r.vocab, r.after).find((n) => n.word === 'is')!.similarity).toBeLessThan(0);
  });

  it('is deterministic (seeded), so the page says the same thing every time', () => {
    expect(trainToyWord2vec().after).toEqual(trainToyWord2vec().after);
  });
});
