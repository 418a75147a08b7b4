// The Discord adapter through the real discord.js client and the loopback stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../standins/http.ts';
import { STANDIN_CHANNEL_ID } from '../../standins/discord.ts';
import { fixtureCommands, HOSTILE } from '../fixtures.ts';
import { messagesOf, problems, startDiscordHarness, type DiscordHarness } from './harness.ts';

describe('Discord adapter', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness(fixtureCommands);
  });
  afterAll(async () => h.stop());

  it('replies at once to a fast command, within the 3-second window, without deferring', async () => {
    const { sent, calls } = await h.command({ command: 'echo', options: { text: 'hi' } });
    expect(calls).toHaveLength(1);
    expect(calls[0].body.type).toBe(4);
    expect(calls[0].body.data.content).toBe('You said: hi');
    expect(calls[0].at - sent.sentAt).toBeLessThan(3000);
    expect(problems(calls)).toEqual([]);
  });

  it('works in a direct message with the bot (no guild, no member)', async () => {
    const sent = h.standIn.sendDirectCommand('echo', [{ name: 'text', type: 3, value: 'in a DM' }]);
    const calls = await h.settle(sent);
    expect(calls).toHaveLength(1);
    expect(calls[0].body.data.content).toBe('You said: in a DM');
  });

  it('defers a slow command first, then edits in the chart attached and shown in the embed', async () => {
    const { sent, calls } = await h.command({ command: 'slowchart', options: {} });
    expect(calls[0].body.type).toBe(5);
    expect(calls[0].at - sent.sentAt).toBeLessThan(3000);
    const edit = calls[1];
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.files.map((f) => f.filename)).toEqual(['attention_map.png']);
    expect(edit.body.embeds[0].image.url).toBe('attachment://attention_map.png');
    expect(edit.body.attachments[0].description).toBe('a chart called attention map.png');
    expect(problems(calls)).toEqual([]);
  });

  it('defers a command that is not declared slow once the defer timer fires', async () => {
    const { calls } = await h.command({ command: 'late', options: {} });
    expect(calls.map((c) => c.body?.type ?? c.method)).toEqual([5, 'PATCH']);
    expect(calls[1].body.content).toBe('late but here');
  });

  it('defers a fast command that has to wait behind other work once the defer timer fires', async () => {
    const first = h.standIn.sendCommand('late');
    const second = h.standIn.sendCommand('echo', [{ name: 'text', type: 3, value: 'queued' }]);
    const calls = await h.settle(second);
    await h.settle(first);
    expect(calls.map((c) => c.body?.type ?? c.method)).toEqual([5, 'PATCH']);
    expect(calls[1].body.content).toBe('You said: queued');
  });

  it('answers a failing handler once, ephemerally, with an error id and no internals', async () => {
    const { calls } = await h.command({ command: 'boom', options: {} });
    expect(calls).toHaveLength(1);
    const data = calls[0].body.data;
    expect(data.flags & 64).toBe(64);
    expect(data.content).toMatch(/error id `[0-9a-f]{8}`/);
    expect(data.content).not.toContain('/srv/x.ts');
  });

  it('after a defer, replaces the public "thinking" with one private apology', async () => {
    const { calls } = await h.command({ command: 'slowboom', options: {} });
    expect(calls.map((c) => c.body?.type ?? c.method)).toEqual([5, 'DELETE', 'POST']);
    expect(calls[2].body.flags & 64).toBe(64);
    expect(calls[2].body.content).toMatch(/error id `[0-9a-f]{8}`/);
  });

  it('splits a long answer into an embed and follow-ups within the limits, keeping all the text', async () => {
    const { calls } = await h.command({ command: 'long', options: {} });
    expect(problems(calls)).toEqual([]);
    const msgs = messagesOf(calls);
    expect(msgs.length).toBeGreaterThan(1);
    const all = msgs.map((m) => m.embeds?.[0]?.description ?? m.content).join('\n');
    expect(all).toContain('line 0 ');
    expect(all).toContain('line 399 ');
    expect(all.indexOf('line 398 ')).toBeLessThan(all.indexOf('line 399 '));
  });

  it('lays out fields, two images and seven buttons (5 + 2 per row)', async () => {
    const { calls } = await h.command({ command: 'chart', options: {} });
    expect(problems(calls)).toEqual([]);
    const m = calls[0].body.data;
    expect(m.embeds[0].title).toBe('Attention');
    expect(m.embeds[0].fields.map((f: any) => f.name)).toEqual(['loss', 'steps']);
    expect(m.embeds.map((e: any) => e.image?.url)).toEqual(['attachment://a.png', 'attachment://b.png']);
    expect(m.components.map((r: any) => r.components.length)).toEqual([5, 2]);
    expect(m.components[0].components[0]).toMatchObject({ custom_id: 'chart:0', style: 1 });
  });

  it('never lets echoed text ping anyone', async () => {
    const { calls } = await h.command({ command: 'echo', options: { text: HOSTILE } });
    expect(calls[0].body.data.content).toContain('@everyone');
    expect(calls[0].body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('passes typed options, choices and subcommands through', async () => {
    const a = await h.command({ command: 'pick', options: { word: 'gru', count: 3, ratio: 0.5, loud: true, model: 'transformer' } });
    expect(a.calls[0].body.data.content).toBe('picked {"word":"gru","count":3,"ratio":0.5,"loud":true,"model":"transformer"}');
    const b = await h.command({ command: 'game', subcommand: 'start', options: { level: 2 } });
    expect(b.calls[0].body.data.content).toBe('started 2');
  });

  it('answers autocomplete with the definition’s suggestions', async () => {
    const sent = h.standIn.sendAutocomplete('pick', [{ name: 'word', type: 3, value: 'l', focused: true }]);
    const calls = await h.settle(sent);
    expect(calls[0].body).toEqual({ type: 8, data: { choices: [{ name: 'lstm', value: 'lstm' }] } });
  });

  it('routes button clicks: update in place, or a new (ephemeral) answer', async () => {
    const up = await h.settle(h.standIn.sendButton('chart:0'));
    expect(up[0].body.type).toBe(7);
    expect(up[0].body.data.content).toBe('updated by 0');
    expect(up[0].body.data.components).toEqual([]);
    const eph = await h.settle(h.standIn.sendButton('chart:1'));
    expect(eph[0].body.type).toBe(4);
    expect(eph[0].body.data.flags & 64).toBe(64);
  });

  it('gives a friendly message for a forged or expired button', async () => {
    const forged = await h.settle(h.standIn.sendButton('nosuch:1'));
    expect(forged).toHaveLength(1);
    expect(forged[0].body.data.content).toMatch(/not one of mine|expired/);
    const ended = await h.settle(h.standIn.sendButton('game:other'));
    expect(ended[0].body.data.content).toContain('That game has ended.');
    expect(ended[0].body.data.flags & 64).toBe(64);
  });

  it('posts and edits channel messages through the Outbox', async () => {
    const { calls } = await h.command({ command: 'announce', options: {} });
    expect(calls[0].body.data.flags & 64).toBe(64);
    const post = h.standIn.calls.find((c) => c.method === 'POST' && c.path === `/channels/${STANDIN_CHANNEL_ID}/messages`)!;
    expect(post.files.map((f) => f.filename)).toEqual(['q.png']);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    const edit = h.standIn.calls.find((c) => c.method === 'PATCH' && c.path.startsWith(`/channels/${STANDIN_CHANNEL_ID}/messages/`))!;
    expect(edit.body.content).toBe('question (revealed)');
  });

  it('posts a keyed message once however often it is sent (a nonce Discord enforces)', async () => {
    const a = await h.adapter.outbox.post(STANDIN_CHANNEL_ID, { title: 'Answer · x', text: 'revealed' }, { key: 'reveal:gateway1' });
    const b = await h.adapter.outbox.post(STANDIN_CHANNEL_ID, { title: 'Answer · x', text: 'revealed' }, { key: 'reveal:gateway1' });
    expect(b.messageId).toBe(a.messageId);
    const posts = h.standIn.calls.filter((c) => c.method === 'POST' && c.body?.nonce === 'reveal:gateway1');
    expect(posts.map((c) => [c.body.enforce_nonce, c.deduplicated ?? false])).toEqual([[true, false], [true, true]]);
  });

  it('keeps serving after the gateway connection drops and resumes', async () => {
    h.standIn.dropConnection(4000);
    await waitUntil(() => (h.standIn.resumes.length > 0 && h.standIn.connected ? true : undefined), 8000, 'resume');
    const { calls } = await h.command({ command: 'echo', options: { text: 'still here' } });
    expect(calls[0].body.data.content).toBe('You said: still here');
    expect(h.standIn.identifies).toHaveLength(1);
  });

  it('sent nothing the strict stand-in refused (spec, limits, lifecycle) in all of the above', () => {
    expect(h.standIn.rejections.map((r) => ({ path: r.call.path, status: r.status, body: r.body }))).toEqual([]);
  });
});

describe('Discord adapter when Discord pushes back', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness(fixtureCommands);
  });
  afterAll(async () => h.stop());

  it('survives a 429 on the interaction callback: discord.js waits retry_after and the reply arrives', async () => {
    h.standIn.rateLimitNext({ match: (m, p) => m === 'POST' && p.endsWith('/callback'), retryAfter: 0.2 });
    const { calls } = await h.command({ command: 'echo', options: { text: 'after the wait' } });
    expect(calls.map((c) => c.status ?? 'ok')).toEqual([429, 'ok']);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(150);
    expect(calls[1].body.data.content).toBe('You said: after the wait');
  });

  it('survives a 429 on a channel post from the Outbox', async () => {
    h.standIn.rateLimitNext({ match: (m, p) => m === 'POST' && p === `/channels/${STANDIN_CHANNEL_ID}/messages`, retryAfter: 0.1 });
    const before = h.standIn.calls.length;
    await h.command({ command: 'announce', options: {} });
    const posts = h.standIn.calls.slice(before).filter((c) => c.method === 'POST' && c.path === `/channels/${STANDIN_CHANNEL_ID}/messages`);
    expect(posts.map((c) => c.status ?? 'ok')).toEqual([429, 'ok']);
    expect(posts[1].files.map((f) => f.filename)).toEqual(['q.png']);
  });

  it('answers a too-late interaction without crashing (10062 logged) and keeps serving', async () => {
    const sent = h.standIn.sendCommand('echo', [{ name: 'text', type: 3, value: 'too late' }]);
    h.standIn.clock = () => Date.now() + 3500;
    const calls = await h.settle(sent);
    h.standIn.clock = () => Date.now();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.status === 404)).toBe(true);
    expect(h.standIn.rejections.filter((r) => r.call.path.includes(sent.token)).map((r) => r.body.code)).toContain(10062);
    const { calls: next } = await h.command({ command: 'echo', options: { text: 'still fine' } });
    expect(next.at(-1)!.body.data.content).toBe('You said: still fine');
  });
});
