import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubwordTokenizer, detokenize, normalizeText, openingMarks, type SubwordFile } from '../../../src/nn/translate/model/subword.ts';

// A tiny unigram vocabulary: whole words are likelier than their pieces.
const PIECES: [string, number][] = [
  ['<PAD>', 0], ['<EOS>', 0], ['<UNK>', 0], ['⟪0⟫', 0], ['⟪1⟫', 0], ['⟪2⟫', 0],
  ['▁', -3], ['▁the', -2], ['▁cat', -3], ['▁cats', -4], ['s', -3], ['▁sleep', -4], ['ing', -4], ['▁sleeping', -9],
  ['▁', -3], ['?', -3], ['▁?', -3], [',', -3], ['▁,', -3], ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c): [string, number] => [c, -6]),
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c): [string, number] => [`▁${c}`, -6]),
];
const tiny = new SubwordTokenizer({ format: 'nn-tutor-unigram', pieces: PIECES });

describe('subword tokenizer', () => {
  it('picks the most probable segmentation (Viterbi) and maps pieces back to words', () => {
    const e = tiny.encode('The cats sleeping?');
    expect(e.pieces).toEqual(['▁the', '▁cats', '▁sleep', 'ing', '▁?']);
    expect(e.words).toEqual(['the', 'cats', 'sleeping', '?']);
    expect(e.wordOf).toEqual([0, 1, 2, 2, 3]);
    expect(e.ids.every((id) => id > 2)).toBe(true);
  });

  it('spells unseen words from characters instead of <UNK>', () => {
    const e = tiny.encode('zebra');
    expect(e.pieces.join('')).toBe('▁zebra');
    expect(tiny.decode(e.ids)).toBe('Zebra');
  });

  it('copies numbers, URLs, emoji, mentions, code and unseen characters through slots, in place', () => {
    const e = tiny.encode('the cat 42 😀 https://x.io/a?b=1 @ana `x+1` ñandú');
    expect([...e.slots.values()]).toEqual(['42', '😀', 'https://x.io/a?b=1', '@ana', '`x+1`', 'ñandú']);
    expect(e.words).toEqual(['the', 'cat', '⟪0⟫', '⟪1⟫', '⟪2⟫', '⟪3⟫', '⟪4⟫', '⟪5⟫']);
    // decoding a target that uses the slots in another order puts the originals back
    expect(detokenize(['el', 'gato', '⟪1⟫', '⟪0⟫'], e.slots)).toBe('El gato 😀 42');
  });

  it('normalises case, quotes and punctuation the same way for both languages', () => {
    expect(normalizeText('¿Dónde   VIVES? “Hola”, Ana.')).toBe('¿ dónde vives ? " hola " , ana .');
    expect(detokenize(normalizeText('¿Dónde vives? Hola, Ana.').split(' '))).toBe('¿Dónde vives? Hola, ana.');
  });

  it('opens Spanish questions and exclamations that lack ¿ ¡', () => {
    expect(detokenize(openingMarks(['te', 'gusta', '?']))).toBe('¿Te gusta?');
    expect(detokenize(openingMarks(['hola', '.', 'qué', 'bien', '!']))).toBe('Hola. ¡Qué bien!');
    expect(openingMarks(['¿', 'vienes', '?'])).toEqual(['¿', 'vienes', '?']);
  });

  const shipped = path.resolve('models/translate/transformer/subword.json');
  it.runIf(fs.existsSync(shipped))('round-trips the wild dev set through the shipped vocabularies', async () => {
    const { loadWild } = await import('../../../scripts/translate/devset/wild.ts');
    const files = JSON.parse(fs.readFileSync(shipped, 'utf8')) as { src: SubwordFile; tgt: SubwordFile };
    const src = new SubwordTokenizer(files.src);
    const tgt = new SubwordTokenizer(files.tgt);
    for (const item of loadWild()) {
      for (const [tok, text] of [[src, item.en], [tgt, item.refs[0]!]] as const) {
        const e = tok.encode(text);
        expect(e.ids).not.toContain(2);
        const slots = new Map<string, string>();
        expect(tok.decode(e.ids, e.slots).toLowerCase()).toBe(detokenize(normalizeText(text, slots).split(' '), slots).toLowerCase());
      }
    }
  });
});
