// Starts the chat platforms configured in the environment, in one process with one shared work
// queue (the CPU is shared too). Missing or inconsistent variables fail fast, naming the variable.
import { ConfigError, type Config } from '../config.ts';
import { log } from '../core/log.ts';
import { DEFAULT_QUEUE, WorkQueue } from '../core/queue.ts';
import type { Registry } from '../core/registry.ts';
import type { DiscordAdapter } from './discord/adapter.ts';
import { CoreRunner } from './runner.ts';
import type { SlackAdapter } from './slack/adapter.ts';
import type { DiscordHttpAdapter } from './discord-http/adapter.ts';
import { mountHealth } from '../ops/health.ts';
import { HttpServer } from '../ops/http-server.ts';
import { metrics } from '../ops/metrics.ts';
import { makeExecutor, SHUTDOWN_DEADLINE_MS, shutdownSteps, type OpsServer } from '../ops/replica.ts';
import { onTermination } from '../ops/shutdown.ts';
import type { PoolExecutor } from '../core/pool/pool-executor.ts';

export type PlatformName = 'discord' | 'slack';

/** Which platforms the environment configures; empty means the console chat. */
export function platformsFromConfig(config: Config): PlatformName[] {
  const out: PlatformName[] = [];
  if (config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY) out.push('discord');
  if (config.SLACK_BOT_TOKEN || config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET) out.push('slack');
  return out;
}

export type SlackMode = { mode: 'socket'; botToken: string; appToken: string } | { mode: 'http'; botToken: string; signingSecret: string; port: number };

/** Socket Mode with an app token; HTTP with a signing secret; anything else names what is missing. */
export function slackMode(config: Config): SlackMode {
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'is missing (the xoxb- Bot User OAuth Token from OAuth & Permissions)');
  if (config.SLACK_APP_TOKEN) return { mode: 'socket', botToken, appToken: config.SLACK_APP_TOKEN };
  if (config.SLACK_SIGNING_SECRET) return { mode: 'http', botToken, signingSecret: config.SLACK_SIGNING_SECRET, port: config.PORT };
  throw new ConfigError('SLACK_APP_TOKEN', 'is missing: set it for Socket Mode (or SLACK_SIGNING_SECRET for HTTP mode)');
}

export interface RunningPlatforms {
  discord?: DiscordAdapter;
  /** Discord over HTTP interactions (DISCORD_PUBLIC_KEY set): no gateway. */
  discordHttp?: DiscordHttpAdapter;
  slack?: SlackAdapter;
  runner: CoreRunner;
  /** The shared HTTP server on PORT, when a platform runs over HTTP. */
  ops?: OpsServer;
  stop(): Promise<void>;
}

export interface StartOverrides {
  /** Loopback stand-ins (tests, bench). */
  discordRestApi?: string;
  slackApiUrl?: string;
  /** Do not install SIGINT/SIGTERM handlers (tests). */
  noSignals?: boolean;
}

