// Issue 16 §3: every chart the commands send is readable where it is seen. Discord shows a 640 px
// chart at ~400 px, so from the layout of each PNG (src/render/label-box.ts): no text below 15 px
// at 640 px width, every label inside the canvas, no two labels overlapping.
import { describe, expect, it } from 'vitest';
import { analogy } from '../../commands/analogy.ts';
import { attention } from '../../commands/attention.ts';
import { explain } from '../../commands/explain.ts';
import { neighbors } from '../../commands/neighbors.ts';
import { predict } from '../../commands/predict.ts';
import { similarity } from '../../commands/similarity.ts';
import { tokenizeCommand } from '../../commands/tokenize.ts';
import { translate } from '../../commands/translate.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchButton, dispatchLine, type Outcome } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { CHART_LINES, STEP_LINES } from '../../bench/chart-gallery.ts';
import { outside, overlaps, recordLabels, smallestText, type ChartLabels } from '../../src/render/label-box.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([explain, predict, neighbors, analogy, similarity, tokenizeCommand, translate, attention]);


async function chartsOf(run: () => Promise<Outcome>): Promise<ChartLabels[]> {
  const { result, charts } = await recordLabels(run);
  expect(result.status).toBe('ok');
  return charts;
}

function problems(c: ChartLabels): string[] {
  const out: string[] = [];
  const small = smallestText(c);
  if (small < 15) out.push(`smallest text ${small} px: ${c.labels.filter((l) => (l.fontSize * 640) / c.width < 15).slice(0, 3).map((l) => JSON.stringify(l.text)).join(', ')}`);
  for (const l of outside(c)) out.push(`outside the canvas: ${JSON.stringify(l.text)} [${l.left.toFixed(0)}, ${l.top.toFixed(0)}, ${l.right.toFixed(0)}, ${l.bottom.toFixed(0)}]`);
  for (const [a, b] of overlaps(c)) out.push(`overlap: ${JSON.stringify(a.text)} and ${JSON.stringify(b.text)}`);
  return out;
}

describe('chart readability at preview size', () => {
  for (const line of CHART_LINES) {
    it(line, async () => {
      const charts = await chartsOf(() => dispatchLine(registry, line, ctx));
      expect(charts.length).toBeGreaterThan(0);
      for (const c of charts) expect(problems(c)).toEqual([]);
    }, 30_000);
  }

  it('every step of the lstm and attention step-throughs', async () => {
    for (const start of STEP_LINES) {
      let out = await dispatchLine(registry, start, ctx);
      for (let i = 0; i < 12 && out.reply.buttons; i++) {
        const next = out.reply.buttons[1]!;
        const { result, charts } = await recordLabels(() => dispatchButton(registry, next.id, ctx));
        if (!result.reply.images) break; // past the last step
        for (const c of charts) expect(problems(c), `${start}, step ${i + 2}`).toEqual([]);
        out = result;
      }
    }
  }, 60_000);
});

const box = (text: string, left: number, top: number, right: number, bottom: number) => ({
  text,
  fontSize: 15,
  left,
  top,
  right,
  bottom,
  corners: [[left, top], [right, top], [right, bottom], [left, bottom]] as const,
});

describe('the label-box recorder', () => {
  it('finds text too small, outside the canvas and overlapping', async () => {
    const { renderLineChart } = await import('../../src/render/index.ts');
    const { charts } = recordLabels(() => renderLineChart({ x: [1, 2], series: [{ name: 'a', data: [1, 2] }], width: 1280, height: 400 }));
    expect(charts).toHaveLength(1);
    expect(smallestText(charts[0]!)).toBeLessThan(15); // 2× wide with the same font: half the size at 640
    const c: ChartLabels = {
      width: 100,
      height: 50,
      labels: [
        box('a', 0, 0, 30, 15),
        box('b', 20, 5, 50, 20),
        box('c', 90, 40, 110, 55),
      ],
    };
    expect(overlaps(c).map(([a, b]) => a.text + b.text)).toEqual(['ab']);
    expect(outside(c).map((l) => l.text)).toEqual(['c']);
  });
});
