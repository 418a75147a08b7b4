// The Slack adapter through the real Bolt app (HTTP receiver, and Socket Mode once) and the stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlack } from '../../../src/adapters/slack/mrkdwn.ts';
import { SLACK_CHANNEL_ID } from '../../standins/slack.ts';
import { fixtureCommands, HOSTILE, png } from '../fixtures.ts';
import { blockProblems, blockTexts, startSlackHarness, type SlackHarness } from './harness.ts';

describe('Slack adapter over HTTP', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(fixtureCommands);
  });
  afterAll(async () => h.stop());

  it('acks first, well within 3 s, then answers in the channel via response_url', async () => {
    const { sent, responses } = await h.command('/echo', 'hello *you*');
    expect(sent.status).toBe(200);
    expect(sent.ackAt! - sent.sentAt).toBeLessThan(3000);
    expect(sent.ackBody).toBe('');
    expect(responses).toHaveLength(1);
    expect(responses[0].at).toBeGreaterThanOrEqual(sent.sentAt);
    expect(responses[0].body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(blockTexts(responses[0].body.blocks)).toEqual(['You said: hello _you_']);
    expect(blockProblems(responses[0].body)).toEqual([]);
  });

  it('escapes hostile echoed text so it cannot ping or link', async () => {
    // Slack itself HTML-escapes what the user typed before sending it.
    const { responses } = await h.command('/echo', `text:${escapeSlack(HOSTILE)}`);
    const text = blockTexts(responses[0].body.blocks).join('\n');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example|click&gt;');
    expect(text).toContain('&amp;');
    expect(text).not.toMatch(/<!|<@|<http/);
    expect(text).toContain('@here'); // plain text: Slack only notifies for <!here>
    expect(blockProblems(responses[0].body)).toEqual([]);
  });

  it('parses the text with the console parser: named options, a bare remainder, friendly errors', async () => {
    const named = await h.command('/pick', 'word:gru count:3 loud:yes model:Transformer');
    expect(blockTexts(named.responses[0].body.blocks)[0]).toContain('picked {"word":"gru","count":3,"loud":true,"model":"transformer"}');
    const bare = await h.command('/pick', 'attention');
    expect(blockTexts(bare.responses[0].body.blocks)[0]).toContain('"word":"attention"');
    const bad = await h.command('/pick', 'word:x count:9');
    expect(bad.responses[0].body.response_type).toBe('ephemeral');
    expect(blockTexts(bad.responses[0].body.blocks)[0]).toContain('at most 5');
    const sub = await h.command('/game', 'start level:3');
    expect(blockTexts(sub.responses[0].body.blocks)[0]).toBe('started 3');
  });

  it('acks a slow command with a working note, then posts the answer and uploads the chart in three calls', async () => {
    const { sent, responses, calls } = await h.command('/slowchart', '');
    expect(JSON.parse(sent.ackBody!)).toMatchObject({ response_type: 'ephemeral' });
    expect(responses[0].body.response_type).toBe('in_channel');
    const upload = calls.filter((c) => ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'].includes(c.method)).map((c) => c.method);
    expect(upload).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const complete = calls.find((c) => c.method === 'files.completeUploadExternal')!;
    expect(complete.body.channel_id).toBe(SLACK_CHANNEL_ID);
    expect(complete.body.files[0].title).toBe('a chart called attention map.png');
    const bytes = calls.find((c) => c.method === 'upload')!;
    const data = bytes.files.length ? bytes.files[0].data : bytes.raw;
    expect(data.subarray(0, 4)).toEqual(Buffer.from([137, 80, 78, 71]));
  });

  it('says how to invite the bot when it cannot upload into the channel', async () => {
    h.standIn.notInChannel.add('C0PRIVATE');
    const { responses } = await h.command('/slowchart', '', { channel: 'C0PRIVATE' });
    expect(responses).toHaveLength(2);
    expect(responses[1].body.response_type).toBe('ephemeral');
    expect(responses[1].body.text).toContain('/invite @nn-tutor');
  });

  it('keeps Block Kit limits for long text, fields and buttons', async () => {
    const long = await h.command('/long', '');
    expect(blockProblems(long.responses[0].body)).toEqual([]);
    const all = blockTexts(long.responses[0].body.blocks).join('\n');
    expect(all).toContain('line 399 ');
    const chart = await h.command('/chart', '');
    const blocks = chart.responses[0].body.blocks;
    expect(blockProblems(chart.responses[0].body)).toEqual([]);
    expect(blocks.filter((b: any) => b.type === 'actions').map((b: any) => b.elements.length)).toEqual([5, 2]);
    expect(blocks.find((b: any) => b.fields).fields.map((f: any) => f.text)).toEqual(['*loss*\n0.42', '*steps*\n1,000']);
  });

  it('answers a failing handler once, ephemerally, with an error id', async () => {
    const { responses } = await h.command('/boom', '');
    expect(responses).toHaveLength(1);
    expect(responses[0].body.response_type).toBe('ephemeral');
    expect(responses[0].body.text).toMatch(/error id `[0-9a-f]{8}`/);
    expect(responses[0].body.text).not.toContain('/srv/x.ts');
  });

  it('routes button clicks to the same handlers: replace in place, or a new ephemeral answer', async () => {
    const up = await h.click('chart:0');
    expect(up.sent.status).toBe(200);
    expect(up.responses[0].body).toMatchObject({ replace_original: true });
    expect(blockTexts(up.responses[0].body.blocks)).toEqual(['updated by 0']);
    const eph = await h.click('chart:1');
    expect(eph.responses[0].body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    const forged = await h.click('nosuch:zzz');
    expect(forged.responses[0].body.text).toMatch(/not one of mine|expired/);
  });

  it('never handles a retried request twice', async () => {
    const { payload, sent } = h.standIn.commandPayload('/echo', 'once');
    await h.standIn.postSigned(h.adapter.url!, payload, sent);
    await h.settle(sent);
    const retry = await h.standIn.postSigned(h.adapter.url!, payload, { ...sent }, { retryNum: 1 });
    expect(retry.status).toBe(200);
    const again = await h.standIn.postSigned(h.adapter.url!, payload, { ...sent });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.standIn.responsesTo(sent)).toHaveLength(1);
  });

  it('refuses a bad or stale signature', async () => {
    const bad = await h.standIn.sendCommandHttp(h.adapter.url!, '/echo', 'forged', { badSignature: true });
    expect(bad.status).toBe(401);
    const stale = await h.standIn.sendCommandHttp(h.adapter.url!, '/echo', 'old', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.standIn.responsesTo(bad)).toHaveLength(0);
    expect(h.standIn.responsesTo(stale)).toHaveLength(0);
  });

  it('posts and edits channel messages through the Outbox', async () => {
    const { calls } = await h.command('/announce', '');
    const post = calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.body.channel).toBe(SLACK_CHANNEL_ID);
    expect(blockProblems(post.body)).toEqual([]);
    expect(calls.some((c) => c.method === 'files.completeUploadExternal')).toBe(true);
    const update = calls.find((c) => c.method === 'chat.update')!;
    expect(update.body.text).toBe('question (revealed)');
  });

  it('sent nothing the strict stand-in refused in all of the above (but the channel it was not in)', () => {
    const refused = h.standIn.calls.filter((c) => c.error && !(c.error === 'not_in_channel' && c.body?.channel_id === 'C0PRIVATE'));
    expect(refused.map((c) => ({ method: c.method, error: c.error }))).toEqual([]);
  });
});

