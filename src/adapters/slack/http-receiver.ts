// Slack over HTTP on the replica's shared server: Bolt's own HTTPReceiver (signature and timestamp
// checks, retries, acks) is created without its server, and its request listener is mounted at
// /slack/events on ours. The App gets `receiver`, and app.start() is never called.
import { HTTPReceiver, LogLevel, type Logger } from '@slack/bolt';
import type { HttpServer } from '../../ops/http-server.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackHttpReceiver {
  receiver: HTTPReceiver;
  /** Adds POST /slack/events to `server` (Bolt reads the body itself, so the route is streamed). */
  mount(server: HttpServer): void;
}

export function slackHttpReceiver(signingSecret: string, logger?: Logger): SlackHttpReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    ...(logger ? { logger } : { logLevel: LogLevel.ERROR }),
  });
  return {
    receiver,
    mount(server) {
      server.route('POST', SLACK_EVENTS_PATH, (req, res) => receiver.requestListener(req, res), { streamed: true });
    },
  };
}
