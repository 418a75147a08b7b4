// Starts the chat platforms configured in the environment, in one process with one shared work
// queue (the CPU is shared too). Missing or inconsistent variables fail fast, naming the variable.
import { ConfigError, type Config } from '../config.ts';
import { log } from '../core/log.ts';
import { DEFAULT_QUEUE, WorkQueue } from '../core/queue.ts';
import type { Registry } from '../core/registry.ts';
import type { DiscordAdapter } from './discord/adapter.ts';
import { CoreRunner } from './runner.ts';
import type { SlackAdapter } from './slack/adapter.ts';

export type PlatformName = 'discord' | 'slack';

/** Which platforms the environment configures; empty means the console chat. */
export function platformsFromConfig(config: Config): PlatformName[] {
  const out: PlatformName[] = [];
  if (config.DISCORD_TOKEN) out.push('discord');
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
  slack?: SlackAdapter;
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

  const runner = new CoreRunner(registry, new WorkQueue(DEFAULT_QUEUE));
  const running: RunningPlatforms = {
    async stop() {
      await Promise.allSettled([running.discord?.stop(), running.slack?.stop()]);
    },
  };
  try {
    if (platforms.includes('discord')) {
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
      });
    }
  } catch (err) {
    await running.stop();
    throw err;
  }
  const names = [running.discord ? 'Discord' : '', running.slack ? `Slack (${slack!.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${slack!.port}`})` : ''].filter(Boolean);
  log.info({ platforms: names }, 'platforms started');
  process.stderr.write(`nn-tutor is running on ${names.join(' and ')}. Ctrl-C stops it.\n`);
  if (!overrides.noSignals) {
    const stop = () => {
      running.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return running;
}
