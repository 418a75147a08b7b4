import { describe, expect, it } from 'vitest';
import { corpusBleu, tokenize13a } from '../../scripts/translate/bleu.ts';

describe('13a tokenisation', () => {
  it('splits ASCII punctuation but keeps ¿, ¡ and apostrophes attached, like sacreBLEU', () => {
    expect(tokenize13a('¿Dónde está el baño?')).toEqual(['¿Dónde', 'está', 'el', 'baño', '?']);
    expect(tokenize13a("¡Vamos! It's 3.5, ok.")).toEqual(['¡Vamos', '!', "It's", '3.5', ',', 'ok', '.']);
  });
});

describe('corpus BLEU', () => {
  it('matches the hand-computed sacreBLEU value with exp smoothing (no 4-gram match)', () => {
    // 1-grams 5/6, 2-grams 3/5, 3-grams 1/4, 4-grams 0/3 → 100/(2·3); equal lengths → BP 1
    const expected = Math.exp((Math.log(500 / 6) + Math.log(60) + Math.log(25) + Math.log(100 / 6)) / 4);
    expect(corpusBleu(['the cat sat on the mat'], ['the cat is on the mat'])).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(37.99, 2);
  });

  it('applies the brevity penalty to a short hypothesis', () => {
    // hyp 5 tokens, ref 8: BP = e^(1 − 8/5); precisions 5/5, 3/4, 2/3, 1/2
    const bp = Math.exp(1 - 8 / 5);
    const expected = bp * Math.exp((Math.log(100) + Math.log(75) + Math.log(200 / 3) + Math.log(50)) / 4);
    expect(corpusBleu(['¿Dónde está el baño?'], ['¿Dónde está el baño, por favor?'])).toBeCloseTo(expected, 6);
  });

  it('pools n-gram counts over the corpus and gives 100 for identical text', () => {
    expect(corpusBleu(['Vamos a la playa.', 'Yo como pan.'], ['Vamos a la playa.', 'Yo como pan.'])).toBeCloseTo(100, 9);
    expect(corpusBleu(['Vamos.'], ['Comamos.'])).toBeLessThan(10);
  });
});
