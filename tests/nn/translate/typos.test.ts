// Typo correction: only when one known word is clearly meant, and never on the jargon, names and
// inflected forms a study group types on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeChat } from '../../../src/nn/translate/model/chat.ts';
import { openVocabularyCorrection, unambiguousCorrection } from '../../../src/nn/translate/infer/typos.ts';
import { translateText } from '../../../src/nn/translate/infer/service.ts';
import { isListedWord } from '../../../src/nn/translate/infer/english-words.ts';

const english = fs.readFileSync(path.resolve('models/word2vec/vocab.txt'), 'utf8').split('\n').filter(Boolean);
const known = english.slice(0, 20_000);
const real = new Set(english);
const fix = (w: string) => openVocabularyCorrection(w, known, (x) => real.has(x));

describe('typo correction', () => {
  it('a swapped pair of letters wins a tie at one edit ("recieve" is "receive", not "relieve")', () => {
    expect(unambiguousCorrection('recieve', known)).toBe('receive');
    expect(unambiguousCorrection('thier', known)).toBe('their');
    expect(unambiguousCorrection('wierd', known)).toBe('weird');
  });

  it('corrects clear typos for the open-vocabulary model', () => {
    for (const [typo, word] of [['diffrence', 'difference'], ['becuase', 'because'], ['definately', 'definitely'], ['langauge', 'language'], ['waht', 'what'], ['probelm', 'problem']]) expect(fix(typo!)).toBe(word);
  });

  it('leaves real words, jargon and forms of known words alone', () => {
    for (const w of ['bleu', 'relu', 'logits', 'backprop', 'softmax', 'transformers', 'tokenizers', 'embeddings', 'overfitting', 'dropout', 'tanh', 'cbow', 'feeds', 'needs']) expect(fix(w), w).toBeUndefined();
  });

  it('is applied by the chat reader before the question check, never to names typed with a capital', () => {
    const chat = normalizeChat('waht is the diffrence between Kowalsky and Kowalski', (w) => fix(w));
    expect(chat.text).toBe('what is the difference between Kowalsky and Kowalski ?');
    expect(chat.changes).toEqual([{ from: 'waht', to: 'what' }, { from: 'diffrence', to: 'difference' }]);
  });

  it('never rewrites a real English word the models do not know into a known one ("decoding" is not "deciding")', async () => {
    const r = await translateText('we used greedy decoding and the sunflowers grew taller', 'transformer');
    expect(r.corrections.map((c) => c.from)).toEqual([]);
    const t = await translateText('waht is greedy decoding', 'transformer');
    expect(t.corrections).toEqual([{ from: 'waht', to: 'what' }]);
  }, 60_000);

  it('takes a listed word for real unless it is a known word with two neighbouring letters swapped', () => {
    const isKnown = (w: string) => real.has(w);
    for (const w of ['decoding', 'sunflowers', 'overfit']) expect(isListedWord(w, isKnown), w).toBe(true);
    expect(isListedWord('appels', isKnown)).toBe(false); // listed, but "apples" typed fast
    expect(isListedWord('recieve', isKnown)).toBe(false); // not listed
  });
});
