// All configuration comes from the environment (and .env), validated once, failing fast with the
// name of the variable that is wrong. Secrets are kept here and never logged.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const snowflake = optionalText.refine((s) => s === undefined || /^\d{17,20}$/.test(s), 'must be a Discord id (17–20 digits)');

export const ConfigSchema = z.object({
  DISCORD_TOKEN: optionalText.refine((s) => s === undefined || /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(s), 'does not look like a Discord bot token (three dot-separated parts)'),
  DISCORD_APP_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  /** The application's Public Key (General Information): set → Discord over HTTP interactions on PORT, no gateway. */
  DISCORD_PUBLIC_KEY: optionalText.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), 'must be the 64-character hex Public Key (Developer Portal → General Information)'),
  /** Discord's REST base; only set for a stand-in or proxy. */
  DISCORD_API_BASE: optionalText.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), 'must be an http:// or https:// URL'),
  SLACK_BOT_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xoxb-'), 'must start with xoxb- (the Bot User OAuth Token)'),
  SLACK_SIGNING_SECRET: optionalText.refine((s) => s === undefined || /^[0-9a-f]{32}$/i.test(s), 'must be the 32-character hex Signing Secret'),
  SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xapp-'), 'must start with xapp- (an App-Level Token with connections:write)'),
  SLACK_COMMAND_PREFIX: optionalText.refine((s) => s === undefined || /^[a-z0-9_-]{1,10}$/.test(s), 'must be 1–10 of a-z 0-9 _ - (e.g. nn- for /nn-help)'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Inference worker threads for model commands on a chat platform: unset → cores − 1 (at least 1); 0 → none (main thread). */
  WORKERS: optionalText
    .refine((s) => s === undefined || (/^\d{1,2}$/.test(s) && Number(s) <= 64), 'must be a whole number of worker threads from 0 to 64')
    .transform((s) => (s === undefined ? undefined : Number(s))),
  DATABASE_PATH: z.string().trim().min(1).default('data/nn-tutor.db'),
  OUT_DIR: z.string().trim().min(1).default('out'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NN_BACKEND: z.enum(['auto', 'wasm', 'tensorflow', 'cpu']).default('auto'),
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
