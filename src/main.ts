// Entry point: load config, build the registry, then run one command, JSON Lines, the console
// chat, or the chat platforms the environment configures.
import { existsSync } from 'node:fs';
import { commands } from '../commands/index.ts';
import { CliError, USAGE, parseArgs } from './cli.ts';
import { ConfigError, loadConfig } from './config.ts';
import { Registry } from './core/registry.ts';
import { runChat } from './adapters/console/chat.ts';
import { runJsonLines, runOnce } from './adapters/console/oneshot.ts';
import { platformsFromConfig, startPlatforms } from './adapters/start.ts';
import { log } from './core/log.ts';
import { startQuizService, stopQuizService } from './quiz/index.ts';

async function main(argv: readonly string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // With --json, stdout carries Replies only: library chatter goes to stderr.
  if (args.json) console.log = console.info = (...a: unknown[]) => console.error(...a);
  const config = loadConfig();
  const registry = new Registry(commands);
  const outDir = args.outDir ?? config.OUT_DIR;

  if (args.line !== undefined) return runOnce(registry, args.line, outDir, args.json);
  if (args.json) return runJsonLines(registry, outDir);

  const platforms = args.platform === 'console' ? [] : args.platform ? [args.platform] : platformsFromConfig(config);
  if (platforms.length === 0) {
    // The quiz service reveals quizzes left open and posts scheduled ones into the chat.
    const code = await runChat(registry, outDir, async (outbox) => void (await startQuizService(outbox, undefined, undefined, 'console')));
    await stopQuizService();
    return code;
  }
  const running = await startPlatforms(platforms, config, registry);
  if (running.discord) await startQuizService(running.discord.outbox, undefined, undefined, 'discord');
  if (running.discordHttp) await startQuizService(running.discordHttp.outbox, undefined, undefined, 'discord');
  if (running.slack) await startQuizService(running.slack.outbox, undefined, undefined, 'slack');
  return -1; // keep running: the platforms hold the event loop open
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof CliError) {
      process.stderr.write(`nn-tutor: ${err.message}\n${err instanceof CliError ? USAGE + '\n' : ''}`);
      process.exitCode = 2;
      return;
    }
    log.fatal({ err }, 'start-up failed');
    process.stderr.write(`nn-tutor: start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
