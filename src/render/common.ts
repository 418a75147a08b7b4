// Pieces every chart kind shares: sizes, title, base option, alt-text helpers.
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './fonts.ts';
import { drawable, shorten } from './labels.ts';
import { chartTheme, FONT, type ChartTheme } from './theme.ts';
import type { Theme } from './types.ts';

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 400;
/** Outer padding of every chart, px. */
export const PAD = 14;

export interface Frame {
  width: number;
  height: number;
  theme: ChartTheme;
  /** y where the plot area may start: below the title, if any. */
  top: number;
}

export function frame(spec: { width?: number; height?: number; theme?: Theme; title?: string }): Frame {
  const width = clampSize(spec.width ?? DEFAULT_WIDTH, 'width');
  const height = clampSize(spec.height ?? DEFAULT_HEIGHT, 'height');
  return { width, height, theme: chartTheme(spec.theme), top: spec.title ? PAD + FONT.title + 12 : PAD };
}

function clampSize(n: number, what: string): number {
  if (!Number.isFinite(n) || n < 160 || n > 4096) throw new RangeError(`chart ${what} must be 160…4096 px, got ${n}`);
  return Math.round(n);
}

/** Options shared by every chart: background, font, colours, the title. */
export function baseOption(f: Frame, title?: string): EChartsOption {
  const t = f.theme;
  return {
    backgroundColor: t.background,
    color: [...t.palette],
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.label, color: t.text },
    title: title
      ? {
          text: drawable(title.replace(/\s+/g, ' ')),
          left: PAD,
          top: PAD - 4,
          padding: 0,
          textStyle: {
            fontFamily: FONT_FAMILY,
            fontSize: FONT.title,
            fontWeight: 600,
            color: t.text,
            width: f.width - 2 * PAD,
            overflow: 'truncate',
          },
        }
      : undefined,
  };
}

/** Axis-name style shared by the cartesian charts. */
export function axisNameStyle(f: Frame) {
  return { color: f.theme.mutedText, fontSize: FONT.small, fontFamily: FONT_FAMILY };
}

export function axisLabelStyle(f: Frame) {
  return { color: f.theme.mutedText, fontSize: FONT.label, fontFamily: FONT_FAMILY };
}

/** "a, b, c and 4 more" for alt text. */
export function listSome(items: readonly string[], n = 4): string {
  const shown = items.slice(0, n).map((s) => shorten(s, 24));
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function fmtNum(v: number): string {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(3));
}
