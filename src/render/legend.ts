// A legend laid out by us, so the plot can start right below it however many rows it takes.
import type { LegendComponentOption } from 'echarts';
import { PAD, type Frame } from './common.ts';
import { ellipsize } from './labels.ts';
import { textWidth } from './fonts.ts';
import { FONT } from './theme.ts';

const ITEM_W = 22;
const ITEM_GAP = 16;
const ROW_H = FONT.legend + 8;

export interface Legend {
  option: LegendComponentOption | undefined;
  /** y below the legend (or below the title when there is no legend). */
  bottom: number;
}

/** One legend entry as placed: its icon box starts at x, (x, y) is the row's vertical centre. */
export interface LegendItem {
  name: string;
  text: string; // as drawn
  x: number;
  y: number;
  color?: string;
}

/** Entries flowed left to right, wrapped to the chart's width (none for fewer than 2 names). */
export function legendLayout(f: Frame, names: readonly string[]): { items: LegendItem[]; bottom: number } {
  const shown = [...new Set(names.filter((n) => n !== ''))];
  if (shown.length < 2) return { items: [], bottom: f.top };
  const avail = f.width - 2 * PAD;
  let rows = 1;
  let x = 0;
  const items: LegendItem[] = [];
  for (const name of shown) {
    const text = ellipsize(name, 24);
    const w = ITEM_W + 5 + textWidth(text, FONT.legend) + ITEM_GAP;
    if (x > 0 && x + w > avail) {
      rows++;
      x = 0;
    }
    // ECharts starts the icon box 6 px left of the padding: a 10 px icon then starts at PAD.
    items.push({ name, text, x: PAD - 6 + x, y: f.top + (rows - 1) * ROW_H + FONT.legend / 2 });
    x += w;
  }
  return { items, bottom: f.top + rows * ROW_H };
}

export function legendOption(f: Frame, names: readonly string[], icon: 'line' | 'rect' | 'circle'): Legend {
  const shown = [...new Set(names.filter((n) => n !== ''))];
  const { items, bottom } = legendLayout(f, shown);
  if (!items.length) return { option: undefined, bottom };
  const avail = f.width - 2 * PAD;
  return {
    option: {
      show: true,
      type: 'plain',
      left: PAD,
      top: f.top,
      padding: 0,
      itemGap: ITEM_GAP,
      itemWidth: ITEM_W,
      itemHeight: icon === 'line' ? 12 : 10,
      // Line series: ECharts draws each entry with the series' own stroke, so dashes show.
      icon: icon === 'line' ? undefined : icon,
      width: avail,
      textStyle: { color: f.theme.text, fontSize: FONT.legend },
      formatter: (n: string) => ellipsize(n, 24),
      data: shown,
    },
    bottom,
  };
}
