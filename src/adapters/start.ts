// Starts the chat platforms configured in the environment. The Discord and Slack adapters plug in
// here; until then only the console is available.
import type { Config } from '../config.ts';
import type { Registry } from '../core/registry.ts';

export type PlatformName = 'discord' | 'slack';

/** Which platforms the environment configures; empty means the console chat. */
export function platformsFromConfig(config: Config): PlatformName[] {
  const out: PlatformName[] = [];
  if (config.DISCORD_TOKEN) out.push('discord');
  if (config.SLACK_BOT_TOKEN) out.push('slack');
  return out;
}

export async function startPlatforms(platforms: readonly PlatformName[], _config: Config, _registry: Registry): Promise<void> {
  throw new Error(`The ${platforms.join(' and ')} adapter is not available in this build yet; unset its variables to use the console chat.`);
}
