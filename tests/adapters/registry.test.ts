// Every registered command (its first example) and every button its reply offers round-trips
// through both real clients. Iterates the registry, so new commands are covered automatically.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseInvocation } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { messagesOf, problems, startDiscordHarness, type DiscordHarness } from './discord/harness.ts';
import { blockProblems, startSlackHarness, type SlackHarness } from './slack/harness.ts';

const registry = new Registry(commands);
const APOLOGY = /something went wrong on my side/;

let discord: DiscordHarness;
let slack: SlackHarness;
beforeAll(async () => {
  [discord, slack] = await Promise.all([startDiscordHarness(commands), startSlackHarness(commands)]);
});
afterAll(async () => {
  await Promise.all([discord?.stop(), slack?.stop()]);
});

describe.each(registry.list().map((def) => [def.name, def] as const))('/%s on both platforms', (_name, def) => {
  const example = def.examples[0] ?? `/${def.name}`;

  it(`Discord: ${example} and its buttons`, async () => {
    const { sent, calls } = await discord.command(parseInvocation(registry, example));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0].at - sent.sentAt).toBeLessThan(3000);
    expect(problems(calls)).toEqual([]);
    const msgs = messagesOf(calls);
    expect(msgs.some((m) => APOLOGY.test(m.content ?? ''))).toBe(false);
    const buttons = msgs.flatMap((m) => (m.components ?? []).flatMap((r: any) => r.components)).map((b: any) => b.custom_id as string);
    for (const id of buttons) {
      const clicked = await discord.settle(discord.standIn.sendButton(id));
      expect(clicked.length, `button ${id}`).toBeGreaterThan(0);
      expect(problems(clicked), `button ${id}`).toEqual([]);
      expect(messagesOf(clicked).some((m) => APOLOGY.test(m.content ?? '')), `button ${id}`).toBe(false);
    }
  });

  it(`Slack: ${example} and its buttons`, async () => {
    const [, command, text] = /^\/(\S+)\s*([\s\S]*)$/.exec(example)!;
    const { sent, responses } = await slack.command(`/${command}`, text);
    expect(sent.status).toBe(200);
    expect(sent.ackAt! - sent.sentAt).toBeLessThan(3000);
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) {
      expect(blockProblems(r.body)).toEqual([]);
      expect(r.body.text).not.toMatch(APOLOGY);
    }
    const buttons = responses.flatMap((r) => (r.body.blocks ?? []).filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.value as string)));
    for (const id of buttons) {
      const clicked = await slack.click(id);
      expect(clicked.responses.length, `button ${id}`).toBeGreaterThan(0);
      for (const r of clicked.responses) {
        expect(blockProblems(r.body), `button ${id}`).toEqual([]);
        expect(r.body.text, `button ${id}`).not.toMatch(APOLOGY);
      }
    }
  });
});
