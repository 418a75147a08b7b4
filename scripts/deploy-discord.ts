// `npm run deploy:discord [-- --url https://your.host]`: register the commands from their
// definitions and print the invite URL, and with --url the Interactions Endpoint URL (HTTP mode).
// DISCORD_GUILD_ID set → that server only (instant); unset → global (up to an hour to show).
import { commands } from '../commands/index.ts';
import { ConfigError, initConfig } from '../src/config.ts';
import { deployDiscord } from '../src/adapters/discord/deploy.ts';
import { DISCORD_INTERACTIONS_PATH, interactionsEndpoint } from '../src/adapters/discord-http/adapter.ts';

try {
  const urlAt = process.argv.indexOf('--url');
  const endpoint = urlAt > 0 ? interactionsEndpoint(process.argv[urlAt + 1] ?? '') : undefined;
  const config = initConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is missing (Developer Portal → your app → Bot → Reset Token)');
  const result = await deployDiscord(commands, {
    token: config.DISCORD_TOKEN,
    appId: config.DISCORD_APP_ID,
    guildId: config.DISCORD_GUILD_ID,
    api: config.DISCORD_API_BASE,
  });
  const where = result.scope === 'guild' ? `server ${config.DISCORD_GUILD_ID} (shows at once)` : 'every server (global; may take up to an hour to show)';
  console.log(`Registered ${result.registered.length} commands for ${where}: ${result.registered.map((n) => '/' + n).join(' ')}`);
  console.log(
    endpoint
      ? `\nHTTP interactions: paste this as the Interactions Endpoint URL (Developer Portal → General Information), with DISCORD_PUBLIC_KEY set and the bot running:\n${endpoint}`
      : `\nHTTP interactions (optional): run again with --url https://your.host to get the Interactions Endpoint URL (https://your.host${DISCORD_INTERACTIONS_PATH}).`,
  );
  console.log(`\nInvite the bot (scopes bot + applications.commands; View Channels, Send Messages, Embed Links, Attach Files):\n${result.inviteUrl}`);
} catch (err) {
  console.error(`deploy:discord: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = err instanceof ConfigError || (err instanceof Error && err.message.startsWith('--url')) ? 2 : 1;
}
