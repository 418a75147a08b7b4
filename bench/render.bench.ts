// Charts: time to SVG and to PNG per chart kind, the two charts with end-to-end targets
// (/translate's attention heatmap, /neighbors' scatter), raster options side by side, and the cold
// cost of the first chart in a fresh process. `npm run bench -- render`.
// With RENDER_BASELINE=<commit> it also unpacks that commit's src/ (git archive, in the temp dir) and
// times its renderHeatmap/renderScatter against ours in the same process, batches alternating.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config } from '../src/config.ts';
import { barOption } from '../src/render/bar.ts';
import { renderSvg, svgToPng, type RasterOptions } from '../src/render/engine.ts';
import { heatmapSvg } from '../src/render/heatmap.ts';
import { renderBarChart, renderHeatmap, renderLineChart, renderScatter } from '../src/render/index.ts';
import { lineOption } from '../src/render/line.ts';
import { scatterSvg } from '../src/render/scatter.ts';
import type { HeatmapSpec, ScatterSpec, Theme } from '../src/render/types.ts';
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
  { name: '/translate attention 12×11, values', svg: (t) => heatmapSvg(samples.attentionSample(t)), render: (t) => renderHeatmap(samples.attentionSample(t)) },
  { name: '/neighbors scatter 14 points', svg: (t) => scatterSvg(samples.neighboursSample(t)), render: (t) => renderScatter(samples.neighboursSample(t)) },
  { name: 'heatmap 12×12, values', svg: (t) => heatmapSvg(samples.heatmapSample(t)), render: (t) => renderHeatmap(samples.heatmapSample(t)) },
  { name: 'heatmap 20×32 diverging', svg: (t) => heatmapSvg(samples.divergingSample(t)), render: (t) => renderHeatmap(samples.divergingSample(t)) },
  { name: 'scatter 13 points, arrows', svg: (t) => scatterSvg(samples.scatterSample(t)), render: (t) => renderScatter(samples.scatterSample(t)) },
  { name: 'line 4 series × 30, log y', svg: (t) => renderSvg(lineOption(samples.lineSample(t)), W, H), render: (t) => renderLineChart(samples.lineSample(t)) },
  { name: 'bar 7 × 2 series', svg: (t) => renderSvg(barOption(samples.barSample(t)), W, H), render: (t) => renderBarChart(samples.barSample(t)) },
  { name: 'bar horizontal 6', svg: (t) => renderSvg(barOption(samples.horizontalBarSample(t)), W, H), render: (t) => renderBarChart(samples.horizontalBarSample(t)) },
];

