// Test helpers: decode a chart PNG and look for colours in it.
import { PNG } from 'pngjs';
import { parseHex, type RGB } from '../../src/render/color.ts';

export interface Image {
  width: number;
  height: number;
  at(x: number, y: number): RGB;
}

export function decode(data: Uint8Array): Image {
  const png = PNG.sync.read(Buffer.from(data));
  return {
    width: png.width,
    height: png.height,
    at(x, y) {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

export function distance(a: RGB, b: RGB | string): number {
  const c = typeof b === 'string' ? parseHex(b) : b;
  return Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2]);
}

/** Pixels within `tol` of `color` in the box [x0, x1) × [y0, y1). */
export function pixelsOf(img: Image, color: string, box = { x0: 0, y0: 0, x1: img.width, y1: img.height }, tol = 24) {
  const out: { x: number; y: number }[] = [];
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (distance(img.at(x, y), color) <= tol) out.push({ x, y });
  return out;
}
