// Platform selection from the environment, failing fast with the variable's name, and both
// platforms started in one process against the stand-ins.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleChatAdapter } from '../../src/adapters/console/chat.ts';
import { loadConfig } from '../../src/config.ts';
import { defineCommand } from '../../src/core/command.ts';
import { Registry } from '../../src/core/registry.ts';
import { buildAdapters, chooseAdapters, makeRunner, platformsFromConfig, queueOptionsFor, slackMode, startAdapters, type SharedStore } from '../../src/adapters/start.ts';
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
    expect(() => loadConfig({ SLACK_API_BASE: 'slack.com/api' })).toThrow(/SLACK_API_BASE/);
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

describe('per-user limits when replicas share the store', () => {
  const registry = new Registry(fixtureCommands);
  const ctx = (userId: string) => ({ platform: 'slack' as const, userId, userName: userId, channelId: 'C1' });
  /** A store whose slots say "in flight elsewhere" for ann, as another replica would. */
  function sharedStore() {
    const asked: string[] = [];
    const shared: SharedStore = {
      claimTrigger: async () => true,
      acquireUserSlot: async (userId) => (asked.push(userId), userId === 'ann' ? { reason: 'in-flight', retryAfterMs: 2000 } : undefined),
      releaseUserSlot: async () => undefined,
    };
    return { shared, asked };
  }

  it('asks the shared store before a heavy job (PostgreSQL), so another replica\'s job counts', async () => {
    const { shared, asked } = sharedStore();
    const runner = makeRunner(registry, [{ audience: 'many' }], undefined, shared);
    const refused = await runner.command({ command: 'slowchart', options: {} }, ctx('ann'));
    expect(refused.status).toBe('user-error');
    expect(refused.reply.text).toMatch(/previous request is still running/);
    expect((await runner.command({ command: 'slowchart', options: {} }, ctx('bob'))).status).toBe('ok');
    // Light commands never wait on the store.
    expect((await runner.command({ command: 'echo', options: { text: 'hi' } }, ctx('ann'))).status).toBe('ok');
    expect(asked).toEqual(['ann', 'bob']);
    expect(runner.queue.stats.refused['in-flight']).toBe(1);
  });

  it('keeps the limits in the process without a shared store (SQLite), and none for the console', async () => {
    const { shared, asked } = sharedStore();
    const alone = makeRunner(registry, [{ audience: 'many' }]);
    expect((await alone.command({ command: 'slowchart', options: {} }, ctx('ann'))).status).toBe('ok');
    expect((await alone.command({ command: 'slowchart', options: {} }, ctx('ann'))).reply.text).toMatch(/Easy there/);
    const console_ = makeRunner(registry, [{ audience: 'one' }], undefined, shared);
    expect((await console_.command({ command: 'slowchart', options: {} }, ctx('ann'))).status).toBe('ok');
    expect(asked).toEqual([]);
  });

  it('treats quick buttons of a slow command (quiz answers) as light: inline, no cooldown, no store round trip', async () => {
    const { shared, asked } = sharedStore();
    const quizLike = defineCommand({
      name: 'quizlike',
      description: 'slow to start, quick to answer',
      examples: ['/quizlike'],
      slow: true,
      quickButtons: true,
      options: [],
      handler: () => ({ text: 'question', buttons: [{ id: 'quizlike:a', label: 'A' }] }),
      onButton: () => ({ text: 'recorded', ephemeral: true, mode: 'new' }),
    });
    const runner = makeRunner(new Registry([quizLike]), [{ audience: 'many' }], undefined, shared);
    expect(runner.shouldDeferAtOnce('quizlike')).toBe(true);
    expect(runner.shouldDeferAtOnce('quizlike', true)).toBe(false);
    for (let i = 0; i < 3; i++) expect((await runner.button('quizlike:a', ctx('ann'))).reply.text).toBe('recorded');
    expect(asked).toEqual([]);
    // The command itself is still a model job, limited through the store.
    expect((await runner.command({ command: 'quizlike', options: {} }, ctx('ann'))).reply.text).toMatch(/still running/);
    expect(asked).toEqual(['ann']);
  });

  it('hands the shared store to the adapters (Slack claims trigger ids through it)', async () => {
    const { shared } = sharedStore();
    const hosts: unknown[] = [];
    const adapter = { platform: 'slack' as const, name: 'probe', audience: 'many' as const, outbox: { post: async () => ({ platform: 'slack' as const, channelId: 'C1', messageId: '1' }) }, finished: new Promise<void>(() => undefined), connected: () => true, stop: async () => undefined, start: async (host: unknown) => void hosts.push(host) };
    const running = await startAdapters([adapter], registry, { shared });
    expect(hosts).toEqual([expect.objectContaining({ shared })]);
    await running.stop();
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