/** Fresh process: import the module, then the first heatmap (fetches glyph outlines, cold JIT). */
function coldStart(): { importMs: number; firstMs: number; firstCpuMs: number } {
  const script = `
    const t0 = performance.now();
    const r = await import('./src/render/index.ts');
    const t1 = performance.now();
    const s = await import('./bench/render-samples.ts');
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    r.renderHeatmap(s.attentionSample());
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

/** Two ways of doing the same thing, in alternating batches: median CPU ms per call of each. */
function sideBySide(a: () => unknown, b: () => unknown, batches = 12, per = 5): [number, number] {
  const [xa, xb]: number[][] = [[], []];
  for (let i = 0; i < batches; i++) {
    xa.push(cpuPerCall(a, per));
    xb.push(cpuPerCall(b, per));
  }
  return [summarize(xa).p50, summarize(xb).p50];
}

/** Wall ms of each, runs alternating one by one: [p50, p95] per side. */
function wallSideBySide(a: () => unknown, b: () => unknown, runs = 40): [number, number, number, number] {
  const [xa, xb]: number[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    xa.push(performance.now() - t);
    t = performance.now();
    b();
    xb.push(performance.now() - t);
  }
  const [sa, sb] = [summarize(xa), summarize(xb)];
  return [sa.p50, sa.p95, sb.p50, sb.p95];
}

type Renderers = { renderHeatmap: (s: HeatmapSpec) => { data: Uint8Array }; renderScatter: (s: ScatterSpec) => { data: Uint8Array } };

/** The render module of another commit, checked out beside us (node_modules shared). */
async function baseline(commit: string): Promise<Renderers> {
  const root = path.resolve(import.meta.dirname, '..');
  const dir = path.join(os.tmpdir(), `nn-tutor-render-${commit.slice(0, 12)}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} src package.json | tar -x -C "${dir}"`], { cwd: root });
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return (await import(pathToFileURL(path.join(dir, 'src/render/index.ts')).href)) as Renderers;
}

export async function run(): Promise<void> {
  const dir = config().RENDER_SAMPLES_DIR;
  const loadStart = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  const rows: (string | number)[][] = [];
  for (const kind of kinds) {
    const svg = kind.svg('light');
    for (let i = 0; i < 20; i++) kind.render('light'); // let the JIT settle
    const s = await measure(() => kind.svg('light'), { runs: 30 });
    const p = await measure(() => svgToPng(svg), { runs: 30 });
    const all = await measure(() => kind.render('light'), { runs: 40 });
    const [sCpu, pCpu, allCpu] = [cpuPerCall(() => kind.svg('light')), cpuPerCall(() => svgToPng(svg)), cpuPerCall(() => kind.render('light'))];
    rows.push([kind.name, ms(s.p50), ms(sCpu), ms(p.p50), ms(pCpu), ms(all.p50), ms(all.p95), ms(allCpu)]);
    console.log(`${kind.name.padEnd(36)} svg p50 ${ms(s.p50)} ms (cpu ${ms(sCpu)})  png p50 ${ms(p.p50)} ms (cpu ${ms(pCpu)})  total p50 ${ms(all.p50)} p95 ${ms(all.p95)} ms (cpu ${ms(allCpu)})`);
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const theme of ['light', 'dark'] as const) {
        writeFileSync(path.join(dir, `${kind.name.replace(/^\//, '').split(' ').slice(0, 2).join('-').replace(/[^a-z0-9-]/gi, '')}-${theme}.png`), kind.render(theme).data);
      }
    }
  }

  // The PNG step of an ECharts chart (its SVG has <text>), raster options side by side.
  const lineSvg = kinds.find((k) => k.name.startsWith('line'))!.svg('light');
  const variants: [string, RasterOptions][] = [
    ['resvg lays text out, resvg encodes (before)', { textAsPaths: false, ownEncoder: false }],
    ['glyph outlines, resvg encodes', { textAsPaths: true, ownEncoder: false }],
    ['glyph outlines, own encoder (now)', {}],
  ];
  const before = variants[0]![1];
  const optionRows = variants.map(([name, opts]) => {
    const [ref, cpu] = sideBySide(() => svgToPng(lineSvg, before), () => svgToPng(lineSvg, opts));
    return [name, ms(cpu), `${(ref / cpu).toFixed(2)}×`, `${svgToPng(lineSvg, opts).length}`];
  });
  console.log(optionRows.map((r) => r.join('  ')).join('\n'));

  let baselineText = '';
  const commit = config().RENDER_BASELINE;
  if (commit) {
    const old = await baseline(commit);
    const pairs: [string, () => unknown, () => unknown][] = [
      ['/translate attention heatmap', () => old.renderHeatmap(samples.attentionSample()), () => renderHeatmap(samples.attentionSample())],
      ['/neighbors scatter', () => old.renderScatter(samples.neighboursSample()), () => renderScatter(samples.neighboursSample())],
    ];
    const baseRows = pairs.map(([name, a, b]) => {
      for (let i = 0; i < 10; i++) (a(), b());
      const [ca, cb] = sideBySide(a, b);
      const [a50, a95, b50, b95] = wallSideBySide(a, b);
      return [name, ms(ca), ms(cb), `${(ca / cb).toFixed(1)}×`, `${ms(a50)} / ${ms(a95)}`, `${ms(b50)} / ${ms(b95)}`];
    });
    console.log(baseRows.map((r) => r.join('  ')).join('\n'));
    baselineText =
      `\n\nBefore/after in this run (RENDER_BASELINE=${commit.slice(0, 12)}: that commit's src/render imported beside ours; CPU = median of 12 alternating batches of 5, wall = 40 runs alternating one by one):\n\n` +
      table(['chart', 'before CPU ms', 'now CPU ms', 'speed-up', 'before wall p50 / p95', 'now wall p50 / p95'], baseRows);
  }

  const colds = [coldStart(), coldStart(), coldStart()].sort((a, b) => a.firstMs - b.firstMs);
  const cold = colds[1]!;
  console.log(`cold: import ${ms(cold.importMs)} ms, first heatmap ${ms(cold.firstMs)} ms (cpu ${ms(cold.firstCpuMs)})`);
  const loadEnd = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  writeSection(
    'render',
    `## Charts (src/render), 640×400 PNG\n\n` +
      `SVG = spec → SVG string (heatmap and scatter: written from our own layout; line and bar: ECharts SSR); PNG = text as cached glyph outlines, resvg rasterise, our PNG encoder; total = the public \`render*\` call. Wall-clock p50 over 30 runs (total: p50/p95 over 40) after 20 warm-up charts; CPU ms = mean process CPU time per call (steadier when other jobs share the cores). \`npm run bench -- render\` (\`RENDER_BASELINE=<commit>\` adds the before/after table).\n\n` +
      table(['chart', 'SVG p50 ms', 'SVG CPU ms', 'PNG p50 ms', 'PNG CPU ms', 'total p50 ms', 'total p95 ms', 'total CPU ms'], rows) +
      `\n\nPNG step of the line chart (an ECharts SVG with ~40 text elements), CPU ms per call, median of 12 batches of 5 alternating with the "before" setting; speed-up vs before; PNG bytes:\n\n` +
      table(['raster setting', 'CPU ms', 'speed-up', 'PNG bytes'], optionRows) +
      baselineText +
      `\n\nLoad average at the start: ${loadStart}; at the end: ${loadEnd} (wall times stretch with it; CPU ms much less).` +
      `\n\nCold, in a fresh process (median of 3): importing src/render/index.ts ${ms(cold.importMs)} ms; the first attention heatmap (fetches its glyph outlines from resvg, parses the font metrics, cold JIT) ${ms(cold.firstMs)} ms wall, ${ms(cold.firstCpuMs)} ms CPU.`,
  );
}
