import { describe, expect, it } from 'vitest';
import { decodingFrame, renderDecodingGif } from '../../../src/render/diagram/decoding.ts';
import { draw, expectReadable, isHighlighted } from './sample.ts';
import { gifFrames } from '../gif-parse.ts';

const v = {
  model: 'transformer',
  source: ['my', 'mother', 'works', 'in', 'the', 'hospital'],
  output: ['mi', 'madre', 'trabaja', 'en', 'el', 'hospital', '.'],
  attention: Array.from({ length: 7 }, (_, t) => Array.from({ length: 6 }, (_, j) => (j === Math.min(t, 5) ? 0.7 : 0.06))),
};

describe('decoding frames and the GIF', () => {
  it('each frame is readable; edges into the word being written are as wide as its attention', () => {
    for (let t = 0; t < v.output.length; t++) expectReadable(decodingFrame(v, t));
    const d = decodingFrame(v, 2);
    const width = (j: number) => d.arrows.find((a) => a.id === `edge-${j}`)!.width;
    expect(width(2)).toBeCloseTo(0.5 + 14 * 0.7, 5);
    expect(width(0)).toBeCloseTo(0.5 + 14 * 0.06, 5);
    expect(d.boxes.filter((b) => b.id.startsWith('out-'))).toHaveLength(3);
  });

  it('stays readable for 30 English and 34 Spanish words: long words cut with …, small slots left blank', () => {
    const source = Array.from({ length: 30 }, (_, i) => ['internationalization', 'the', 'a', 'hospital'][i % 4]!);
    const output = Array.from({ length: 34 }, (_, i) => ['hospitalización', 'el', 'de', '<EOS>'][i % 4]!);
    const attention = output.map((_, t) => source.map((_, j) => (j === t % 30 ? 0.5 : 0.5 / 29)));
    for (const t of [0, 20, 33]) expectReadable(decodingFrame({ model: 'transformer', source, output, attention }, t));
    const eight = decodingFrame({ model: 'transformer', source: source.slice(0, 8), output: output.slice(0, 8), attention }, 0);
    expectReadable(eight);
    expect(eight.texts.some((t) => t.text.endsWith('…'))).toBe(true);
  });

  it('lights the word being written, not the ones before', () => {
    const d = decodingFrame(v, 2);
    const img = draw(d);
    expect(isHighlighted(img, d, 'out-2')).toBe(true);
    expect(isHighlighted(img, d, 'out-1')).toBe(false);
  });

  it('encodes one GIF frame per written word, 640 wide, looping', () => {
    const gif = renderDecodingGif(v);
    expect(gif.filename).toBe('decoding-transformer.gif');
    const parsed = gifFrames(gif.data);
    expect(parsed).toMatchObject({ width: 640, height: 300, frames: 7, loops: true });
    expect(parsed.delaysCs[0]).toBe(90);
    expect(parsed.delaysCs[6]).toBe(250);
  });
});
