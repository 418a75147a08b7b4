// A loopback stand-in of Discord: the REST API (interaction callbacks, webhook edits and follow-ups,
// channel messages, command registration) and the gateway WebSocket (HELLO, IDENTIFY → READY,
// heartbeats, RESUME, INTERACTION_CREATE). The real discord.js Client connects to it with
// `rest: { api: standIn.apiBase }` and finds the gateway through GET /gateway/bot.
// As strict as Discord: every body is checked against the official spec and the documented limits
// (discord-spec.ts → 400 50035), the interaction lifecycle is modelled (one callback within 3 s,
// edits and follow-ups only after it), every answer carries X-RateLimit-* headers, and a 429 can be
// asked for so discord.js's REST queue has to wait and retry.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { validateDiscordBody } from './discord-spec.ts';
import { nextId, parseBody, sendJson, waitUntil, type UploadedFile } from './http.ts';
import { closeLoopback, listenOnLoopback } from './loopback.ts';

export const STANDIN_APP_ID = '1100000000000000001';
export const STANDIN_GUILD_ID = '1100000000000000002';
export const STANDIN_CHANNEL_ID = '1100000000000000003';
export const STANDIN_USER_ID = '1100000000000000004';
export const DM_CHANNEL_ID = '1100000000000000005';
/** A token whose first part is the base64 of the app id, like a real bot token. */
export const STANDIN_TOKEN = `${Buffer.from(STANDIN_APP_ID).toString('base64url')}.GsTand.${'x'.repeat(38)}`;

export interface DiscordCall {
  method: string;
  /** Decoded path below /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  query: URLSearchParams;
  body: any;
  files: UploadedFile[];
  headers: Record<string, string | string[] | undefined>;
  /** performance.now() when the request arrived. */
  at: number;
  /** Set when the stand-in refused the request (400, 404, 429). */
  status?: number;
  /** A channel message POST with enforce_nonce whose nonce was used before: no new message was created. */
  deduplicated?: boolean;
}

export interface InteractionUser {
  id: string;
  username: string;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** performance.now() when the INTERACTION_CREATE frame was sent. */
  sentAt: number;
}

/** Discord's window to answer an interaction, and how long its token then works for edits and follow-ups. */
export const CALLBACK_WINDOW_MS = 3000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

interface InteractionState {
  id: string;
  createdAt: number;
  acknowledged: boolean;
  /** HTTP interactions: settles when the endpoint's answer (the callback) has been read. */
  answered?: Promise<void>;
}

/** An HTTP interaction signed and ready to POST, as Discord would send it (again, when retried). */
export interface PreparedInteraction {
  payload: any;
  body: string;
  headers: Record<string, string>;
  sent: SentInteraction;
}

export interface RateLimitOrder {
  /** Which requests get the 429 (default: any). */
  match?: (method: string, path: string) => boolean;
  /** Seconds, as Discord sends them (fractions allowed). */
  retryAfter?: number;
  global?: boolean;
  /** How many matching requests are refused. */
  count?: number;
}

/** Requests per bucket per window in the X-RateLimit-* headers (high enough never to throttle tests). */
const BUCKET_LIMIT = 50;
const BUCKET_WINDOW_S = 1;

export class DiscordStandIn {
  readonly calls: DiscordCall[] = [];
  /** Answers that were refused (4xx), with the body sent back: tests assert on them. */
  readonly rejections: { call: DiscordCall; status: number; body: any }[] = [];
  /**
   * Called once the stand-in has answered a REST call (with `status` set if it refused it): the
   * bench follows thousands of interactions this way instead of polling `calls`.
   */
  onCall: ((call: DiscordCall) => void) | undefined;
  /** Milliseconds; replace to move time (a late callback) without waiting. */
  clock: () => number = () => Date.now();
  private interactions = new Map<string, InteractionState>();
  private buckets = new Map<string, { windowStart: number; used: number }>();
  private rateLimits: Required<RateLimitOrder>[] = [];
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  private server!: Server;
  private wss!: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private sessionId = '';
  private port = 0;
  private messages = new Map<string, any>();
  /** Channel messages created with enforce_nonce, by "channel:nonce" (Discord keeps them a few minutes; here, for the run). */
  private nonces = new Map<string, any>();

