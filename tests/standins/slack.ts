// A loopback stand-in of Slack: the Web API methods the bot calls (auth.test, chat.*, files.uploadV2's
// three steps, apps.connections.open), response_url endpoints, a Socket Mode WebSocket, and helpers
// that post signed slash commands and button clicks to Bolt's HTTP receiver.
// As strict as Slack: message bodies are checked against Block Kit's limits (invalid_blocks), text
// size (msg_too_long) and channel membership (not_in_channel); response_url refuses the same with
// HTTP 400; manifests can be validated (apps.manifest.validate); rate limits come on demand as 429 +
// Retry-After, so the WebClient's retry path is exercised.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseBody, sendJson, waitUntil, type UploadedFile } from './http.ts';
import { manifestErrors, messageError } from './slack-rules.ts';
import { closeLoopback, listenOnLoopback } from './loopback.ts';

export const SLACK_BOT_TOKEN = 'xoxb-standin-bot-token';
export const SLACK_APP_TOKEN = 'xapp-standin-app-token';
export const SLACK_SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
export const SLACK_TEAM_ID = 'T0STANDIN';
export const SLACK_CHANNEL_ID = 'C0STUDY';
export const SLACK_USER_ID = 'U0ADA';
export const SLACK_BOT_USER_ID = 'U0BOT';

export interface SlackCall {
  /** Web API method ("chat.postMessage"), "upload" for the file bytes, or "response_url". */
  method: string;
  path: string;
  body: any;
  raw: Buffer;
  /** Multipart file parts (the upload step), else empty. */
  files: UploadedFile[];
  headers: Record<string, string | string[] | undefined>;
  at: number;
  /** Set when the stand-in refused the call: Slack's error code ("invalid_blocks", "ratelimited"…). */
  error?: string;
}

export interface SlackRateLimitOrder {
  /** Web API method to refuse, e.g. "chat.postMessage" (default: any method). */
  method?: string;
  /** Seconds, as Slack sends them (whole seconds). */
  retryAfter?: number;
  count?: number;
}

export interface SentSlackRequest {
  /** Unique per request: the response_url's id and the trigger id. */
  id: string;
  responseUrl: string;
  sentAt: number;
  /** HTTP status and body of Bolt's answer (HTTP mode), or the Socket Mode ack. */
  status?: number;
  ackBody?: string;
  ackAt?: number;
  /** Set when a Socket Mode ack's message would be refused (invalid_blocks, msg_too_long…). */
  ackError?: string;
}

