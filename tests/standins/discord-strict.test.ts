// The Discord stand-in refuses what Discord refuses: bodies against the spec and the documented
// limits, the interaction lifecycle, and rate limits. Raw HTTP, so each rule is seen exactly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DiscordStandIn, STANDIN_APP_ID, STANDIN_CHANNEL_ID, STANDIN_TOKEN } from './discord.ts';

let standIn: DiscordStandIn;
/** A bare gateway client, so the stand-in can hand out interactions to answer by hand. */
let gateway: WebSocket;
beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  gateway = new WebSocket(standIn.gatewayUrl);
  gateway.on('open', () => gateway.send(JSON.stringify({ op: 2, d: { token: STANDIN_TOKEN, intents: 1, properties: {} } })));
  await standIn.waitConnected();
});
afterAll(async () => {
  gateway.terminate();
  await standIn.close();
});
afterEach(() => {
  standIn.clock = () => Date.now();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${standIn.apiBase}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${STANDIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const post = (body: unknown) => call('POST', `/channels/${STANDIN_CHANNEL_ID}/messages`, body);
const button = (over: Record<string, unknown> = {}) => ({ type: 2, style: 1, custom_id: 'x:1', label: 'ok', ...over });
const row = (n: number, over: Record<string, unknown> = {}) => ({ type: 1, components: Array.from({ length: n }, (_, i) => button({ custom_id: `x:${i}`, ...over })) });

describe('Discord stand-in: request bodies against the spec and the documented limits', () => {
  it('accepts a valid channel message with a string attachment id', async () => {
    const r = await post({ content: 'hi', embeds: [{ title: 't', description: 'd' }], components: [row(5)], attachments: [{ id: '0', filename: 'a.png' }], allowed_mentions: { parse: [] } });
    expect(r.status).toBe(200);
  });

  it.each([
    ['a numeric attachment id (SnowflakeType is a string)', { content: 'x', attachments: [{ id: 0, filename: 'a.png' }] }, ['attachments', '0', 'id']],
    ['content over 2,000', { content: 'x'.repeat(2001) }, ['content']],
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ description: 'd' })) }, ['embeds']],
    ['embeds over 6,000 characters in total', { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, ['embeds']],
    ['a title over 256', { embeds: [{ title: 't'.repeat(257) }] }, ['embeds', '0', 'title']],
    ['a description over 4,096', { embeds: [{ description: 'd'.repeat(4097) }] }, ['embeds', '0', 'description']],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, ['embeds', '0', 'fields']],
    ['6 action rows', { components: Array.from({ length: 6 }, () => row(1)) }, ['components']],
    ['6 buttons in a row', { components: [row(6)] }, ['components', '0', 'components']],
    ['a custom_id over 100', { components: [row(1, { custom_id: 'c'.repeat(101) })] }, ['components', '0', 'components', '0', 'custom_id']],
    ['a label over 80', { components: [row(1, { label: 'l'.repeat(81) })] }, ['components', '0', 'components', '0', 'label']],
    ['a button without a style', { components: [{ type: 1, components: [{ type: 2, custom_id: 'a', label: 'b' }] }] }, ['components', '0']],
  ])('refuses %s with 400 Invalid Form Body naming the field', async (_what, body, path) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 50035, message: 'Invalid Form Body' });
    let node = r.body.errors;
    for (const seg of path) node = node?.[seg];
    expect(node, JSON.stringify(r.body.errors)).toBeDefined();
  });

  it('checks interaction callbacks, their type, and command registration too', async () => {
    const sent = standIn.sendCommand('x');
    expect((await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 42 })).body.code).toBe(50035);
    const bad = await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 4, data: { content: 'x'.repeat(2001) } });
    expect(bad.body.errors.data.content._errors[0].code).toBe('BASE_TYPE_MAX_LENGTH');
    // An invalid callback does not acknowledge: a valid one still can.
    expect((await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 4, data: { content: 'ok' } })).status).toBe(204);
    const put = await call('PUT', `/applications/${STANDIN_APP_ID}/commands`, [{ name: 'x', description: 'd'.repeat(101), type: 1 }]);
    expect(put.status).toBe(400);
    expect(put.body.errors['0'].description).toBeDefined();
  });
});

