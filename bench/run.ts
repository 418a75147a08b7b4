// `npm run bench [-- name ...]`: runs the listed benchmarks (all by default) and updates
// bench/RESULTS.md. Each entry is one file exporting run(); the list is explicit.
import { log } from '../src/core/log.ts';

const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  commands: () => import('./commands.bench.ts'),
  explain: () => import('./explain.bench.ts'),
  render: () => import('./render.bench.ts'),
  quiz: () => import('./quiz.bench.ts'),
  store: () => import('./store.bench.ts'),
  platforms: () => import('./platforms.bench.ts'),
  'cold-start': () => import('./cold-start.bench.ts'),
  word2vec: () => import('./word2vec.bench.ts'),
  translate: () => import('./translate.bench.ts'),
  'translate-train': () => import('./translate-train.bench.ts'),
  replicas: () => import('./replicas.bench.ts'),
  'replicas-http': () => import('./replicas-http.bench.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  try {
    await (await load()).run();
  } catch (err) {
    log.error({ err }, `bench ${name} failed`);
    console.error(`bench ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  }
}
