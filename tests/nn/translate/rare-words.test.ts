import { describe, expect, it } from 'vitest';
import { lexiconFrom, replaceRareWords } from '../../../src/nn/translate/infer/rare-words.ts';
import { insertNegation } from '../../../src/nn/translate/infer/negation.ts';
import { unambiguousCorrection } from '../../../src/nn/translate/infer/typos.ts';

describe('never invent: unknown source words', () => {
  // "i eat the xylophone" → the model wrote "como el perro": "perro" attends to the unknown word
  const source = ['i', 'eat', 'the', 'xylophone'];
  const unknown = [false, false, false, true];
  const tokens = ['como', 'el', 'perro'];
  const attention = [
    [0.2, 0.7, 0.05, 0.05],
    [0.05, 0.05, 0.6, 0.3],
    [0.05, 0.05, 0.2, 0.7],
    [0.25, 0.25, 0.25, 0.25], // <EOS>
  ];

  it('replaces the output word at the attended position with the lexicon translation', () => {
    const r = replaceRareWords(source, unknown, tokens, attention, lexiconFrom([['xylophone', 'xilófono']]));
    expect(r.tokens).toEqual(['como', 'el', 'xilófono']);
    expect(r.rare).toEqual([{ source: 'xylophone', sourceIndex: 3, output: 'xilófono', outputIndex: 2, how: 'lexicon' }]);
  });

  it('copies the word when the lexicon has none, and never touches known words', () => {
    const r = replaceRareWords(source, unknown, tokens, attention, lexiconFrom([['eat', 'XX']]));
    expect(r.tokens).toEqual(['como', 'el', 'xylophone']);
    expect(r.rare[0]!.how).toBe('copied');
  });

  it('inserts the word after its left neighbour’s output when nothing attends to it', () => {
    const r = replaceRareWords(['i', 'eat', 'Kowalski', 'bread'], [false, false, true, false], ['como', 'pan'], [
      [0.1, 0.8, 0.05, 0.05],
      [0.05, 0.05, 0.1, 0.8],
      [0.25, 0.25, 0.25, 0.25],
    ]);
    expect(r.tokens).toEqual(['como', 'Kowalski', 'pan']);
    expect(r.attention).toHaveLength(4); // a one-hot row for the inserted word
    expect(r.attention[1]).toEqual([0, 0, 1, 0]);
  });

  it('places words at their relative position without attention (seq2seq), and copies numbers and emoji', () => {
    const r = replaceRareWords(['i', 'have', '25', 'cats', '🐱'], [false, false, true, false, true], ['tengo', 'muchos', 'gatos', 'grandes'], []);
    // no attention: source word i sits at output position ≈ i · T / S
    expect(r.tokens).toEqual(['tengo', 'muchos', '25', 'gatos', '🐱']);
    expect(r.rare.map((x) => [x.source, x.outputIndex, x.how])).toEqual([['25', 2, 'copied'], ['🐱', 4, 'copied']]);
  });
});

describe('typo correction', () => {
  const known = ['apples', 'apple', 'the', 'needs', 'homework', 'table', 'cable', 'bread'];
  it('corrects only when one known word is clearly the best', () => {
    expect(unambiguousCorrection('appels', known)).toBe('apples'); // a transposition: one edit
    expect(unambiguousCorrection('homwork', known)).toBe('homework');
    expect(unambiguousCorrection('xable', known)).toBeUndefined(); // table and cable tie
    expect(unambiguousCorrection('breadd', ['bread', 'breads'])).toBeUndefined();
    expect(unambiguousCorrection('xylophone', known)).toBeUndefined();
    expect(unambiguousCorrection('teh', known)).toBeUndefined(); // too short to be sure
  });
});

describe('negation, last resort', () => {
  it('puts "no" before the word aligned with the auxiliary, "nunca" before the verb after never', () => {
    const tokens = ['hay', 'leche'];
    const att = [[0.1, 0.8, 0.05, 0.05], [0.05, 0.05, 0.1, 0.8], [0.25, 0.25, 0.25, 0.25]];
    expect(insertNegation(['there', 'is', 'no', 'milk'], tokens, att)).toBe(0);
    expect(tokens).toEqual(['no', 'hay', 'leche']);
    const t2 = ['ella', 'come', 'pescado'];
    insertNegation(['she', 'never', 'eats', 'fish'], t2, [[0.9, 0, 0.1, 0], [0, 0.1, 0.9, 0], [0, 0, 0.1, 0.9], [0.25, 0.25, 0.25, 0.25]]);
    expect(t2).toEqual(['ella', 'nunca', 'come', 'pescado']);
    const kept = ['no', 'hay', 'leche'];
    expect(insertNegation(['there', 'is', 'no', 'milk'], kept, [])).toBeUndefined(); // already negated
  });
});