export async function startPlatforms(platforms: readonly PlatformName[], config: Config, registry: Registry, overrides: StartOverrides = {}): Promise<RunningPlatforms> {
  // Validate everything before connecting anywhere.
  if (platforms.includes('discord') && !config.DISCORD_TOKEN) {
    throw new ConfigError('DISCORD_TOKEN', 'is missing (Developer Portal → your app → Bot → Reset Token)');
  }
  const slack = platforms.includes('slack') ? slackMode(config) : undefined;

  // Model commands run on a pool of worker threads (WORKERS; 0 keeps them on this thread).
  const executor = config.WORKERS === 0 ? undefined : makeExecutor({ workers: config.WORKERS, commandsModule: new URL('../../commands/index.ts', import.meta.url).href });
  const runner = new CoreRunner(registry, new WorkQueue({ ...DEFAULT_QUEUE, concurrency: executor ? executor.threads + 1 : DEFAULT_QUEUE.concurrency }), executor);
  const discordHttp = platforms.includes('discord') && config.DISCORD_PUBLIC_KEY !== undefined;
  // One HTTP server on PORT for webhooks (Discord interactions, Slack events), /healthz, /readyz, /metrics.
  const ops = discordHttp || slack?.mode === 'http' ? createOpsServer(() => running, executor) : undefined;
  const running: RunningPlatforms = {
    runner,
    ops,
    async stop() {
      await Promise.allSettled([running.discord?.stop(), running.discordHttp?.stop(), running.slack?.stop()]);
      await Promise.allSettled([executor?.close(), ops?.http.close(5000)]);
    },
  };
  try {
    if (discordHttp) {
      const { DiscordHttpAdapter } = await import('./discord-http/adapter.ts');
      running.discordHttp = new DiscordHttpAdapter({ publicKey: config.DISCORD_PUBLIC_KEY!, token: config.DISCORD_TOKEN, restApi: overrides.discordRestApi ?? config.DISCORD_API_BASE });
      await running.discordHttp.start({ runner, http: ops!.http });
    } else if (platforms.includes('discord')) {
      // discord.js and Bolt load only when used: the console and one-shot CLI stay fast.
      const { startDiscord } = await import('./discord/adapter.ts');
      running.discord = await startDiscord({ token: config.DISCORD_TOKEN!, runner, restApi: overrides.discordRestApi });
    }
    if (slack) {
      const { startSlack } = await import('./slack/adapter.ts');
      running.slack = await startSlack({
        runner,
        botToken: slack.botToken,
        ...(slack.mode === 'socket' ? { appToken: slack.appToken } : { signingSecret: slack.signingSecret, port: slack.port }),
        prefix: config.SLACK_COMMAND_PREFIX ?? '',
        slackApiUrl: overrides.slackApiUrl,
        http: ops?.http,
      });
    }
    if (ops) {
      try {
        ops.port = await ops.http.listen(config.PORT);
      } catch (err) {
        throw new ConfigError('PORT', `(${config.PORT}) cannot be listened on: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      if (executor) void executor.warm([{ command: 'translate', options: { text: 'hello' } }]).catch((err: unknown) => log.warn({ err }, 'worker warm-up failed'));
    }
  } catch (err) {
    await running.stop();
    throw err;
  }
  const names = [running.discord ? 'Discord' : '', running.discordHttp ? `Discord (HTTP interactions on port ${ops!.port})` : '', running.slack ? `Slack (${slack!.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${slack!.port}`})` : ''].filter(Boolean);
  log.info({ platforms: names }, 'platforms started');
  process.stderr.write(`nn-tutor is running on ${names.join(' and ')}. Ctrl-C stops it.\n`);
  if (!overrides.noSignals) {
    // SIGTERM/SIGINT: stop taking work, finish what is in flight, close pool, store and server within a deadline.
    onTermination(
      shutdownSteps({
        ops,
        queue: runner.queue,
        executor: runner.executor,
        stopAdapters: async () => void (await Promise.allSettled([running.discord?.stop(), running.discordHttp?.stop(), running.slack?.stop()])),
        closeStore: async () => (await import('../quiz/index.ts')).stopQuizService(),
      }),
      SHUTDOWN_DEADLINE_MS,
    );
  }
  return running;
}

/** The shared server with health and metrics mounted (not yet listening: adapters add routes first). */
function createOpsServer(running: () => RunningPlatforms, executor: PoolExecutor | undefined): OpsServer {
  const http = new HttpServer();
  const accepting = { value: true };
  mountHealth(http, {
    accepting: () => accepting.value,
    checks: {
      database: async () => {
        const { getQuizService } = await import('../quiz/index.ts');
        await getQuizService().store.getQuiz('readyz-probe');
        return true;
      },
      models: () => !executor || executor.warmed,
      platforms: () => {
        const r = running();
        return Boolean(r.discord || r.discordHttp || r.slack);
      },
    },
  });
  metrics.mount(http);
  metrics.watchQueue(() => running().runner.queue.stats);
  return { http, port: 0, accepting };
}
