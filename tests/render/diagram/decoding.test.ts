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
