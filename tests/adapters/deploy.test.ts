// `npm run deploy:discord` and `npm run manifest:slack`: the generated JSON checked against the
// platforms' documented rules (schema checks), and registration sent to the Discord stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../commands/index.ts';
import { commandsJson } from '../../src/adapters/discord/commands-json.ts';
import { appIdFromToken, BOT_PERMISSIONS, deployDiscord, inviteUrl } from '../../src/adapters/discord/deploy.ts';
import { slackManifest } from '../../src/adapters/slack/manifest.ts';
import { DiscordStandIn, STANDIN_APP_ID, STANDIN_GUILD_ID, STANDIN_TOKEN } from '../standins/discord.ts';
import { fixtureCommands } from './fixtures.ts';

// Discord's application-command rules (docs: Application Commands → Application Command Object).
const name = z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u);
const description = z.string().min(1).max(100);
const choice = z.object({ name: z.string().min(1).max(100), value: z.union([z.string().max(100), z.number()]) });
const leaf = z
  .object({
    type: z.union([z.literal(3), z.literal(4), z.literal(5), z.literal(10)]),
    name,
    description,
    required: z.boolean(),
    choices: z.array(choice).max(25).optional(),
    autocomplete: z.boolean().optional(),
    min_value: z.number().optional(),
    max_value: z.number().optional(),
    min_length: z.number().int().min(0).max(6000).optional(),
    max_length: z.number().int().min(1).max(6000).optional(),
  })
  .strict()
  .refine((o) => !(o.autocomplete && o.choices), 'autocomplete and choices together')
  .refine((o) => (o.min_length === undefined && o.max_length === undefined) || o.type === 3, 'length limits on a non-string');
const requiredFirst = (opts: { required: boolean }[]) => opts.every((o, i) => !o.required || opts.slice(0, i).every((p) => p.required));
const subcommand = z.object({ type: z.literal(1), name, description, options: z.array(leaf).max(25).refine(requiredFirst, 'required after optional') }).strict();
const commandSchema = z
  .object({
    type: z.literal(1),
    name,
    description,
    options: z.union([z.array(leaf).max(25).refine(requiredFirst, 'required after optional'), z.array(subcommand).min(1).max(25)]),
    contexts: z.array(z.number()),
    integration_types: z.array(z.number()),
  })
  .strict();

function characterCount(c: any): number {
  const opt = (o: any): number => o.name.length + o.description.length + (o.choices ?? []).reduce((n: number, ch: any) => n + ch.name.length + String(ch.value).length, 0) + (o.options ?? []).reduce((n: number, x: any) => n + opt(x), 0);
  return c.name.length + c.description.length + c.options.reduce((n: number, o: any) => n + opt(o), 0);
}

// Slack's manifest rules (docs: App manifest reference).
const manifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }).passthrough(),
  features: z.object({
    bot_user: z.object({ display_name: z.string().min(1).max(80).regex(/^[a-z0-9._-]+$/) }).passthrough(),
    slash_commands: z
      .array(
        z
          .object({
            command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/), // ≤ 32 including the slash
            description: z.string().min(1).max(2000),
            usage_hint: z.string().max(1000).optional(),
            should_escape: z.boolean(),
            url: z.string().url().optional(),
          })
          .strict(),
      )
      .max(50),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({ interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string().url().optional() }), socket_mode_enabled: z.boolean() }).passthrough(),
});

