// `npm run manifest:slack [-- --url https://your.host/slack/events] [--out file]`: write the Slack
// app manifest generated from the command definitions (Socket Mode unless --url is given).
import { writeFileSync } from 'node:fs';
import { commands } from '../commands/index.ts';
import { slackManifest } from '../src/adapters/slack/manifest.ts';
import { ConfigError, initConfig, type Config } from '../src/config.ts';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const requestUrl = value('--url');
if (requestUrl !== undefined && !/^https:\/\/\S+$/.test(requestUrl)) {
  console.error('manifest:slack: --url must be an https:// URL ending in /slack/events');
  process.exit(2);
}
const out = value('--out') ?? 'slack-manifest.json';
let config: Config;
try {
  config = initConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`manifest:slack: ${err.message}`);
  process.exit(2);
}
const manifest = slackManifest(commands, { requestUrl, prefix: config.SLACK_COMMAND_PREFIX });
writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
console.log(`Wrote ${out}: ${manifest.features.slash_commands.length} slash commands, ${requestUrl ? 'HTTP mode' : 'Socket Mode'}.`);
console.log('Create the app at https://api.slack.com/apps → Create New App → From a manifest, and paste it.');
