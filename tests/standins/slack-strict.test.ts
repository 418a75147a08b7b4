// The Slack stand-in refuses what Slack refuses: Block Kit limits, text size, channel membership,
// manifests, upload arguments, rate limits. Raw HTTP, so each rule is seen exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { slackManifest } from '../../src/adapters/slack/manifest.ts';
import { SLACK_BOT_TOKEN, SLACK_CHANNEL_ID, SlackStandIn } from './slack.ts';

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await SlackStandIn.start();
});
afterAll(async () => standIn.close());

async function api(method: string, body: Record<string, unknown>): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${standIn.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SLACK_BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const btn = (over: Record<string, unknown> = {}, i = 0) => ({ type: 'button', action_id: `a${i}`, text: { type: 'plain_text', text: 'ok' }, value: 'v', ...over });
const post = (blocks: unknown[], text = 'fallback') => api('chat.postMessage', { channel: SLACK_CHANNEL_ID, text, blocks });

describe('Slack stand-in: Block Kit limits', () => {
  it('accepts a message within every limit', async () => {
    const r = await post([section('x'.repeat(3000)), { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } }, { type: 'actions', elements: Array.from({ length: 25 }, (_, i) => btn({}, i)) }, { type: 'context', elements: Array.from({ length: 10 }, () => ({ type: 'mrkdwn', text: 'c' })) }]);
    expect(r.body).toMatchObject({ ok: true });
  });

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => section('x'))],
    ['section text over 3,000', [section('x'.repeat(3001))]],
    ['11 section fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }]],
    ['a header over 150', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }]],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }]],
    ['button text over 75', [{ type: 'actions', elements: [btn({ text: { type: 'plain_text', text: 't'.repeat(76) } })] }]],
    ['an action_id over 255', [{ type: 'actions', elements: [btn({ action_id: 'a'.repeat(256) })] }]],
    ['a button value over 2,000', [{ type: 'actions', elements: [btn({ value: 'v'.repeat(2001) })] }]],
    ['26 elements in an actions block', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => btn({}, i)) }]],
    ['two buttons with one action_id', [{ type: 'actions', elements: [btn(), btn()] }]],
    ['image alt_text over 2,000', [{ type: 'image', image_url: 'https://x.example/a.png', alt_text: 'a'.repeat(2001) }]],
    ['11 context elements', [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) }]],
    ['an unknown block type', [{ type: 'sectionn', text: { type: 'mrkdwn', text: 'x' } }]],
  ])('refuses %s with invalid_blocks, saying where', async (_what, blocks) => {
    const r = await post(blocks);
    expect(r.body.ok).toBe(false);
    expect(r.body.error).toBe('invalid_blocks');
    expect(r.body.errors.length).toBeGreaterThan(0);
  });

  it('refuses text over 40,000 characters with msg_too_long', async () => {
    expect((await api('chat.postMessage', { channel: SLACK_CHANNEL_ID, text: 'x'.repeat(40_001) })).body.error).toBe('msg_too_long');
    expect((await api('chat.postMessage', { channel: SLACK_CHANNEL_ID, text: 'x'.repeat(40_000) })).body.ok).toBe(true);
  });

  it('refuses a channel the bot is not in with not_in_channel', async () => {
    standIn.notInChannel.add('C0ELSEWHERE');
    expect((await api('chat.postMessage', { channel: 'C0ELSEWHERE', text: 'hi' })).body.error).toBe('not_in_channel');
  });

  it('refuses the same bodies on response_url with HTTP 400 and the code', async () => {
    const { sent } = standIn.commandPayload('/x', '');
    const res = await fetch(sent.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', blocks: [section('x'.repeat(3001))] }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_blocks');
  });
});

describe('Slack stand-in: uploads, manifests and rate limits', () => {
  it('requires filename and length for files.getUploadURLExternal', async () => {
    expect((await api('files.getUploadURLExternal', { filename: 'a.png' })).body.error).toBe('invalid_arguments');
    expect((await api('files.getUploadURLExternal', { filename: 'a.png', length: 10 })).body.ok).toBe(true);
  });

  it('validates manifests: ours passes, a 33-character command does not', async () => {
    expect((await api('apps.manifest.validate', { manifest: JSON.stringify(slackManifest(commands)) })).body).toEqual({ ok: true });
    const bad = slackManifest(commands);
    bad.features.slash_commands[0].command = `/${'c'.repeat(32)}`;
    const r = await api('apps.manifest.validate', { manifest: JSON.stringify(bad) });
    expect(r.body.error).toBe('invalid_manifest');
    expect(r.body.errors[0].pointer).toBe('/features/slash_commands/0/command');
  });

  it('answers 429 ratelimited with Retry-After on demand, then serves again', async () => {
    standIn.rateLimitNext({ method: 'chat.postMessage', retryAfter: 3 });
    const limited = await api('chat.postMessage', { channel: SLACK_CHANNEL_ID, text: 'hi' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await api('chat.postMessage', { channel: SLACK_CHANNEL_ID, text: 'hi' })).body.ok).toBe(true);
  });
});