describe('Discord command JSON', () => {
  it.each([
    ['the registered commands', commands],
    ['the fixture commands (every option kind)', fixtureCommands],
  ])('follows Discord’s rules for %s', (_what, defs) => {
    const json = commandsJson(defs);
    expect(json.length).toBeLessThanOrEqual(100);
    for (const c of json) {
      const r = commandSchema.safeParse(c);
      expect(r.success, `${c.name}: ${r.success ? '' : JSON.stringify(r.error.issues)}`).toBe(true);
      expect(characterCount(c)).toBeLessThanOrEqual(4000);
    }
  });

  it('carries types, choices, ranges, lengths, autocomplete and subcommands', () => {
    const byName = Object.fromEntries(commandsJson(fixtureCommands).map((c) => [c.name, c]));
    expect(byName.pick.options).toEqual([
      { name: 'word', description: 'A word', required: true, type: 3, autocomplete: true, max_length: 500 },
      { name: 'count', description: 'How many', required: false, type: 4, min_value: 1, max_value: 5 },
      { name: 'ratio', description: 'A ratio', required: false, type: 10, min_value: 0, max_value: 1 },
      { name: 'loud', description: 'Shout', required: false, type: 5 },
      { name: 'model', description: 'Which', required: false, type: 3, choices: [{ name: 'LSTM', value: 'lstm' }, { name: 'Transformer', value: 'transformer' }] },
    ]);
    expect(byName.game.options!.map((o: any) => [o.type, o.name])).toEqual([[1, 'start'], [1, 'stop']]);
  });
});

describe('npm run deploy:discord against the stand-in', () => {
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
  });
  afterAll(async () => standIn.close());

  it('registers guild-scoped when a guild id is given, global otherwise', async () => {
    const guild = await deployDiscord(commands, { token: STANDIN_TOKEN, guildId: STANDIN_GUILD_ID, api: standIn.apiBase });
    expect(guild.scope).toBe('guild');
    const put = standIn.calls.filter((c) => c.method === 'PUT');
    expect(put[0].path).toBe(`/applications/${STANDIN_APP_ID}/guilds/${STANDIN_GUILD_ID}/commands`);
    expect(put[0].headers.authorization).toBe(`Bot ${STANDIN_TOKEN}`);
    expect(put[0].body.map((c: any) => c.name)).toEqual(commands.map((c) => c.name));
    const global = await deployDiscord(commands, { token: STANDIN_TOKEN, api: standIn.apiBase });
    expect(global.scope).toBe('global');
    expect(standIn.calls.filter((c) => c.method === 'PUT')[1].path).toBe(`/applications/${STANDIN_APP_ID}/commands`);
    expect(global.registered).toEqual(commands.map((c) => c.name));
  });

  it('prints an invite URL with bot + applications.commands and minimal permissions', () => {
    expect(appIdFromToken(STANDIN_TOKEN)).toBe(STANDIN_APP_ID);
    const url = new URL(inviteUrl(STANDIN_APP_ID));
    expect(url.searchParams.get('client_id')).toBe(STANDIN_APP_ID);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel 1024 + Send Messages 2048 + Embed Links 16384 + Attach Files 32768; nothing else.
    expect(url.searchParams.get('permissions')).toBe('52224');
    expect(BOT_PERMISSIONS).toBe(52224n);
  });
});

describe('npm run manifest:slack', () => {
  it('is a valid Socket Mode manifest with every command and only the needed scopes', () => {
    const m = slackManifest(commands);
    const r = manifestSchema.safeParse(m);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(m.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'files:write']);
    expect(m.settings.socket_mode_enabled).toBe(true);
  });

  it('points commands and interactivity at the request URL in HTTP mode, with a prefix', () => {
    const m = slackManifest(fixtureCommands, { requestUrl: 'https://bot.example/slack/events', prefix: 'nn-' });
    expect(manifestSchema.safeParse(m).success).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://bot.example/slack/events' });
    const pick = m.features.slash_commands.find((c) => c.command === '/nn-pick')!;
    expect(pick).toMatchObject({ url: 'https://bot.example/slack/events', usage_hint: 'word:lstm count:3 ratio:0.5 loud:true' });
  });

  it('cuts a long prefixed command name to 32 characters, the slash included', () => {
    const m = slackManifest(fixtureCommands, { prefix: 'a-very-long-workspace-prefix-' });
    expect(manifestSchema.safeParse(m).success).toBe(true);
    for (const c of m.features.slash_commands) expect(c.command.length).toBeLessThanOrEqual(32);
    expect(m.features.slash_commands[0].command).toBe('/a-very-long-workspace-prefix-ec');
  });
});