  static async start(): Promise<DiscordStandIn> {
    const s = new DiscordStandIn();
    await s.listen();
    return s;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get connected(): boolean {
    return this.socket !== undefined && this.socket.readyState === this.socket.OPEN;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handleHttp(req, res).catch((err) => sendJson(res, 500, { message: String(err), code: 0 }));
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onConnection(ws));
    this.port = await listenOnLoopback(this.server);
  }

  async close(): Promise<void> {
    await closeLoopback(this.server, this.wss);
  }

  // ---- gateway ----

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (msg.op === 2) {
        this.identifies.push(msg.d);
        this.sessionId = `session-${nextId()}`;
        this.seq = 0;
        this.dispatch('READY', {
          v: 10,
          user: { id: STANDIN_APP_ID, username: 'nn-tutor', discriminator: '0', global_name: null, avatar: null, bot: true },
          guilds: [],
          session_id: this.sessionId,
          resume_gateway_url: this.gatewayUrl,
          application: { id: STANDIN_APP_ID, flags: 0 },
          shard: [0, 1],
        });
      } else if (msg.op === 6) {
        this.resumes.push(msg.d);
        this.dispatch('RESUMED', {});
      }
    });
  }

  private dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('stand-in: no gateway connection');
    this.seq += 1;
    this.socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Close the gateway socket with a resumable code; discord.js should come back with RESUME. */
  dropConnection(code = 4000): void {
    this.socket?.close(code, 'stand-in drop');
    this.socket = undefined;
  }

  async waitConnected(timeoutMs = 5000): Promise<void> {
    await waitUntil(() => (this.connected ? true : undefined), timeoutMs, 'gateway connection');
  }

  // ---- interactions ----

  private baseInteraction(type: number, user: InteractionUser, data: unknown): any {
    return {
      id: nextId(),
      application_id: STANDIN_APP_ID,
      type,
      token: `itoken-${nextId()}`,
      version: 1,
      data,
      guild_id: STANDIN_GUILD_ID,
      channel_id: STANDIN_CHANNEL_ID,
      channel: { id: STANDIN_CHANNEL_ID, type: 0, guild_id: STANDIN_GUILD_ID, name: 'study', permissions: '0' },
      member: {
        user: { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null },
        roles: [],
        permissions: '2248473465835073',
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
    };
  }

  private send(payload: any): SentInteraction {
    const sentAt = performance.now();
    this.interactions.set(payload.token, { id: payload.id, createdAt: this.clock(), acknowledged: false });
    this.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, sentAt };
  }

  /** A chat-input command; `options` is Discord's wire format (name/type/value, nested for subcommands). */
  sendCommand(name: string, options: any[] = [], user: InteractionUser = defaultUser): SentInteraction {
    return this.send(this.baseInteraction(2, user, { id: nextId(), name, type: 1, options }));
  }

  /** The same, in a direct message with the bot: `user` instead of `member`, no guild. */
  sendDirectCommand(name: string, options: any[] = [], user: InteractionUser = defaultUser): SentInteraction {
    const payload = this.baseInteraction(2, user, { id: nextId(), name, type: 1, options });
    payload.user = payload.member.user;
    delete payload.member;
    delete payload.guild_id;
    delete payload.guild_locale;
    payload.channel_id = DM_CHANNEL_ID;
    payload.channel = { id: DM_CHANNEL_ID, type: 1, recipients: [payload.user] };
    payload.context = 1;
    return this.send(payload);
  }

  sendAutocomplete(name: string, options: any[], user: InteractionUser = defaultUser): SentInteraction {
    return this.send(this.baseInteraction(4, user, { id: nextId(), name, type: 1, options }));
  }

  /** A button click on a message the bot sent earlier (or a synthetic one). */
  sendButton(customId: string, message?: any, user: InteractionUser = defaultUser): SentInteraction {
    const payload = this.baseInteraction(3, user, { custom_id: customId, component_type: 2 });
    payload.message = message ?? this.messageObject(nextId(), STANDIN_CHANNEL_ID, { content: 'earlier', components: [] }, []);
    return this.send(payload);
  }

  // ---- HTTP interactions (Interactions Endpoint URL) ----

  /** The application's Ed25519 key pair; `publicKeyHex` is what the Developer Portal shows. */
  readonly signingKeys = generateKeyPairSync('ed25519');

  get publicKeyHex(): string {
    return Buffer.from(this.signingKeys.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  /** Signs an interaction of `type` (1 ping, 2 command, 3 component, 4 autocomplete) without sending it. */
  prepareInteraction(
    type: number,
    data: unknown,
    opts: { user?: InteractionUser; message?: any; timestamp?: number; key?: KeyObject; channelId?: string } = {},
  ): PreparedInteraction {
    const payload = this.baseInteraction(type, opts.user ?? defaultUser, data);
    if (opts.channelId) {
      payload.channel_id = opts.channelId;
      payload.channel = { ...payload.channel, id: opts.channelId };
    }
    if (type === 3) payload.message = opts.message ?? this.messageObject(nextId(), payload.channel_id, { content: 'earlier', components: [] }, []);
    const body = JSON.stringify(payload);
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), opts.key ?? this.signingKeys.privateKey).toString('hex');
    this.interactions.set(payload.token, { id: payload.id, createdAt: this.clock(), acknowledged: false });
    return {
      payload,
      body,
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      sent: { id: payload.id, token: payload.token, sentAt: 0 },
    };
  }

  /**
   * POSTs a prepared interaction to the bot's endpoint (a load balancer may send the same one to
   * another replica when the first gave no answer). Webhook calls for it made while its answer is
   * still on the way wait for that answer, as they would at Discord, which has it before the bot
   * can call back. A connection failure rejects, like fetch.
   */
  async postPrepared(endpoint: string, p: PreparedInteraction, tamper?: (body: string) => string): Promise<{ sent: SentInteraction; status: number; json: any }> {
    const state = this.interactions.get(p.payload.token);
    let done!: () => void;
    const answered = new Promise<void>((r) => (done = r));
    if (state) state.answered = answered;
    p.sent.sentAt = performance.now();
    try {
      const res = await fetch(endpoint, { method: 'POST', headers: p.headers, body: tamper ? tamper(p.body) : p.body });
      // Over HTTP the response is the callback: the webhook (edits, follow-ups) exists once it was a valid one.
      const text = await res.text();
      const json = text ? JSON.parse(text) : undefined;
      if (state && res.status === 200 && json?.type >= 4 && json?.type <= 9) state.acknowledged = true;
      return { sent: p.sent, status: res.status, json };
    } finally {
      done();
    }
  }

  /**
   * POSTs an interaction of `type` (1 ping, 2 command, 3 component, 4 autocomplete) to the bot's
   * endpoint, signed as Discord signs it. `tamper` changes the request after signing (tests of refusals).
   */
  async postSignedInteraction(
    endpoint: string,
    type: number,
    data: unknown,
    opts: { user?: InteractionUser; message?: any; timestamp?: number; key?: KeyObject; tamper?: (body: string) => string; channelId?: string } = {},
  ): Promise<{ sent: SentInteraction; status: number; json: any }> {
    return this.postPrepared(endpoint, this.prepareInteraction(type, data, opts), opts.tamper);
  }

  // ---- REST ----

  private messageObject(id: string, channelId: string, body: any, files: UploadedFile[]): any {
    return {
      id,
      channel_id: channelId,
      type: 0,
      content: body?.content ?? '',
      author: { id: STANDIN_APP_ID, username: 'nn-tutor', discriminator: '0', global_name: null, avatar: null, bot: true },
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: files.map((f, i) => ({
        id: nextId(),
        filename: f.filename,
        size: f.data.length,
        url: `https://cdn.standin/${f.filename}`,
        proxy_url: `https://cdn.standin/${f.filename}`,
        content_type: f.contentType,
        ...(body?.attachments?.[i] ?? {}),
      })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }

  private async handleHttp(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const { json, files } = await parseBody(req);
    const call: DiscordCall = { method: req.method ?? 'GET', path, query: url.searchParams, body: json, files, headers: req.headers, at: performance.now() };
    this.calls.push(call);
    if (this.onCall) res.once('finish', () => this.onCall?.(call));
    const m = call.method;
    let match: RegExpMatchArray | null;
    const refuse = (status: number, body: any) => {
      call.status = status;
      this.rejections.push({ call, status, body });
      return sendJson(res, status, body);
    };
    const limited = this.rateLimitHeaders(m, path);
    for (const [k, v] of Object.entries(limited.headers)) res.setHeader(k, v);
    if (limited.refuse) {
      const { retryAfter, global } = limited.refuse;
      res.setHeader('Retry-After', String(retryAfter));
      if (global) res.setHeader('X-RateLimit-Global', 'true');
      return refuse(429, { message: 'You are being rate limited.', retry_after: retryAfter, global });
    }
    const hook = path.match(/^\/webhooks\/\d+\/([^/]+)/);
    const answered = hook ? this.interactions.get(hook[1])?.answered : undefined;
    if (answered) await Promise.race([answered, new Promise((r) => setTimeout(r, CALLBACK_WINDOW_MS))]);
    const lifecycle = this.lifecycle(m, path);
    if (lifecycle) return refuse(lifecycle.status, lifecycle.body);
    const invalid = validateDiscordBody(m, path, json);
    if (invalid) return refuse(400, invalid);
    if ((match = path.match(/^\/interactions\/\d+\/([^/]+)\/callback$/))) this.interactions.get(match[1])!.acknowledged = true;

    if (m === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      return sendJson(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (m === 'GET' && path === '/applications/@me') {
      return sendJson(res, 200, { id: STANDIN_APP_ID, name: 'nn-tutor', bot_public: true, flags: 0 });
    }
    if (m === 'GET' && path === '/users/@me') {
      return sendJson(res, 200, { id: STANDIN_APP_ID, username: 'nn-tutor', discriminator: '0', bot: true, avatar: null });
    }
    if ((match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && m === 'POST') {
      if (url.searchParams.get('with_response') === 'true') {
        const message = this.messageObject(nextId(), STANDIN_CHANNEL_ID, json?.data, files);
        return sendJson(res, 200, { interaction: { id: match[1], type: 2 }, resource: { type: json?.type, message } });
      }
      res.writeHead(204).end();
      return;
    }
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      const key = `${match[2]}/${match[3]}`;
      if (m === 'PATCH') {
        const msg = this.messageObject(this.messages.get(key)?.id ?? nextId(), STANDIN_CHANNEL_ID, json, files);
        this.messages.set(key, msg);
        return sendJson(res, 200, msg);
      }
      if (m === 'GET') return sendJson(res, 200, this.messages.get(key) ?? this.messageObject(nextId(), STANDIN_CHANNEL_ID, {}, []));
      if (m === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
    }
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && m === 'POST') {
      return sendJson(res, 200, this.messageObject(nextId(), STANDIN_CHANNEL_ID, json, files));
    }
    if ((match = path.match(/^\/channels\/(\d+)\/messages$/)) && m === 'POST') {
      // enforce_nonce: the same author and nonce within a few minutes get the first message back.
      const key = json?.enforce_nonce === true && json.nonce !== undefined ? `${match[1]}:${json.nonce}` : undefined;
      const earlier = key ? this.nonces.get(key) : undefined;
      if (earlier) {
        call.deduplicated = true;
        return sendJson(res, 200, earlier);
      }
      const msg = this.messageObject(nextId(), match[1], json, files);
      if (key) this.nonces.set(key, msg);
      return sendJson(res, 200, msg);
    }
    if ((match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && m === 'PATCH') {
      return sendJson(res, 200, this.messageObject(match[2], match[1], json, files));
    }
    if ((match = path.match(/^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/)) && m === 'PUT') {
      const list = Array.isArray(json) ? json : [];
      return sendJson(res, 200, list.map((c: any) => ({ ...c, id: nextId(), application_id: match![1], version: nextId() })));
    }
    sendJson(res, 404, { message: `stand-in: no route for ${m} ${path}`, code: 0 });
  }

  // ---- strictness: lifecycle and rate limits ----

  /** Discord's answer when an interaction route is used out of order or too late; undefined if fine. */
  private lifecycle(method: string, path: string): { status: number; body: { message: string; code: number } } | undefined {
    let match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (match && method === 'POST') {
      const state = this.interactions.get(match[2]);
      if (!state || state.id !== match[1] || this.clock() - state.createdAt > CALLBACK_WINDOW_MS) {
        return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      }
      if (state.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      return undefined;
    }
    match = path.match(/^\/webhooks\/(\d+)\/([^/]+)(\/|$)/);
    if (match && match[1] === STANDIN_APP_ID) {
      // Interaction webhooks exist only once the interaction was answered (or deferred), for 15 minutes.
      const state = this.interactions.get(match[2]);
      if (!state?.acknowledged) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      if (this.clock() - state.createdAt > TOKEN_LIFETIME_MS) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
    }
    return undefined;
  }

  /** The next `count` requests matching are answered 429 with `retry_after` seconds. */
  rateLimitNext(order: RateLimitOrder = {}): void {
    this.rateLimits.push({ match: () => true, retryAfter: 0.1, global: false, count: 1, ...order });
  }

  private rateLimitHeaders(method: string, path: string): { headers: Record<string, string>; refuse?: { retryAfter: number; global: boolean } } {
    // Buckets follow Discord's major parameters: the channel, the webhook (id + token), the interaction.
    const route = path.replace(/^(\/(channels|guilds)\/\d+|\/webhooks\/\d+\/[^/]+|\/interactions\/\d+\/[^/]+).*$/, '$1');
    const key = `${method} ${route}`;
    const now = this.clock() / 1000;
    let b = this.buckets.get(key);
    if (!b || now - b.windowStart >= BUCKET_WINDOW_S) this.buckets.set(key, (b = { windowStart: now, used: 0 }));
    b.used += 1;
    const resetAfter = Math.max(0, b.windowStart + BUCKET_WINDOW_S - now);
    const headers = {
      'X-RateLimit-Limit': String(BUCKET_LIMIT),
      'X-RateLimit-Remaining': String(Math.max(0, BUCKET_LIMIT - b.used)),
      'X-RateLimit-Reset': (b.windowStart + BUCKET_WINDOW_S).toFixed(3),
      'X-RateLimit-Reset-After': resetAfter.toFixed(3),
      'X-RateLimit-Bucket': createHash('sha1').update(`${method} ${route.replace(/\d+|\/[^/]+$/g, ':id')}`).digest('hex').slice(0, 16),
    };
    const order = this.rateLimits.find((o) => o.count > 0 && o.match(method, path));
    if (!order) return { headers };
    order.count -= 1;
    if (order.count === 0) this.rateLimits.splice(this.rateLimits.indexOf(order), 1);
    return {
      headers: { ...headers, 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': order.retryAfter.toFixed(3), 'X-RateLimit-Scope': order.global ? 'global' : 'user' },
      refuse: { retryAfter: order.retryAfter, global: order.global },
    };
  }

  // ---- assertions helpers ----

  /** Calls that answered interaction `token` (callback, edits and follow-ups), in order. */
  responsesTo(sent: SentInteraction): DiscordCall[] {
    return this.calls.filter(
      (c) => c.path === `/interactions/${sent.id}/${sent.token}/callback` || c.path.startsWith(`/webhooks/${STANDIN_APP_ID}/${sent.token}`),
    );
  }

  /** Waits until `count` responses to the interaction exist and then a little quiet time passes. */
  async waitResponses(sent: SentInteraction, done: (calls: DiscordCall[]) => boolean, timeoutMs = 8000): Promise<DiscordCall[]> {
    return waitUntil(() => {
      const r = this.responsesTo(sent);
      return done(r) ? r : undefined;
    }, timeoutMs, `responses to interaction ${sent.id}`);
  }
}

export const defaultUser: InteractionUser = { id: STANDIN_USER_ID, username: 'ada' };

/** True when the call is the interaction's final message (immediate reply or the edit after a defer). */
export function isFinal(c: DiscordCall): boolean {
  if (c.path.endsWith('/callback')) return c.body?.type === 4 || c.body?.type === 7 || c.body?.type === 8;
  return c.method === 'PATCH' || c.method === 'POST';
}
