// All configuration comes from the environment (and .env), validated once, failing fast with the
// name of the variable that is wrong. This is the only module that reads process.env (a test
// checks it). Secrets are kept here and never logged.
import { existsSync } from 'node:fs';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A variable with a default: unset or blank means the default. */
const textOr = (fallback: string) => optionalText.transform((s) => s ?? fallback);

const snowflake = optionalText.refine((s) => s === undefined || /^\d{17,20}$/.test(s), 'must be a Discord id (17–20 digits)');

const httpUrl = optionalText.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), 'must be an http:// or https:// URL');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const NN_BACKENDS = ['auto', 'wasm', 'tensorflow', 'cpu'] as const;

/** One of `values`, case-insensitive; blank means unset. The message lists what is allowed. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  optionalText
    .transform((s) => s?.toLowerCase())
    .refine((s) => s === undefined || (values as readonly string[]).includes(s), `must be one of ${values.join(', ')}`)
    .transform((s) => s as T[number] | undefined);

export const DEFAULT_DATABASE_PATH = 'data/nn-tutor.db';

export const ConfigSchema = z.object({
  DISCORD_TOKEN: optionalText.refine((s) => s === undefined || /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(s), 'does not look like a Discord bot token (three dot-separated parts)'),
  DISCORD_APP_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  /** The application's Public Key (General Information): set → Discord over HTTP interactions on PORT, no gateway. */
  DISCORD_PUBLIC_KEY: optionalText.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), 'must be the 64-character hex Public Key (Developer Portal → General Information)'),
  /** Discord's REST base; only set for a stand-in or proxy (deploy script, adapter). */
  DISCORD_API_BASE: httpUrl,
  SLACK_BOT_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xoxb-'), 'must start with xoxb- (the Bot User OAuth Token)'),
  SLACK_SIGNING_SECRET: optionalText.refine((s) => s === undefined || /^[0-9a-f]{32}$/i.test(s), 'must be the 32-character hex Signing Secret'),
  SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xapp-'), 'must start with xapp- (an App-Level Token with connections:write)'),
  /** Slack's Web API base (ending in /api/); only set for a stand-in or proxy. */
  SLACK_API_BASE: httpUrl,
  SLACK_COMMAND_PREFIX: optionalText.refine((s) => s === undefined || /^[a-z0-9_-]{1,10}$/.test(s), 'must be 1–10 of a-z 0-9 _ - (e.g. nn- for /nn-help)'),
  PORT: optionalText
    .refine((s) => s === undefined || (/^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535), 'must be a port number from 1 to 65535')
    .transform((s) => (s === undefined ? 3000 : Number(s))),
  /** Inference worker threads for model commands on a chat platform: unset → cores − 1 (at least 1); 0 → none (main thread). */
  WORKERS: optionalText
    .refine((s) => s === undefined || (/^\d{1,2}$/.test(s) && Number(s) <= 64), 'must be a whole number of worker threads from 0 to 64')
    .transform((s) => (s === undefined ? undefined : Number(s))),
  DATABASE_PATH: textOr(DEFAULT_DATABASE_PATH),
  // Set: the store (and quiz timers) live in PostgreSQL, shared by every copy of the bot.
  DATABASE_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\/\S+$/.test(s), 'must be a postgres://user@host:5432/database URL'),
  OUT_DIR: textOr('out'),
  /** Unset: warn, or silent under vitest (VITEST is set by the test runner). */
  LOG_LEVEL: oneOf(LOG_LEVELS),
  NN_BACKEND: oneOf(NN_BACKENDS).transform((s) => s ?? 'auto'),
  /** Load the models at start-up when a chat platform runs (off: on first use, as the console does). */
  NN_WARMUP: oneOf(['on', 'off']).transform((s) => s !== 'off'),
  /** Folder of the public word-similarity/analogy benchmarks (scripts/word2vec, tests). */
  WORD2VEC_BENCHMARKS: optionalText,
  /** https://no-color.org: any non-empty value turns colour off. */
  NO_COLOR: optionalText.transform((s) => s !== undefined),
  /** The console user's display name. */
  USER: optionalText,
  VITEST: optionalText.transform((s) => s !== undefined),
  /** bench/render.bench.ts: write sample PNGs here; compare with the renderer of this commit. */
  RENDER_SAMPLES_DIR: optionalText,
  RENDER_BASELINE: optionalText,
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Configuration error: ${variable} ${detail}. See .env.example and the README's set-up sections.`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue.path[0] ?? 'environment');
  // Never echo the value: it may be a secret.
  throw new ConfigError(variable, issue.message);
}

/** The level the logger runs at: LOG_LEVEL, else silent under the test runner, else warn. */
export function logLevelOf(config: Pick<Config, 'LOG_LEVEL' | 'VITEST'>): LogLevel {
  return config.LOG_LEVEL ?? (config.VITEST ? 'silent' : 'warn');
}

let loaded: Config | undefined;

/**
 * Entry points (src/main.ts, scripts): read `.env` (variables already set win), validate, and keep
 * the result for config(). Throws ConfigError naming the first bad variable.
 */
export function initConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  loaded = loadConfig(process.env);
  return loaded;
}

/**
 * The process's configuration for modules that are not handed it (model loading, the store):
 * what initConfig() loaded, else the environment as it is now (tests set it per file).
 */
export function config(): Config {
  return loaded ?? loadConfig(process.env);
}

/** The environment for a child process this one starts (benchmarks that run the bot): ours plus `overrides`. */
export function childEnvironment(overrides: Readonly<Record<string, string>>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
