// ECharts server-side rendering to an SVG string, then resvg to PNG. No DOM, no canvas.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY, fontFilesForRaster, textWidth } from './fonts.ts';
import { textToPaths } from './glyphs.ts';
import { encodePng, isOpaque } from './png.ts';
import { xmlSafe } from './xml.ts';

type ECharts = typeof import('echarts');

const require = createRequire(import.meta.url);
let echartsLib: ECharts | undefined;

/**
 * The prebuilt, minified production bundle: one file loads in ~95 ms of CPU, where the ESM entry
 * points ('echarts/core' and friends) are hundreds of small modules (~600 ms, ~1.5 s through
 * tsx), and the unminified dev bundle costs ~45 ms more on a cold start.
 */
function echarts(): ECharts {
  if (!echartsLib) {
    echartsLib = require('echarts/dist/echarts.min') as ECharts;
    // Measure text with Inter's real advance widths (the default table is Arial-like), so
    // ellipsis, legend spacing and label layout match what resvg draws.
    echartsLib.setPlatformAPI({
      measureText(text: string, font?: string) {
        const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
        return { width: textWidth(text ?? '', size) };
      },
    });
  }
  return echartsLib;
}

export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  // dispose() always: an undisposed chart keeps zrender's animation timer alive, and a one-shot
  // CLI process would never exit.
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface RasterOptions {
  /** Font files for text resvg lays out itself; default the packaged Inter without layout tables. */
  fontFiles?: readonly string[];
  /** Text as cached glyph outlines (default) or laid out by resvg (the bench compares). */
  textAsPaths?: boolean;
  /** Our PNG encoder (default) or resvg's (the bench compares). */
  ownEncoder?: boolean;
}

export function svgToPng(svg: string, { fontFiles = fontFilesForRaster(), textAsPaths = true, ownEncoder = true }: RasterOptions = {}): Uint8Array {
  // ECharts escapes markup but passes NUL and other characters XML forbids straight through.
  const clean = xmlSafe(svg);
  const resvg = new Resvg(textAsPaths ? textToPaths(clean) : clean, {
    // System fonts off: a machine with no fonts at all draws the same picture.
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  const image = resvg.render();
  // resvg's pixels are premultiplied: the same as straight alpha only where a pixel is opaque,
  // which every chart is (each has a background colour).
  const pixels = ownEncoder ? image.pixels : undefined;
  const png = pixels && isOpaque(pixels) ? encodePng(pixels, image.width, image.height) : image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
