// Platform selection from the environment, failing fast with the variable's name, and both
// platforms started in one process against the stand-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { Registry } from '../../src/core/registry.ts';
import { platformsFromConfig, slackMode, startPlatforms } from '../../src/adapters/start.ts';
import { DiscordStandIn, STANDIN_TOKEN } from '../standins/discord.ts';
import { SLACK_APP_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SlackStandIn } from '../standins/slack.ts';
import { waitUntil } from '../standins/http.ts';
import { fixtureCommands } from './fixtures.ts';

describe('platform selection', () => {
  it('picks platforms from the variables that are set', () => {
    expect(platformsFromConfig(loadConfig({}))).toEqual([]);
    expect(platformsFromConfig(loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN }))).toEqual(['discord']);
    expect(platformsFromConfig(loadConfig({ SLACK_BOT_TOKEN, SLACK_APP_TOKEN }))).toEqual(['slack']);
    expect(platformsFromConfig(loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET }))).toEqual(['discord', 'slack']);
  });

  it('uses Socket Mode with an app token, HTTP with a signing secret', () => {
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET }))).toMatchObject({ mode: 'socket' });
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, PORT: '4000' }))).toMatchObject({ mode: 'http', port: 4000 });
  });

  it('fails fast naming the missing or malformed variable', async () => {
    expect(() => slackMode(loadConfig({ SLACK_BOT_TOKEN }))).toThrow(/SLACK_APP_TOKEN/);
    expect(() => slackMode(loadConfig({ SLACK_APP_TOKEN }))).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_COMMAND_PREFIX: 'Bad Prefix' })).toThrow(/SLACK_COMMAND_PREFIX/);
    await expect(startPlatforms(['discord'], loadConfig({}), new Registry([]), { noSignals: true })).rejects.toThrow(/DISCORD_TOKEN/);
  });
});

describe('both platforms in one process', () => {
  let discord: DiscordStandIn;
  let slack: SlackStandIn;
  beforeAll(async () => {
    [discord, slack] = await Promise.all([DiscordStandIn.start(), SlackStandIn.start()]);
  });
  afterAll(async () => {
    await Promise.all([discord.close(), slack.close()]);
  });

  it('serves Discord and Slack (Socket Mode) from the same registry', async () => {
    const config = loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN });
    const running = await startPlatforms(platformsFromConfig(config), config, new Registry(fixtureCommands), {
      discordRestApi: discord.apiBase,
      slackApiUrl: slack.apiUrl,
      noSignals: true,
    });
    try {
      await slack.waitSocket();
      const d = discord.sendCommand('echo', [{ name: 'text', type: 3, value: 'to discord' }]);
      const s = await slack.sendCommandSocket('/echo', 'to slack');
      // The two requests share one queue: the second one waits, so it may be deferred and edited.
      const dr = await discord.waitResponses(d, (r) => r.some((c) => (c.body?.data ?? c.body)?.content));
      expect(dr.map((c) => (c.body?.data ?? c.body)?.content).filter(Boolean)).toEqual(['You said: to discord']);
      const [sc] = await waitUntil(() => (slack.responsesTo(s).length ? slack.responsesTo(s) : undefined));
      expect(sc.body.text).toBe('You said: to slack');
    } finally {
      await running.stop();
    }
  });
});
