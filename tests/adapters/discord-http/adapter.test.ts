// The HTTP-interactions adapter: no network at construction or start, mounted on the shared server;
// and the endpoint URL that deploy:discord prints.
import { afterAll, describe, expect, it } from 'vitest';
import { DiscordHttpAdapter, interactionsEndpoint } from '../../../src/adapters/discord-http/adapter.ts';
import { CoreRunner } from '../../../src/adapters/runner.ts';
import { Registry } from '../../../src/core/registry.ts';
import { HttpServer } from '../../../src/ops/http-server.ts';
import { DiscordStandIn, STANDIN_TOKEN } from '../../standins/discord.ts';
import { fixtureCommands } from '../fixtures.ts';

describe('interactionsEndpoint', () => {
  it('appends /discord/interactions to the public base URL once', () => {
    expect(interactionsEndpoint('https://bot.example.org')).toBe('https://bot.example.org/discord/interactions');
    expect(interactionsEndpoint('https://bot.example.org/nn/')).toBe('https://bot.example.org/nn/discord/interactions');
    expect(interactionsEndpoint('https://bot.example.org/discord/interactions')).toBe('https://bot.example.org/discord/interactions');
  });
  it('refuses non-HTTPS and non-URLs with a message naming --url', () => {
    expect(() => interactionsEndpoint('http://bot.example.org')).toThrow(/--url must be https/);
    expect(() => interactionsEndpoint('bot')).toThrow(/--url must be a URL/);
  });
});

describe('DiscordHttpAdapter', () => {
  const server = new HttpServer();
  let standIn: DiscordStandIn;
  afterAll(async () => {
    await server.close(500);
    await standIn?.close();
  });

  it('starts without contacting Discord and answers a PING on the shared server', async () => {
    standIn = await DiscordStandIn.start();
    const adapter = new DiscordHttpAdapter({ publicKey: standIn.publicKeyHex, token: STANDIN_TOKEN, restApi: standIn.apiBase });
    await adapter.start({ runner: new CoreRunner(new Registry(fixtureCommands)), http: server });
    expect(standIn.calls).toEqual([]);
    expect(adapter.connected()).toBe(true);
    const port = await server.listen(0, '127.0.0.1');
    const r = await standIn.postSignedInteraction(`http://127.0.0.1:${port}/discord/interactions`, 1, undefined);
    expect(r.json).toEqual({ type: 1 });
    await adapter.stop();
    await adapter.finished;
  });

  it('cannot start without the shared HTTP server', async () => {
    const adapter = new DiscordHttpAdapter({ publicKey: 'ab'.repeat(32) });
    await expect(adapter.start({ runner: new CoreRunner(new Registry(fixtureCommands)) })).rejects.toThrow(/PORT/);
  });
});