export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  readonly socketAcks: any[] = [];
  /** Channels the bot is not a member of: uploads there fail with not_in_channel. */
  readonly notInChannel = new Set<string>();
  private rateLimits: Required<SlackRateLimitOrder>[] = [];
  private refusals: { method: string; error: string }[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  private socket: WebSocket | undefined;
  private port = 0;
  private counter = 0;

  static async start(): Promise<SlackStandIn> {
    const s = new SlackStandIn();
    await s.listen();
    return s;
  }

  /** For WebClient's `slackApiUrl` (it appends the method name). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handleHttp(req, res).catch((err) => sendJson(res, 500, { ok: false, error: String(err) }));
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (raw) => this.socketAcks.push({ ...JSON.parse(String(raw)), at: performance.now() }));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'standin' }, connection_info: { app_id: 'A0STANDIN' } }));
    });
    this.port = await listenOnLoopback(this.server);
  }

  async close(): Promise<void> {
    await closeLoopback(this.server, this.wss);
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}${randomBytes(3).toString('hex')}`;
  }

  private async handleHttp(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { json, raw, files } = await parseBody(req);
    const at = performance.now();
    const record = (method: string) => {
      const call: SlackCall = { method, path: url.pathname, body: decodeFormJson(json), raw, files, headers: req.headers, at };
      this.calls.push(call);
      return call;
    };
    const refuse = (call: SlackCall, error: string, errors?: string[]) => {
      call.error = error;
      return sendJson(res, 200, { ok: false, error, ...(errors ? { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } } : {}) });
    };
    if (url.pathname.startsWith('/upload/')) {
      record('upload');
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    if (url.pathname.startsWith('/response/')) {
      const call = record('response_url');
      // Webhooks answer errors with an HTTP 400 and the code as plain text.
      const bad = this.takeRefusal('response_url') ?? messageError(call.body);
      if (bad) {
        call.error = bad.error;
        res.writeHead(400, { 'content-type': 'text/plain' }).end(bad.error);
        return;
      }
      return sendJson(res, 200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const call = record(method);
    const b = call.body ?? {};
    const limit = this.rateLimits.find((o) => o.count > 0 && (o.method === '*' || o.method === method));
    if (limit) {
      limit.count -= 1;
      if (limit.count === 0) this.rateLimits.splice(this.rateLimits.indexOf(limit), 1);
      call.error = 'ratelimited';
      res.setHeader('Retry-After', String(limit.retryAfter));
      return sendJson(res, 429, { ok: false, error: 'ratelimited' });
    }
    const injected = this.takeRefusal(method);
    if (injected) return refuse(call, injected.error);
    switch (method) {
      case 'auth.test':
        return sendJson(res, 200, { ok: true, url: 'https://standin.slack.local/', team: 'Study', user: 'nn-tutor', team_id: SLACK_TEAM_ID, user_id: SLACK_BOT_USER_ID, bot_id: 'B0BOT' });
      case 'apps.connections.open':
        return sendJson(res, 200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
      case 'apps.manifest.validate': {
        let manifest: unknown;
        try {
          manifest = typeof b.manifest === 'string' ? JSON.parse(b.manifest) : b.manifest;
        } catch {
          return refuse(call, 'invalid_manifest', ['manifest is not JSON']);
        }
        const errors = manifestErrors(manifest);
        if (errors.length) return sendJson(res, 200, { ok: false, error: 'invalid_manifest', errors: errors.map((e) => ({ message: e.replace(/^\S+: /, ''), pointer: e.split(':')[0] })) });
        return sendJson(res, 200, { ok: true });
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral':
      case 'chat.update': {
        if (this.notInChannel.has(b.channel)) return refuse(call, 'not_in_channel');
        const bad = messageError(b);
        if (bad) return refuse(call, bad.error, bad.errors);
        if (method === 'chat.update') return sendJson(res, 200, { ok: true, channel: b.channel, ts: b.ts });
        if (method === 'chat.postEphemeral') return sendJson(res, 200, { ok: true, message_ts: this.ts() });
        return sendJson(res, 200, { ok: true, channel: b.channel, ts: this.ts(), message: { text: b.text } });
      }
      case 'files.getUploadURLExternal': {
        // Documented arguments: filename and length required; alt_txt and snippet_type optional.
        const length = Number(b.length);
        if (!b.filename || !Number.isInteger(length) || length <= 0) return refuse(call, 'invalid_arguments');
        const fileId = this.nextId('F');
        return sendJson(res, 200, { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        if (this.notInChannel.has(b.channel_id)) return refuse(call, 'not_in_channel');
        if (!Array.isArray(b.files) || b.files.length === 0 || b.files.some((f: any) => !f?.id)) return refuse(call, 'invalid_arguments');
        const files = b.files.map((f: any) => ({ id: f.id, title: f.title ?? '' }));
        return sendJson(res, 200, { ok: true, files });
      }
      default:
        return refuse(call, 'unknown_method');
    }
  }

  /** The next call of `method` ("response_url" included) is refused with `error`, as Slack would for a bad body. */
  refuseNext(method: string, error: string): void {
    this.refusals.push({ method, error });
  }

  private takeRefusal(method: string): { error: string } | undefined {
    const i = this.refusals.findIndex((r) => r.method === method);
    return i < 0 ? undefined : this.refusals.splice(i, 1)[0];
  }

  /** The next `count` calls of `method` are answered 429 with Retry-After (whole seconds). */
  rateLimitNext(order: SlackRateLimitOrder = {}): void {
    this.rateLimits.push({ method: '*', retryAfter: 1, count: 1, ...order });
  }

  private ts(): string {
    this.counter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, '0')}`;
  }

  // ---- building requests ----

  commandPayload(command: string, text: string, user = SLACK_USER_ID, channel = SLACK_CHANNEL_ID): { payload: Record<string, string>; sent: SentSlackRequest } {
    const id = this.nextId('R');
    const responseUrl = `http://127.0.0.1:${this.port}/response/${id}`;
    const payload = {
      token: 'legacy-verification-token',
      team_id: SLACK_TEAM_ID,
      team_domain: 'study',
      channel_id: channel,
      channel_name: 'study',
      user_id: user,
      user_name: 'ada',
      command: command.startsWith('/') ? command : `/${command}`,
      text,
      api_app_id: 'A0STANDIN',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: `trigger-${id}`,
    };
    return { payload, sent: { id, responseUrl, sentAt: 0 } };
  }

  actionPayload(actionId: string, value: string, user = SLACK_USER_ID, channel = SLACK_CHANNEL_ID): { payload: any; sent: SentSlackRequest } {
    const id = this.nextId('R');
    const responseUrl = `http://127.0.0.1:${this.port}/response/${id}`;
    const messageTs = this.ts();
    const payload = {
      type: 'block_actions',
      user: { id: user, username: 'ada', name: 'ada', team_id: SLACK_TEAM_ID },
      api_app_id: 'A0STANDIN',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
      trigger_id: `trigger-${id}`,
      team: { id: SLACK_TEAM_ID, domain: 'study' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: 'study' },
      message: { type: 'message', ts: messageTs, text: 'earlier', user: SLACK_BOT_USER_ID, blocks: [] },
      state: { values: {} },
      response_url: responseUrl,
      actions: [{ action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, type: 'button', action_ts: this.ts() }],
    };
    return { payload, sent: { id, responseUrl, sentAt: 0 } };
  }

  /** POSTs a signed form to Bolt's HTTP receiver at `url` (e.g. http://127.0.0.1:PORT/slack/events). */
  async postSigned(
    url: string,
    form: Record<string, string>,
    sent: SentSlackRequest,
    opts: { secret?: string; retryNum?: number; timestamp?: number; badSignature?: boolean } = {},
  ): Promise<SentSlackRequest> {
    const body = new URLSearchParams(form).toString();
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    let sig = 'v0=' + createHmac('sha256', opts.secret ?? SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
    if (opts.badSignature) sig = sig.slice(0, -4) + '0000';
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sig,
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    sent.sentAt = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    sent.ackBody = await res.text();
    sent.ackAt = performance.now();
    sent.status = res.status;
    return sent;
  }

  async sendCommandHttp(url: string, command: string, text: string, opts: Parameters<SlackStandIn['postSigned']>[3] & { user?: string; channel?: string } = {}): Promise<SentSlackRequest> {
    const { payload, sent } = this.commandPayload(command, text, opts.user, opts.channel);
    return this.postSigned(url, payload, sent, opts);
  }

  async sendActionHttp(url: string, actionId: string, value: string, opts: Parameters<SlackStandIn['postSigned']>[3] & { user?: string; channel?: string } = {}): Promise<SentSlackRequest> {
    const { payload, sent } = this.actionPayload(actionId, value, opts.user, opts.channel);
    return this.postSigned(url, { payload: JSON.stringify(payload) }, sent, opts);
  }

  // ---- Socket Mode ----

  get socketConnected(): boolean {
    return this.socket !== undefined && this.socket.readyState === this.socket.OPEN;
  }

  async waitSocket(timeoutMs = 5000): Promise<void> {
    await waitUntil(() => (this.socketConnected ? true : undefined), timeoutMs, 'socket mode connection');
  }

  /** Sends a slash command over Socket Mode; resolves once the client acked the envelope. */
  async sendCommandSocket(command: string, text: string, user?: string): Promise<SentSlackRequest> {
    const { payload, sent } = this.commandPayload(command, text, user);
    const envelopeId = this.nextId('E');
    sent.sentAt = performance.now();
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true, payload }));
    const ack = await waitUntil(() => this.socketAcks.find((a) => a.envelope_id === envelopeId), 5000, 'socket ack');
    sent.ackAt = ack.at;
    sent.ackBody = JSON.stringify(ack.payload ?? {});
    // An ack that carries a message is held to the same rules as any other message.
    if (ack.payload && (ack.payload.text !== undefined || ack.payload.blocks !== undefined)) sent.ackError = messageError(ack.payload)?.error;
    return sent;
  }

  // ---- assertions helpers ----

  /** Web API calls and response_url posts made on behalf of a request (matched by response_url id or channel). */
  responsesTo(sent: SentSlackRequest): SlackCall[] {
    return this.calls.filter((c) => c.path === `/response/${sent.id}`);
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor<T>(check: () => T | undefined, timeoutMs = 8000, what = 'slack calls'): Promise<T> {
    return waitUntil(check, timeoutMs, what);
  }
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'metadata']);

/** The Web API sends blocks, attachments and files as JSON strings inside forms: decode them. */
function decodeFormJson(body: any): any {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain text that happens to start with a bracket */
      }
    }
    out[k] = v;
  }
  return out;
}