describe('Slack adapter when Slack pushes back', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(fixtureCommands);
  });
  afterAll(async () => h.stop());

  it('waits out a 429 on chat.postMessage (Retry-After) and posts once', async () => {
    h.standIn.rateLimitNext({ method: 'chat.postMessage', retryAfter: 1 });
    const { calls } = await h.command('/announce', '');
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(900);
    expect(calls.some((c) => c.method === 'chat.update' && !c.error)).toBe(true);
  });

  it('retries a 429 in the middle of an upload and the chart still arrives', async () => {
    h.standIn.rateLimitNext({ method: 'files.completeUploadExternal', retryAfter: 0 });
    const { calls } = await h.command('/slowchart', '');
    const complete = calls.filter((c) => c.method === 'files.completeUploadExternal');
    expect(complete.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(complete[1].body.files).toHaveLength(1);
  });

  it('answers a refused response (HTTP 400) with exactly one apology, and keeps serving', async () => {
    h.standIn.refuseNext('response_url', 'invalid_blocks');
    const { responses } = await h.command('/echo', 'refused');
    expect(responses.map((r) => r.error ?? 'ok')).toEqual(['invalid_blocks', 'ok']);
    expect(responses[1].body.response_type).toBe('ephemeral');
    expect(responses[1].body.text).toMatch(/error id `[0-9a-f]{8}`/);
    const next = await h.command('/echo', 'fine again');
    expect(blockTexts(next.responses[0].body.blocks)).toEqual(['You said: fine again']);
  });

  it('sends no alt text to files.getUploadURLExternal, only documented arguments', async () => {
    const { calls } = await h.command('/slowchart', '');
    const get = calls.find((c) => c.method === 'files.getUploadURLExternal')!;
    // (Bolt's client adds team_id to every call it makes.)
    expect(Object.keys(get.body).filter((k) => k !== 'team_id').sort()).toEqual(['filename', 'length']);
    expect(get.body).toMatchObject({ filename: 'attention map.png', length: String(png('attention map.png').data.length) });
  });
});

describe('Slack adapter with a command prefix', () => {
  it('maps /nn-echo to /echo', async () => {
    const h = await startSlackHarness(fixtureCommands, { prefix: 'nn-' });
    try {
      const { responses } = await h.command('/nn-echo', 'prefixed');
      expect(blockTexts(responses[0].body.blocks)).toEqual(['You said: prefixed']);
    } finally {
      await h.stop();
    }
  });
});

describe('Slack adapter over Socket Mode', () => {
  it('acks the envelope and answers a command end to end', async () => {
    const h = await startSlackHarness(fixtureCommands, { socket: true });
    try {
      const { sent, responses } = await h.command('/echo', 'via socket');
      expect(sent.ackAt! - sent.sentAt).toBeLessThan(3000);
      expect(sent.ackError).toBeUndefined();
      expect(blockTexts(responses[0].body.blocks)).toEqual(['You said: via socket']);
    } finally {
      await h.stop();
    }
  });
});
