import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubwordTokenizer, detokenize, likelyNames, normalizeText, openingMarks, settleSlots, type SubwordFile } from '../../../src/nn/translate/model/subword.ts';

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

  it('keeps a time with its am/pm in one slot', () => {
    for (const [text, time] of [['meet at 3pm', '3pm'], ['at 10:30 a.m. sharp', '10:30 a.m.'], ['by 9 pm ok', '9 pm']]) {
      const slots = new Map<string, string>();
      normalizeText(text!, slots);
      expect([...slots.values()]).toEqual([time]);
    }
    const slots = new Map<string, string>();
    expect(normalizeText('5 apples', slots)).toBe('⟪0⟫ apples'); // no "a" taken for a.m.
  });

  it('copies technical terms in their usual spelling at inference (nameSlots), not in training', () => {
    const e = tiny.encode('the gpu and pytorch', new Map(), { nameSlots: true });
    expect(e.words).toEqual(['the', '⟪0⟫', 'and', '⟪1⟫']);
    expect([...e.slots.values()]).toEqual(['GPU', 'PyTorch']);
    expect(tiny.encode('the gpu').words).toEqual(['the', 'gpu']);
  });

  it('copies a capitalised name it can only spell in 3+ pieces through a slot (nameSlots)', () => {
    expect([...likelyNames('My friend Kowalski met Tom. Then we left')]).toEqual(['kowalski', 'tom']);
    const e = tiny.encode('the cat Kowalski', new Map(), { nameSlots: true });
    expect(e.words).toEqual(['the', 'cat', '⟪0⟫']);
    expect(e.slots.get('⟪0⟫')).toBe('kowalski');
    expect(tiny.encode('the cat Kowalski').words).toEqual(['the', 'cat', 'kowalski']);
  });

  it('keeps each slot once and appends slots a translation left out', () => {
    const slots = new Map([['⟪0⟫', '3'], ['⟪1⟫', '😀']]);
    expect(settleSlots(['compré', '⟪0⟫', '⟪0⟫', 'manzanas', '.'], slots)).toEqual(['compré', '⟪0⟫', 'manzanas', '⟪1⟫', '.']);
    expect(settleSlots(['hola', '⟪5⟫'], new Map())).toEqual(['hola']);
  });

  it('opens Spanish questions and exclamations that lack ¿ ¡', () => {
    expect(detokenize(openingMarks(['te', 'gusta', '?']))).toBe('¿Te gusta?');
    expect(detokenize(openingMarks(['hola', '.', 'qué', 'bien', '!']))).toBe('Hola. ¡Qué bien!');
    expect(openingMarks(['¿', 'vienes', '?'])).toEqual(['¿', 'vienes', '?']);
  });

  it('copies names with digits inside as one span, and a link keeps its case after a full stop', () => {
    const slots = new Map<string, string>();
    expect(normalizeText('is word2vec older than gpt2?', slots)).toBe('is ⟪0⟫ older than ⟪1⟫ ?');
    expect([...slots.values()]).toEqual(['word2vec', 'gpt2']);
    expect(detokenize(['mira', '.', '⟪0⟫'], new Map([['⟪0⟫', 'https://example.com/Notes']]))).toBe('Mira. https://example.com/Notes');
    expect(detokenize(['⟪0⟫', 'feliz', 'día', '!'], new Map([['⟪0⟫', '¡']]))).toBe('¡Feliz día!');
    expect(detokenize(['¿', 'qué', 'es', 'el', 'marcador', ',', '?'])).toBe('¿Qué es el marcador?');
  });

  const shipped = path.resolve('models/translate/transformer/subword.json');
  it.runIf(fs.existsSync(shipped))('copies a capitalised name it cannot spell as one piece (Martina, Kowalski), not one it knows (Ana)', () => {
    const files = JSON.parse(fs.readFileSync(shipped, 'utf8')) as { src: SubwordFile };
    const src = new SubwordTokenizer(files.src);
    const e = src.encode('I went to the park with Ana, Kowalski and Martina', new Map(), { nameSlots: true });
    expect([...e.slots.values()]).toEqual(['kowalski', 'martina']);
    expect(e.pieces).toContain('▁ana');
  });

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
