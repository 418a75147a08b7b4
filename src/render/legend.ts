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

export function legendOption(f: Frame, names: readonly string[], icon: 'line' | 'rect' | 'circle'): Legend {
  const shown = [...new Set(names.filter((n) => n !== ''))];
  if (shown.length < 2) return { option: undefined, bottom: f.top };
  const avail = f.width - 2 * PAD;
  let rows = 1;
  let x = 0;
  for (const n of shown) {
    const w = ITEM_W + 5 + textWidth(ellipsize(n, 24), FONT.legend) + ITEM_GAP;
    if (x > 0 && x + w > avail) {
      rows++;
      x = 0;
    }
    x += w;
  }
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
    bottom: f.top + rows * ROW_H,
  };
}
