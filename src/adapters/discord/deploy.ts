// Registers the slash commands with Discord (guild-scoped when a guild id is given: changes show at
// once; global otherwise: can take up to an hour) and builds the bot's invite URL.
import { REST, Routes } from 'discord.js';
import type { CommandDef } from '../../core/command.ts';
import { commandsJson } from './commands-json.ts';

/** View Channel, Send Messages, Embed Links, Attach Files: what posting a chart into a channel needs. */
export const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n);

/** A bot token's first part is the base64 of the application (bot user) id. */
export function appIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0] ?? '';
  const id = Buffer.from(first, 'base64url').toString('utf8');
  return /^\d{17,20}$/.test(id) ? id : undefined;
}

export function inviteUrl(appId: string): string {
  const q = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS.toString(), integration_type: '0' });
  return `https://discord.com/oauth2/authorize?${q.toString()}`;
}

export interface DeployOptions {
  token: string;
  appId?: string;
  guildId?: string;
  /** REST base (the loopback stand-in in tests). */
  api?: string;
}

export interface DeployResult {
  appId: string;
  scope: 'guild' | 'global';
  registered: string[];
  inviteUrl: string;
}

export async function deployDiscord(defs: readonly CommandDef[], opts: DeployOptions): Promise<DeployResult> {
  const rest = new REST(opts.api ? { api: opts.api } : {}).setToken(opts.token);
  const appId = opts.appId ?? appIdFromToken(opts.token) ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = commandsJson(defs);
  const route = opts.guildId ? Routes.applicationGuildCommands(appId, opts.guildId) : Routes.applicationCommands(appId);
  // PUT replaces the whole set: commands removed from the code disappear from Discord too.
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return { appId, scope: opts.guildId ? 'guild' : 'global', registered: saved.map((c) => c.name), inviteUrl: inviteUrl(appId) };
}
