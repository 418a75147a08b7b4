// The shipped word vectors at query time: cold load, /neighbors without and with its chart,
// /analogy, and /tokenize. Targets: load < 200 ms, /neighbors p95 < 5 ms (no chart), < 40 ms (chart).
import { analogyReply } from '../commands/analogy.ts';
import { neighborsReply } from '../commands/neighbors.ts';
import { tokenizeReply } from '../commands/tokenize.ts';
import { SHIPPED_DIR } from '../src/nn/word2vec/index.ts';
import { loadVectors } from '../src/nn/word2vec/store.ts';
import { measure, ms, table, writeSection } from './lib.ts';

const QUERY_WORDS = ['king', 'monday', 'good', 'france', 'money', 'run', 'music', 'river', 'doctor', 'green'];

export async function run(): Promise<void> {
  const loads: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    size = loadVectors(SHIPPED_DIR).size;
    loads.push(performance.now() - t0);
  }
  loads.sort((a, b) => a - b);
  neighborsReply('king', 10); // warm the shared instance and the chart engine
  let i = 0;
  const next = () => QUERY_WORDS[i++ % QUERY_WORDS.length]!;
  const noChart = await measure(() => neighborsReply(next(), 10, false), { runs: 200, warmup: 10 });
  const withChart = await measure(() => neighborsReply(next(), 10, true), { runs: 40, warmup: 3 });
  const analogy = await measure(() => analogyReply('man', 'king', 'woman', false), { runs: 100, warmup: 5 });
  const tokenize = await measure(() => tokenizeReply('Tokenization splits unbelievable words into familiar pieces.'), { runs: 30, warmup: 3 });
  const rows = [
    ['load vectors (cold, from disk; median of 5)', ms(loads[2]!), ms(loads[4]!), '< 200 ms'],
    ['/neighbors k:10, no chart', ms(noChart.p50), ms(noChart.p95), 'p95 < 5 ms'],
    ['/neighbors k:10 with PCA scatter PNG', ms(withChart.p50), ms(withChart.p95), 'p95 < 40 ms'],
    ['/analogy man king woman, no chart', ms(analogy.p50), ms(analogy.p95), ''],
    ['/tokenize (8 words) with token strip PNG', ms(tokenize.p50), ms(tokenize.p95), ''],
  ];
  for (const r of rows) console.log(`${String(r[0]).padEnd(48)} p50 ${r[1]} ms  p95 ${r[2]} ms  ${r[3]}`);
  writeSection(
    'word2vec',
    `## Word vectors at query time\n\nShipped vectors: ${size.toLocaleString('en')} words × 100 (models/word2vec), brute-force cosine over all of them. \`npm run bench -- word2vec\`.\n\n${table(['what', 'p50 ms', 'p95 ms (load: max)', 'target'], rows)}`,
  );
}
