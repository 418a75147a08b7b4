// POST /discord/interactions end to end: the stand-in signs interactions as Discord does and posts
// them to our HTTP server; deferred answers arrive at the stand-in's REST webhooks.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordHttpInteractions } from '../../../src/adapters/discord-http/interactions.ts';
import { makeRest, restOutbox } from '../../../src/adapters/discord-http/outbox.ts';
import { CoreRunner } from '../../../src/adapters/runner.ts';
import { WorkQueue } from '../../../src/core/queue.ts';
import { Registry } from '../../../src/core/registry.ts';
import { HttpServer } from '../../../src/ops/http-server.ts';
import { DiscordStandIn, STANDIN_TOKEN } from '../../standins/discord.ts';
import { waitUntil } from '../../standins/http.ts';
import { fixtureCommands } from '../fixtures.ts';

describe('Discord HTTP interactions endpoint', () => {
  let standIn: DiscordStandIn;
  let server: HttpServer;
  let endpoint: string;
  let runner: CoreRunner;
  const settled = new Set<string>();
  const settle = (id: string) => waitUntil(() => (settled.has(id) ? true : undefined), 10_000, `interaction ${id}`);

  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
    runner = new CoreRunner(new Registry(fixtureCommands), new WorkQueue({ concurrency: 1, maxQueued: 20, cooldownMs: 0 }));
    const rest = makeRest(STANDIN_TOKEN, standIn.apiBase);
    const discord = new DiscordHttpInteractions({ publicKey: standIn.publicKeyHex, runner, rest, outbox: restOutbox(rest), deferAfterMs: 100, onSettled: (id) => settled.add(id) });
    server = new HttpServer().route('POST', '/discord/interactions', discord.handle);
    endpoint = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/discord/interactions`;
  });
  afterAll(async () => {
    await server.close(1000);
    await standIn.close();
  });

  it('answers PING with PONG', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 1, undefined);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 1 });
  });

  it('answers a fast command inline (type 4) with no REST call', async () => {
    const before = standIn.calls.length;
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '1', name: 'echo', type: 1, options: [{ name: 'text', type: 3, value: 'hi there' }] });
    expect(r.status).toBe(200);
    expect(r.json.type).toBe(4);
    expect(r.json.data.content).toBe('You said: hi there');
    expect(r.json.data.allowed_mentions).toEqual({ parse: [] });
    await settle(r.sent.id);
    expect(standIn.calls.length).toBe(before);
  });

  it('defers a slow command (type 5) and PATCHes @original with the chart as a file', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '2', name: 'slowchart', type: 1, options: [] });
    expect(r.json).toEqual({ type: 5 });
    await settle(r.sent.id);
    const calls = standIn.responsesTo(r.sent);
    expect(calls.map((c) => c.method)).toEqual(['PATCH']);
    expect(calls[0].path).toMatch(/\/messages\/@original$/);
    expect(calls[0].headers.authorization).toBeUndefined();
    expect(calls[0].files.map((f) => f.filename)).toEqual(['attention_map.png']);
    expect(calls[0].files[0].data.subarray(0, 4)).toEqual(Buffer.from([137, 80, 78, 71]));
    expect(calls[0].body.embeds[0].image.url).toBe('attachment://attention_map.png');
    expect(calls[0].body.attachments).toEqual([{ id: '0', filename: 'attention_map.png', description: 'a chart called attention map.png' }]);
  });

  it('defers a command that is late, then edits in the text', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '3', name: 'late', type: 1, options: [] });
    expect(r.json).toEqual({ type: 5 });
    await settle(r.sent.id);
    const calls = standIn.responsesTo(r.sent);
    expect(calls.map((c) => c.method)).toEqual(['PATCH']);
    expect(calls[0].body.content).toBe('late but here');
  });

  it('answers a failing handler inline, ephemeral, with an error id', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '4', name: 'boom', type: 1, options: [] });
    expect(r.json.type).toBe(4);
    expect(r.json.data.flags).toBe(64);
    expect(r.json.data.content).toMatch(/error id/);
    expect(r.json.data.content).not.toMatch(/secret detail/);
  });

  it('a button that updates its message answers type 7; one that answers anew, type 4 (ephemeral when asked)', async () => {
    const upd = await standIn.postSignedInteraction(endpoint, 3, { custom_id: 'chart:0', component_type: 2 });
    expect(upd.json.type).toBe(7);
    expect(upd.json.data.content).toBe('updated by 0');
    expect(upd.json.data.flags).toBeUndefined();
    const eph = await standIn.postSignedInteraction(endpoint, 3, { custom_id: 'chart:1', component_type: 2 });
    expect(eph.json.type).toBe(4);
    expect(eph.json.data.flags).toBe(64);
  });

  it('answers autocomplete with choices (type 8)', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 4, { id: '5', name: 'pick', type: 1, options: [{ name: 'word', type: 3, value: 'l', focused: true }] });
    expect(r.json).toEqual({ type: 8, data: { choices: [{ name: 'lstm', value: 'lstm' }] } });
  });

  it('posts through the REST outbox with the bot token (quiz reveals, schedules)', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '6', name: 'announce', type: 1, options: [] });
    await settle(r.sent.id);
    const posts = standIn.calls.filter((c) => c.path.startsWith('/channels/'));
    expect(posts.map((c) => c.method)).toEqual(['POST', 'PATCH']);
    expect(posts[0].headers.authorization).toBe(`Bot ${STANDIN_TOKEN}`);
    expect(posts[0].files.map((f) => f.filename)).toEqual(['q.png']);
    expect(posts[0].body.attachments[0].id).toBe('0');
  });

  it('posts a keyed message once however often it is sent (a nonce Discord enforces), unkeyed ones each time', async () => {
    const outbox = restOutbox(makeRest(STANDIN_TOKEN, standIn.apiBase));
    const a = await outbox.post('1200000000000000020', { title: 'Answer · x', text: 'revealed' }, { key: 'reveal:http1' });
    const b = await outbox.post('1200000000000000020', { title: 'Answer · x', text: 'revealed' }, { key: 'reveal:http1' });
    expect(b.messageId).toBe(a.messageId);
    const c = await outbox.post('1200000000000000020', { text: 'plain' });
    const d = await outbox.post('1200000000000000020', { text: 'plain' });
    expect(d.messageId).not.toBe(c.messageId);
    const posts = standIn.calls.filter((x) => x.path === '/channels/1200000000000000020/messages');
    expect(posts.map((x) => [x.body.nonce ?? null, x.deduplicated ?? false])).toEqual([['reveal:http1', false], ['reveal:http1', true], [null, false], [null, false]]);
  });

  describe('refuses with 401 and changes nothing', () => {
    const echo = { id: '9', name: 'announce', type: 1, options: [] };
    async function refused(opts: Parameters<DiscordStandIn['postSignedInteraction']>[3]) {
      const callsBefore = standIn.calls.length;
      const completed = runner.queue.stats.completed;
      const r = await standIn.postSignedInteraction(endpoint, 2, echo, opts);
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: 'invalid request signature' });
      await new Promise((res) => setTimeout(res, 50));
      expect(standIn.calls.length).toBe(callsBefore);
      expect(runner.queue.stats.completed).toBe(completed);
    }
    it('a wrong key', () => refused({ key: generateKeyPairSync('ed25519').privateKey }));
    it('a changed body', () => refused({ tamper: (b) => b.replace('announce', 'announcf') }));
    it('a stale timestamp', () => refused({ timestamp: Math.floor(Date.now() / 1000) - 301 }));
  });

  it('answers a signed command with no name as an unknown command, not a crash', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, {});
    expect(r.status).toBe(200);
    expect(r.json.data.content).toMatch(/no command/);
  });

  it('a refused slow command is answered privately in the response itself: no "thinking…", no REST call', async () => {
    const first = standIn.postSignedInteraction(endpoint, 2, { id: '9', name: 'slowchart', type: 1, options: [] });
    await new Promise((r) => setTimeout(r, 10));
    const second = await standIn.postSignedInteraction(endpoint, 2, { id: '9', name: 'slowchart', type: 1, options: [] });
    expect(second.json.type).toBe(4);
    expect(second.json.data.flags).toBe(64);
    expect(second.json.data.content).toMatch(/still running/);
    await settle(second.sent.id);
    expect(standIn.responsesTo(second.sent)).toEqual([]);
    expect((await first).json).toEqual({ type: 5 });
    await settle((await first).sent.id);
  });

  it('an ephemeral answer after a public defer: @original deleted, private follow-up', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '7', name: 'slowboom', type: 1, options: [] });
    expect(r.json).toEqual({ type: 5 });
    await settle(r.sent.id);
    const calls = standIn.responsesTo(r.sent);
    expect(calls.map((c) => c.method)).toEqual(['DELETE', 'POST']);
    expect(calls[1].body.flags).toBe(64);
    expect(calls[1].body.content).toMatch(/error id/);
  });

  it('long answers continue in follow-ups of at most 2,000 characters', async () => {
    const r = await standIn.postSignedInteraction(endpoint, 2, { id: '8', name: 'long', type: 1, options: [] });
    await settle(r.sent.id);
    const follow = standIn.responsesTo(r.sent);
    expect(follow.length).toBeGreaterThan(0);
    expect(follow.every((c) => c.method === 'POST' && c.body.content.length <= 2000)).toBe(true);
  });
});
