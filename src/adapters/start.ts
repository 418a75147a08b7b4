// Builds the adapters the configuration asks for and starts them in one process with ONE runner and
// work queue (the CPU is shared too). Missing or inconsistent variables fail fast, naming the
// variable, before anything connects. A new platform is one entry in BUILDERS.
import { ConfigError, type Config } from '../config.ts';
import { log } from '../core/log.ts';
import { DEFAULT_QUEUE, WorkQueue, type QueueOptions } from '../core/queue.ts';
import type { Executor } from '../core/pool/executor.ts';
import type { Registry } from '../core/registry.ts';
import { storeGate } from '../store/gate.ts';
import type { QuizStore } from '../store/types.ts';
import type { Adapter, AdapterHost, AdapterPlatform } from './adapter.ts';
import { CoreRunner } from './runner.ts';

export type PlatformName = Exclude<AdapterPlatform, 'console'>;

/** Which chat platforms the environment configures; empty means the console chat. */
export function platformsFromConfig(config: Config): PlatformName[] {
  const out: PlatformName[] = [];
  if (config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY) out.push('discord');
  if (config.SLACK_BOT_TOKEN || config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET) out.push('slack');
  return out;
}

/** What runs: the --platform choice, else the configured platforms, else the console chat. */
export function chooseAdapters(config: Config, choice?: AdapterPlatform): AdapterPlatform[] {
  if (choice) return [choice];
  const platforms = platformsFromConfig(config);
  return platforms.length ? platforms : ['console'];
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

export interface BuildOverrides {
  /** Loopback stand-ins (tests, bench). */
  discordRestApi?: string;
  slackApiUrl?: string;
  /** The console chat's image folder (--out). */
  outDir?: string;
}

type Builder = (config: Config, o: BuildOverrides) => Promise<Adapter>;

// discord.js and Bolt load only when used: the console and one-shot CLI stay fast.
const BUILDERS: Record<AdapterPlatform, Builder> = {
  console: async (config, o) => {
    const { ConsoleChatAdapter } = await import('./console/chat.ts');
    return new ConsoleChatAdapter({ outDir: o.outDir ?? config.OUT_DIR, color: !config.NO_COLOR, userName: config.USER });
  },
  discord: async (config, o) => {
    if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is missing (Developer Portal → your app → Bot → Reset Token)');
    if (config.DISCORD_PUBLIC_KEY) {
      // HTTP interactions: no gateway; the token is for REST only (quiz reveals, scheduled posts).
      const { DiscordHttpAdapter } = await import('./discord-http/adapter.ts');
      return new DiscordHttpAdapter({ publicKey: config.DISCORD_PUBLIC_KEY, token: config.DISCORD_TOKEN, restApi: o.discordRestApi ?? config.DISCORD_API_BASE });
    }
    const { DiscordGatewayAdapter } = await import('./discord/adapter.ts');
    return new DiscordGatewayAdapter({ token: config.DISCORD_TOKEN, restApi: o.discordRestApi ?? config.DISCORD_API_BASE });
  },
  slack: async (config, o) => {
    const slack = slackMode(config);
    const { SlackBoltAdapter } = await import('./slack/adapter.ts');
    return new SlackBoltAdapter({
      botToken: slack.botToken,
      ...(slack.mode === 'socket' ? { appToken: slack.appToken } : { signingSecret: slack.signingSecret, port: slack.port }),
      prefix: config.SLACK_COMMAND_PREFIX ?? '',
      slackApiUrl: o.slackApiUrl ?? config.SLACK_API_BASE,
    });
  },
};

/** Constructs (validates, does not connect) every adapter in `platforms`. */
export async function buildAdapters(platforms: readonly AdapterPlatform[], config: Config, overrides: BuildOverrides = {}): Promise<Adapter[]> {
  const out: Adapter[] = [];
  for (const p of platforms) out.push(await BUILDERS[p](config, overrides));
  return out;
}

/** The queue's rules: per-user cooldowns only matter when many people share the bot. */
export function queueOptionsFor(adapters: readonly Pick<Adapter, 'audience'>[]): QueueOptions {
  return adapters.some((a) => a.audience === 'many') ? DEFAULT_QUEUE : { ...DEFAULT_QUEUE, cooldownMs: 0 };
}

/**
 * With a worker pool, model jobs run side by side (one per worker, plus a slot for light work).
 * With a store shared by several copies of the bot, the per-user in-flight limit and cooldown are
 * agreed through it (a member spreading requests over replicas is still limited); otherwise this
 * process's queue alone keeps them.
 */
export function makeRunner(registry: Registry, adapters: readonly Pick<Adapter, 'audience'>[], executor?: Executor, shared?: SharedStore): CoreRunner {
  const options = queueOptionsFor(adapters);
  const concurrency = executor?.kind === 'pool' ? executor.threads + 1 : options.concurrency;
  const gate = shared && options.cooldownMs > 0 ? storeGate(shared, { cooldownMs: options.cooldownMs }) : undefined;
  return new CoreRunner(registry, new WorkQueue({ ...options, concurrency, ...(gate ? { gate } : {}) }), executor);
}

/** What replicas agree on through the store (PostgreSQL); see AdapterHost.shared. */
export type SharedStore = Pick<QuizStore, 'claimTrigger' | 'acquireUserSlot' | 'releaseUserSlot'>;

/** A runner for one person at a keyboard (one-shot CLI, JSON Lines, tests of the console). */
export function personalRunner(registry: Registry): CoreRunner {
  return makeRunner(registry, [{ audience: 'one' }]);
}

export interface Running {
  adapters: readonly Adapter[];
  runner: CoreRunner;
  /** Resolves when any adapter has ended (the console's /quit, or stop()). */
  finished: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Called after each adapter has started, with its outbox ready (the quiz service attaches here). */
  afterStart?: (adapter: Adapter) => Promise<void>;
  http?: AdapterHost['http'];
  /** Where `worker: true` commands run (the inference pool); inline when absent. */
  executor?: Executor;
  /** The store when copies of the bot share it (PostgreSQL); absent with SQLite. */
  shared?: SharedStore;
}

/** Starts every adapter with one shared runner; if one fails, the ones already started are stopped. */
export async function startAdapters(adapters: readonly Adapter[], registry: Registry, opts: StartOptions = {}): Promise<Running> {
  const runner = makeRunner(registry, adapters, opts.executor, opts.shared);
  const started: Adapter[] = [];
  const running: Running = {
    adapters,
    runner,
    finished: Promise.race(adapters.map((a) => a.finished)),
    async stop() {
      await Promise.allSettled(started.map((a) => a.stop()));
    },
  };
  try {
    for (const adapter of adapters) {
      started.push(adapter);
      await adapter.start({ runner, http: opts.http, shared: opts.shared });
      await opts.afterStart?.(adapter);
    }
  } catch (err) {
    await running.stop();
    throw err;
  }
  log.info({ adapters: adapters.map((a) => a.name) }, 'adapters started');
  const platforms = adapters.filter((a) => a.audience === 'many').map((a) => a.name);
  if (platforms.length) {
    process.stderr.write(`nn-tutor is running on ${platforms.join(' and ')}. Ctrl-C stops it.\n`);
  }
  return running;
}
