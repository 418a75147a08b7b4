import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/render/engine.ts';
import { encodePng, isOpaque } from '../../src/render/png.ts';

describe('PNG encoder', () => {
  it('round-trips RGBA pixels through a standard decoder', () => {
    const [w, h] = [7, 5];
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i * 37) % 256);
    const png = PNG.sync.read(encodePng(rgba, w, h));
    expect([png.width, png.height]).toEqual([w, h]);
    expect([...png.data]).toEqual([...rgba]);
  });

  it('encodes an opaque chart itself and leaves a transparent one to resvg (premultiplied pixels)', () => {
    const opaque = '<svg width="40" height="20" xmlns="http://www.w3.org/2000/svg"><rect width="40" height="20" fill="#336699"/></svg>';
    const clear = '<svg width="40" height="20" xmlns="http://www.w3.org/2000/svg"><rect width="20" height="20" fill="#336699" fill-opacity="0.5"/></svg>';
    const a = PNG.sync.read(Buffer.from(svgToPng(opaque)));
    expect([...a.data.subarray(0, 4)]).toEqual([0x33, 0x66, 0x99, 255]);
    const b = PNG.sync.read(Buffer.from(svgToPng(clear)));
    // Straight alpha: the colour stays #336699 at half opacity (premultiplied would halve it).
    expect(Math.abs(b.data[0]! - 0x33)).toBeLessThan(3);
    expect(Math.abs(b.data[3]! - 128)).toBeLessThan(2);
    expect(isOpaque(new Uint8Array([1, 2, 3, 255, 4, 5, 6, 254]))).toBe(false);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/16 bytes/);
  });
});
