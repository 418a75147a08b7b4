// Platform selection from the environment, failing fast with the variable's name, and both
// platforms started in one process against the stand-ins.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleChatAdapter } from '../../src/adapters/console/chat.ts';
import { loadConfig } from '../../src/config.ts';
import { Registry } from '../../src/core/registry.ts';
import { buildAdapters, chooseAdapters, platformsFromConfig, queueOptionsFor, slackMode, startAdapters } from '../../src/adapters/start.ts';
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
    await expect(buildAdapters(['discord'], loadConfig({}))).rejects.toThrow(/DISCORD_TOKEN/);
    await expect(buildAdapters(['slack'], loadConfig({ SLACK_BOT_TOKEN }))).rejects.toThrow(/SLACK_APP_TOKEN/);
  });

  it('runs the console chat when no platform is configured, or what --platform names', () => {
    expect(chooseAdapters(loadConfig({}))).toEqual(['console']);
    expect(chooseAdapters(loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN }))).toEqual(['discord']);
    expect(chooseAdapters(loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN }), 'console')).toEqual(['console']);
  });

  it('builds one adapter per platform, each with the same shape', async () => {
    const config = loadConfig({ DISCORD_TOKEN: STANDIN_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN });
    const adapters = await buildAdapters(['console', 'discord', 'slack'], config);
    expect(adapters.map((a) => [a.platform, a.name, a.audience])).toEqual([
      ['console', 'the console chat', 'one'],
      ['discord', 'Discord', 'many'],
      ['slack', 'Slack (Socket Mode)', 'many'],
    ]);
    // Constructing connects nothing.
    expect(adapters.map((a) => a.connected())).toEqual([false, false, false]);
    // Per-user cooldowns only when many people share the bot.
    expect(queueOptionsFor(adapters.slice(0, 1)).cooldownMs).toBe(0);
    expect(queueOptionsFor(adapters).cooldownMs).toBeGreaterThan(0);
  });
});

describe('the console chat as an adapter', () => {
  it('runs typed lines through the shared runner and queue, and finishes on /quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const adapter = new ConsoleChatAdapter({ outDir: 'out', color: false, input, output });
    const outboxes: string[] = [];
    const running = await startAdapters([adapter], new Registry(fixtureCommands), { afterStart: async (a) => void outboxes.push(a.platform) });
    expect(outboxes).toEqual(['console']);
    expect(adapter.connected()).toBe(true);
    input.end('/echo text:hi there\n/quit\n/echo text:after quit\n');
    await running.finished;
    expect(shown).toContain('You said: hi there');
    expect(shown).not.toContain('after quit');
    expect(shown).toContain('Bye!');
    expect(running.runner.queue.stats.completed).toBe(1);
    expect(adapter.connected()).toBe(false);
    await running.stop();
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
    const adapters = await buildAdapters(chooseAdapters(config), config, { discordRestApi: discord.apiBase, slackApiUrl: slack.apiUrl });
    const attached: string[] = [];
    const running = await startAdapters(adapters, new Registry(fixtureCommands), { afterStart: async (a) => void attached.push(a.platform) });
    try {
      // Each adapter's outbox is handed on once it is up, whatever the platform.
      expect(attached).toEqual(['discord', 'slack']);
      expect(adapters.every((a) => a.connected())).toBe(true);
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
    expect(adapters.some((a) => a.connected())).toBe(false);
    await running.finished;
  });
});
