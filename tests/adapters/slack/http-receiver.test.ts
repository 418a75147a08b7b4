// Bolt's HTTPReceiver mounted at /slack/events on the replica's shared server, next to /healthz.
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackHttpReceiver } from '../../../src/adapters/slack/http-receiver.ts';
import { mountHealth } from '../../../src/ops/health.ts';
import { HttpServer } from '../../../src/ops/http-server.ts';
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SlackStandIn } from '../../standins/slack.ts';

describe('Slack HTTP receiver on the shared server', () => {
  let standIn: SlackStandIn;
  let server: HttpServer;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    const { receiver, mount } = slackHttpReceiver(SLACK_SIGNING_SECRET);
    const app = new App({ token: SLACK_BOT_TOKEN, receiver, clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/hello', async ({ command, ack }) => {
      seen.push(command.text);
      await ack({ response_type: 'ephemeral', text: `hello ${command.user_name}` });
    });
    server = new HttpServer();
    mount(server);
    mountHealth(server, { checks: {} });
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await server.close(500);
    await standIn.close();
  });

  it('answers a signed slash command through Bolt on /slack/events', async () => {
    const sent = await standIn.sendCommandHttp(`${base}/slack/events`, '/hello', 'there');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.ackBody!)).toMatchObject({ text: 'hello ada' });
    expect(seen).toEqual(['there']);
  });

  it('Bolt refuses a bad signature and the handler never runs', async () => {
    const sent = await standIn.sendCommandHttp(`${base}/slack/events`, '/hello', 'forged', { badSignature: true });
    expect(sent.status).toBe(401);
    expect(seen).toEqual(['there']);
  });

  it('the same server still answers /healthz', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