describe('Discord stand-in: the interaction lifecycle', () => {
  it('refuses a second callback with 40060', async () => {
    const sent = standIn.sendCommand('x');
    const path = `/interactions/${sent.id}/${sent.token}/callback`;
    expect((await call('POST', path, { type: 5 })).status).toBe(204);
    const again = await call('POST', path, { type: 4, data: { content: 'twice' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'Interaction has already been acknowledged.', code: 40060 });
  });

  it('refuses an edit or follow-up of a never-answered interaction with 404 Unknown Webhook', async () => {
    const sent = standIn.sendCommand('x');
    const edit = await call('PATCH', `/webhooks/${STANDIN_APP_ID}/${sent.token}/messages/@original`, { content: 'x' });
    expect(edit.status).toBe(404);
    expect(edit.body).toEqual({ message: 'Unknown Webhook', code: 10015 });
    expect((await call('POST', `/webhooks/${STANDIN_APP_ID}/${sent.token}`, { content: 'x' })).body.code).toBe(10015);
    await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 5 });
    expect((await call('PATCH', `/webhooks/${STANDIN_APP_ID}/${sent.token}/messages/@original`, { content: 'x' })).status).toBe(200);
  });

  it('refuses a callback after 3 s with 404 Unknown interaction (the clock is moved, not waited)', async () => {
    const sent = standIn.sendCommand('x');
    standIn.clock = () => Date.now() + 3001;
    const late = await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 4, data: { content: 'late' } });
    expect(late.status).toBe(404);
    expect(late.body).toEqual({ message: 'Unknown interaction', code: 10062 });
    standIn.clock = () => Date.now();
    const onTime = standIn.sendCommand('x');
    expect((await call('POST', `/interactions/${onTime.id}/${onTime.token}/callback`, { type: 4, data: { content: 'ok' } })).status).toBe(204);
    expect((await call('POST', `/interactions/${onTime.id}/unknown-token/callback`, { type: 4, data: { content: 'ok' } })).body.code).toBe(10062);
  });

  it('refuses a follow-up after the token’s 15 minutes with 401 Invalid Webhook Token', async () => {
    const sent = standIn.sendCommand('x');
    await call('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 5 });
    expect((await call('POST', `/webhooks/${STANDIN_APP_ID}/${sent.token}`, { content: 'soon' })).status).toBe(200);
    standIn.clock = () => Date.now() + 15 * 60_000 + 1;
    const late = await call('POST', `/webhooks/${STANDIN_APP_ID}/${sent.token}`, { content: 'too late' });
    expect(late.status).toBe(401);
    expect(late.body).toEqual({ message: 'Invalid Webhook Token', code: 50027 });
  });
});

describe('Discord stand-in: rate limits', () => {
  const HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after', 'x-ratelimit-bucket'];

  it('sends X-RateLimit-* headers on every response, refusals included', async () => {
    for (const r of [await call('GET', '/users/@me'), await post({ content: 'ok' }), await post({ content: 'x'.repeat(3000) })]) {
      for (const h of HEADERS) expect(r.headers.get(h), h).not.toBeNull();
    }
    const a = await post({ content: 'a' });
    const b = await post({ content: 'b' });
    expect(Number(b.headers.get('x-ratelimit-remaining'))).toBeLessThan(Number(a.headers.get('x-ratelimit-remaining')));
  });

  it('answers 429 with retry_after and Retry-After on demand, then serves again', async () => {
    standIn.rateLimitNext({ retryAfter: 0.25 });
    const limited = await post({ content: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'You are being rate limited.', retry_after: 0.25, global: false });
    expect(limited.headers.get('retry-after')).toBe('0.25');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await post({ content: 'x' })).status).toBe(200);
  });
});
