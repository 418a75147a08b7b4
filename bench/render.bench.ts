// Charts: time to SVG (ECharts SSR) and to PNG (resvg) per chart kind, and the cold cost of the
// first chart in a fresh process. `npm run bench -- render`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { barOption } from '../src/render/bar.ts';
import { renderSvg, svgToPng } from '../src/render/engine.ts';
import { PACKAGED_FONT_FILES } from '../src/render/fonts.ts';
import { heatmapSvg } from '../src/render/heatmap.ts';
import { renderBarChart, renderHeatmap, renderLineChart, renderScatter } from '../src/render/index.ts';
import { lineOption } from '../src/render/line.ts';
import { scatterSvg } from '../src/render/scatter.ts';
import type { Theme } from '../src/render/types.ts';
import { measure, ms, summarize, table, writeSection } from './lib.ts';
import * as samples from './render-samples.ts';

interface Kind {
  name: string;
  svg: (theme: Theme) => string;
  render: (theme: Theme) => { data: Uint8Array };
}

const W = 640;
const H = 400;
const kinds: Kind[] = [
  { name: 'heatmap 12×12, values', svg: (t) => heatmapSvg(samples.heatmapSample(t)), render: (t) => renderHeatmap(samples.heatmapSample(t)) },
  { name: 'heatmap 20×32 diverging', svg: (t) => heatmapSvg(samples.divergingSample(t)), render: (t) => renderHeatmap(samples.divergingSample(t)) },
  { name: 'line 4 series × 30, log y', svg: (t) => renderSvg(lineOption(samples.lineSample(t)), W, H), render: (t) => renderLineChart(samples.lineSample(t)) },
  { name: 'scatter 13 points, arrows', svg: (t) => scatterSvg(samples.scatterSample(t)), render: (t) => renderScatter(samples.scatterSample(t)) },
  { name: 'bar 7 × 2 series', svg: (t) => renderSvg(barOption(samples.barSample(t)), W, H), render: (t) => renderBarChart(samples.barSample(t)) },
  { name: 'bar horizontal 6', svg: (t) => renderSvg(barOption(samples.horizontalBarSample(t)), W, H), render: (t) => renderBarChart(samples.horizontalBarSample(t)) },
];

/** Fresh process: import the module, then the first heatmap (loads ECharts and the font). */
function coldStart(): { importMs: number; firstMs: number; firstCpuMs: number } {
  const script = `
    const t0 = performance.now();
    const r = await import('./src/render/index.ts');
    const t1 = performance.now();
    const s = await import('./bench/render-samples.ts');
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    r.renderHeatmap(s.heatmapSample());
    const t3 = performance.now();
    const c3 = process.cpuUsage(c2);
    console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t3 - t2, firstCpuMs: (c3.user + c3.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** CPU ms per call (user + system, all threads): steadier than wall time on a shared machine. */
function cpuPerCall(fn: () => unknown, runs = 30): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000 / runs;
}

export async function run(): Promise<void> {
  const dir = process.env.RENDER_SAMPLES_DIR;
  const rows: (string | number)[][] = [];
  for (const kind of kinds) {
    const svg = kind.svg('light');
    for (let i = 0; i < 20; i++) kind.render('light'); // let the JIT settle
    const s = await measure(() => kind.svg('light'), { runs: 30 });
    const p = await measure(() => svgToPng(svg), { runs: 30 });
    const all = await measure(() => kind.render('light'), { runs: 30 });
    const [sCpu, pCpu] = [cpuPerCall(() => kind.svg('light')), cpuPerCall(() => svgToPng(svg))];
    rows.push([kind.name, ms(s.p50), ms(sCpu), ms(p.p50), ms(pCpu), ms(all.p50), ms(all.p95)]);
    console.log(`${kind.name.padEnd(28)} svg p50 ${ms(s.p50)} ms (cpu ${ms(sCpu)})  png p50 ${ms(p.p50)} ms (cpu ${ms(pCpu)})  total p50 ${ms(all.p50)} p95 ${ms(all.p95)} ms`);
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const theme of ['light', 'dark'] as const) {
        writeFileSync(path.join(dir, `${kind.name.split(' ').slice(0, 2).join('-').replace(/[^a-z0-9-]/gi, '')}-${theme}.png`), kind.render(theme).data);
      }
    }
  }
  // The font as packaged vs without OpenType layout tables, same SVG, alternating batches.
  const svg = kinds[0]!.svg('light');
  const asIs: number[] = [];
  const stripped: number[] = [];
  for (let i = 0; i < 12; i++) {
    asIs.push(cpuPerCall(() => svgToPng(svg, { fontFiles: PACKAGED_FONT_FILES, textAsPaths: false }), 5));
    stripped.push(cpuPerCall(() => svgToPng(svg, { textAsPaths: false }), 5));
  }
  const [a, b] = [summarize(asIs), summarize(stripped)];
  console.log(`font: heatmap PNG CPU ms with the packaged TTF ${ms(a.p50)}, layout tables stripped ${ms(b.p50)}`);
  const colds = [coldStart(), coldStart(), coldStart()].sort((a, b) => a.firstMs - b.firstMs);
  const cold = colds[1]!;
  console.log(`cold: import ${ms(cold.importMs)} ms, first heatmap ${ms(cold.firstMs)} ms (cpu ${ms(cold.firstCpuMs)})`);
  writeSection(
    'render',
    `## Charts (src/render), 640×400 PNG\n\nSVG = spec → ECharts option → SSR SVG string; PNG = resvg rasterise + encode; total = the public \`render*\` call. Wall-clock p50/p95 over 30 runs after 20 warm-up charts; CPU ms = mean process CPU time per call (steadier when other jobs share the cores). \`npm run bench -- render\`.\n\n` +
      table(['chart', 'SVG p50 ms', 'SVG CPU ms', 'PNG p50 ms', 'PNG CPU ms', 'total p50 ms', 'total p95 ms'], rows) +
      `\n\nFont (heatmap 12×12 PNG step, CPU ms per call, median of 12 alternating batches of 5): Inter TTF as packaged ${ms(a.p50)}; with its GSUB/GPOS/GDEF tables dropped (what we use) ${ms(b.p50)}.` +
      `\n\nLoad average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (wall times stretch with it; CPU ms much less).` +
      `\n\nCold, in a fresh process (median of 3): importing src/render/index.ts ${ms(cold.importMs)} ms; the first heatmap (loads ECharts' bundle, parses the font metrics, cold JIT) ${ms(cold.firstMs)} ms wall, ${ms(cold.firstCpuMs)} ms CPU.`,
  );
}
