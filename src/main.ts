// Entry point: load config (and .env), build the registry, then run one command, JSON Lines, or the
// adapters the configuration asks for (console chat, Discord, Slack) with one runner and queue.
// Exit codes: 0 done, 2 bad input or configuration (the message names what to fix), 1 internal error.
import { commands } from '../commands/index.ts';
import { CliError, USAGE, parseArgs } from './cli.ts';
import { ConfigError, initConfig } from './config.ts';
import { Registry } from './core/registry.ts';
import { runJsonLines, runOnce } from './adapters/console/oneshot.ts';
import { buildAdapters, chooseAdapters, personalRunner, startAdapters } from './adapters/start.ts';
import { configureLog, log } from './core/log.ts';
import { warmUp } from './nn/warmup.ts';
import { startQuizService, stopQuizService } from './quiz/index.ts';
import { openConfiguredStore, PostgresStore } from './store/index.ts';
import { SHUTDOWN_DEADLINE_MS, shutdownSteps, startReplica } from './ops/replica.ts';
import { shutdown } from './ops/shutdown.ts';

/** Platform clients may leave handles behind after stopping: exit instead of waiting on them. */
let exitWhenDone = false;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // With --json, stdout carries Replies only: library chatter goes to stderr.
  if (args.json) console.log = console.info = (...a: unknown[]) => console.error(...a);
  const config = initConfig();
  configureLog(config);
  const registry = new Registry(commands);
  const outDir = args.outDir ?? config.OUT_DIR;
  const person = { outDir, json: args.json, color: !config.NO_COLOR, userName: config.USER };

  if (args.line !== undefined) return runOnce(personalRunner(registry), args.line, person);
  if (args.json) return runJsonLines(personalRunner(registry), person);

  // Everything is checked before anything connects: variables, then the database.
  const adapters = await buildAdapters(chooseAdapters(config, args.platform), config, { outDir });
  const store = openConfiguredStore(config);
  // Chat platforms load the models now so that the first member does not wait for them.
  if (config.NN_WARMUP && adapters.some((a) => a.audience === 'many')) {
    // A tiny heatmap loads the renderer and its fonts, which the first chart would otherwise pay for.
    const charts = async () => (await import('./render/index.ts')).renderHeatmap({ rows: ['a', 'b'], cols: ['c', 'd'], values: [[0.1, 0.9], [0.8, 0.2]] });
    await warmUp({ charts });
  }
  // Chat platforms get the replica's parts: model commands on a worker pool, and one HTTP server on
  // PORT for webhooks (Discord interactions, Slack events), /healthz, /readyz and /metrics.
  const replica = adapters.some((a) => a.audience === 'many') ? await startReplica(config, adapters, store, new URL('../commands/index.ts', import.meta.url).href) : undefined;
  const running = await startAdapters(adapters, registry, {
    // The quiz service reveals quizzes left open and posts scheduled ones through each outbox.
    afterStart: async (adapter) => void (await startQuizService(adapter.outbox, store, undefined, adapter.platform)),
    http: replica?.http,
    executor: replica?.executor,
    // PostgreSQL is shared by every replica: per-user limits and Slack retries are agreed there.
    shared: store instanceof PostgresStore ? store : undefined,
  });
  exitWhenDone = replica !== undefined;
  if (replica) await replica.listen(running.runner);
  // SIGTERM/SIGINT: stop taking work, finish what is in flight, close pool and store within a deadline.
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.race([running.finished, signalled]);
  const report = await shutdown(
    shutdownSteps({ ops: replica?.ops, stopAdapters: () => running.stop(), queue: running.runner.queue, executor: running.runner.executor, closeStore: stopQuizService }),
    SHUTDOWN_DEADLINE_MS,
  );
  log.info(report, 'stopped');
  return report.abandoned.length ? 1 : 0;
}

function fail(err: unknown): number {
  if (err instanceof ConfigError || err instanceof CliError) {
    process.stderr.write(`nn-tutor: ${err.message}\n${err instanceof CliError ? USAGE + '\n' : ''}`);
    return 2;
  }
  log.fatal({ err }, 'start-up failed');
  process.stderr.write(`nn-tutor: start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (exitWhenDone) process.exit(code);
    process.exitCode = code;
  },
  // Whatever was started has been stopped; exit now rather than wait on a half-started client.
  (err: unknown) => process.exit(fail(err)),
);
