// Animated GIF from diagram frames: each frame's SVG rasterised by resvg, colours quantised and
// written by gifenc (pure JS). Discord and Slack play a GIF inline, where a video would not be.
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import type Gifenc from 'gifenc';
import type { ImageAttachment } from '../core/reply.ts';
import { diagramSvg } from './diagram/svg.ts';
import type { Diagram } from './diagram/layout.ts';

// Its CommonJS build through require: Node's ESM loader sees no named exports in it, and vite would
// pick the ESM build whose default export is something else. Loaded on first use, so a checkout
// whose node_modules predate the dependency still runs every other command.
let gifenc: typeof Gifenc | undefined;
const encoder = () => (gifenc ??= createRequire(import.meta.url)('gifenc') as typeof Gifenc);

export interface GifFrame {
  diagram: Diagram;
  delayMs: number;
}

function rgba(d: Diagram): Uint8Array {
  // Text is already glyph outlines (textPath), so no fonts are needed here.
  const img = new Resvg(diagramSvg(d), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  return new Uint8Array(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength);
}

/** All frames share the first frame's size; the GIF loops forever. */
export function renderGif(frames: readonly GifFrame[], filename: string, alt: string): ImageAttachment {
  if (!frames.length) throw new RangeError('a GIF needs at least one frame');
  const { width, height } = frames[0]!.diagram;
  const { applyPalette, GIFEncoder, quantize } = encoder();
  const gif = GIFEncoder();
  const pixels = frames.map((f) => {
    if (f.diagram.width !== width || f.diagram.height !== height) throw new RangeError('GIF frames differ in size');
    return rgba(f.diagram);
  });
  // One global palette, from the last frame (the most drawn: every word written); quantising each
  // frame on its own was most of the time (~25 ms CPU a frame at 640×300).
  const palette = quantize(pixels[pixels.length - 1]!, 64);
  pixels.forEach((p, i) => {
    gif.writeFrame(applyPalette(p, palette), width, height, { palette: i === 0 ? palette : undefined, delay: frames[i]!.delayMs, repeat: 0 });
  });
  gif.finish();
  return { data: gif.bytes(), filename, alt, width, height };
}
