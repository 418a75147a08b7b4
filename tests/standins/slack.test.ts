// The stand-in itself: the real Bolt App (HTTP receiver and Socket Mode) talks to it.
import { App, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_APP_TOKEN, SLACK_BOT_TOKEN, SLACK_CHANNEL_ID, SLACK_SIGNING_SECRET, SlackStandIn } from './slack.ts';

describe('Slack stand-in with the real Bolt app', () => {
  let standIn: SlackStandIn;
  let app: App;
  let url: string;
  let handled = 0;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    app = new App({
      token: SLACK_BOT_TOKEN,
      signingSecret: SLACK_SIGNING_SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/hi', async ({ ack, respond, client, command }) => {
      await ack();
      handled += 1;
      await respond({ text: `hi ${command.text}`, response_type: 'in_channel' });
      await client.files.uploadV2({ channel_id: command.channel_id, file: Buffer.from([137, 80, 78, 71]), filename: 'x.png' });
    });
    const server = (await app.start(0)) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  it('acks a signed slash command and answers on response_url, uploading in three calls', async () => {
    const sent = await standIn.sendCommandHttp(url, '/hi', 'there');
    expect(sent.status).toBe(200);
    const [resp] = await standIn.waitFor(() => (standIn.responsesTo(sent).length ? standIn.responsesTo(sent) : undefined));
    expect(resp.body.text).toBe('hi there');
    await standIn.waitFor(() => standIn.callsOf('files.completeUploadExternal')[0]);
    expect(standIn.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(standIn.callsOf('upload')[0].headers.authorization).toBe(`Bearer ${SLACK_BOT_TOKEN}`);
    expect(standIn.callsOf('files.completeUploadExternal')[0].body.channel_id).toBe(SLACK_CHANNEL_ID);
  });

  it('refuses a bad signature', async () => {
    const before = handled;
    const sent = await standIn.sendCommandHttp(url, '/hi', 'forged', { badSignature: true });
    expect(sent.status).toBe(401);
    expect(handled).toBe(before);
  });

  it('connects over Socket Mode and acks an envelope', async () => {
    const socketApp = new App({
      token: SLACK_BOT_TOKEN,
      appToken: SLACK_APP_TOKEN,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    });
    socketApp.command('/hi', async ({ ack }) => ack({ text: 'socket hi' }));
    await socketApp.start();
    await standIn.waitSocket();
    const sent = await standIn.sendCommandSocket('/hi', 'x');
    expect(JSON.parse(sent.ackBody!)).toEqual({ text: 'socket hi' });
    const client = (socketApp as unknown as { receiver: { client: import('node:events').EventEmitter } }).receiver.client;
    const gone = new Promise((r) => client.once('disconnected', r));
    await socketApp.stop();
    await gone;
  });
});
