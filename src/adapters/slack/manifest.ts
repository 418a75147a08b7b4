// Command definitions → a Slack app manifest (paste it at api.slack.com/apps → "From a manifest").
// Socket Mode by default (no public URL); with a request URL, slash commands and interactivity
// are sent over HTTP instead.
import type { CommandDef } from '../../core/command.ts';
import { truncate } from '../split.ts';

export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'files:write'] as const;

export interface ManifestOptions {
  name?: string;
  /** e.g. "nn-" makes /help into /nn-help, avoiding clashes with other apps' commands. */
  prefix?: string;
  /** Public HTTPS URL of Bolt's receiver (…/slack/events); omit for Socket Mode. */
  requestUrl?: string;
}

/** Slack's manifest schema allows at most 32 characters, the slash included. */
export const SLACK_COMMAND_MAX = 32;

export function slackCommandName(def: CommandDef, prefix = ''): string {
  return `/${prefix}${def.name}`.slice(0, SLACK_COMMAND_MAX);
}

function usageHint(def: CommandDef): string | undefined {
  const example = def.examples[0];
  if (!example) return undefined;
  const hint = example.replace(/^\/\S+\s*/, '');
  return hint ? truncate(hint, 1000) : undefined;
}

export function slackManifest(defs: readonly CommandDef[], opts: ManifestOptions = {}) {
  const name = opts.name ?? 'nn-tutor';
  const url = opts.requestUrl;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Small sequence models (LSTM, seq2seq, attention, transformer, word2vec) at work.',
      background_color: '#2c2d30',
    },
    features: {
      bot_user: { display_name: name, always_online: false },
      slash_commands: defs.map((def) => {
        const hint = usageHint(def);
        return {
          command: slackCommandName(def, opts.prefix),
          description: truncate(def.description, 2000),
          ...(hint ? { usage_hint: hint } : {}),
          should_escape: false,
          ...(url ? { url } : {}),
        };
      }),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
