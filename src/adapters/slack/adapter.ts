// Slack: slash commands and button clicks → core requests, Replies → Block Kit. Every request is
// acked first (Slack's 3-second rule), then the work runs and the answer goes to response_url.
// Charts are uploaded with the three documented file calls (upload.ts). Retried requests are never handled twice:
// after the ack, the request's trigger id is claimed, in the store shared by all replicas when there is one.
import { App, LogLevel, SocketModeReceiver, type Logger, type RespondFn, type SlashCommand } from '@slack/bolt';
import type { RetryOptions, WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageRef, Outbox, RequestContext } from '../../core/command.ts';
import { internalErrorReply } from '../../core/dispatch.ts';
import { newErrorId } from '../../core/errors.ts';
import { log } from '../../core/log.ts';
import type { ImageAttachment, Reply } from '../../core/reply.ts';
import type { Adapter, AdapterHost } from '../adapter.ts';
import type { CoreRunner } from '../runner.ts';
import type { HttpServer } from '../../ops/http-server.ts';
import { renderSlack } from './blocks.ts';
import { slackHttpReceiver, type SlackHttpReceiver } from './http-receiver.ts';
import { uploadFiles } from './upload.ts';

const log_ = log.child({ platform: 'slack' });

export interface SlackAdapterOptions {
  botToken: string;
  /** Socket Mode when set (no public URL needed). */
  appToken?: string;
  /** HTTP mode: the signing secret Bolt checks every request against. */
  signingSecret?: string;
  /** HTTP mode port (0 picks a free one). */
  port?: number;
  /** Slash command prefix, e.g. "nn-" for /nn-help. */
  prefix?: string;
  /** Web API base, e.g. the loopback stand-in's (tests, bench). */
  slackApiUrl?: string;
  /** Called when a request has been fully answered (tests and the bench wait on it). */
  onSettled?: (triggerId: string) => void;
  /** The WebClient's retries (429s and network errors); tests set short waits. */
  retryConfig?: RetryOptions;
}

/**
 * Says whether a trigger id is new: true exactly once per id across everyone sharing it (the
 * store's claimTrigger when replicas share PostgreSQL); false for a retry or repeat.
 */
export type ClaimTrigger = (triggerId: string) => Promise<boolean>;

/** Slack HTML-escapes &, < and > in slash command text; the parser wants what the user typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Bolt's logger interface on top of pino. */
function boltLogger(): Logger {
  let level = LogLevel.INFO;
  const fmt = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m) => log_.debug(fmt(m)),
    info: (...m) => log_.info(fmt(m)),
    warn: (...m) => log_.warn(fmt(m)),
    error: (...m) => log_.error(fmt(m)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'not_allowed_token_type', 'restricted_action']);

function slackError(err: unknown): string | undefined {
  return (err as { data?: { error?: string } })?.data?.error;
}

/** Upload charts into the channel; returns a user-facing note when the bot cannot post there. */
export async function uploadImages(client: WebClient, channelId: string, images: readonly ImageAttachment[]): Promise<string | undefined> {
  if (images.length === 0) return undefined;
  try {
    await uploadFiles(client, channelId, images);
    return undefined;
  } catch (err) {
    const code = slackError(err);
    if (code && NOT_IN_CHANNEL.has(code)) {
      log_.info({ channelId, code }, 'cannot upload here');
      return "🖼️ I made a chart but can't post it here because I'm not in this channel. Invite me with `/invite @nn-tutor` and run the command again, or talk to me in a direct message.";
    }
    throw err;
  }
}

/** A bounded set of recently seen request ids, to drop Slack's retries and duplicates. */
class SeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 5000) {}
  /** True if `id` was seen before; remembers it otherwise. */
  check(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return false;
  }
}

export class SlackHandlers {
  private readonly seen = new SeenIds();
  constructor(
    private readonly runner: CoreRunner,
    readonly outbox: Outbox,
    private readonly prefix = '',
    private readonly onSettled?: (triggerId: string) => void,
    /** Shared with the other replicas; without it, ids are remembered in this process only. */
    private readonly claimTrigger?: ClaimTrigger,
  ) {}

  /**
   * Global middleware: a retry (X-Slack-Retry-Num / retry_attempt) without a trigger id to tell it
   * by is acked and dropped. Requests with a trigger id go on: the handler acks and then claims it.
   */
  dedupe = async (args: any): Promise<void> => {
    const { context, body, next } = args;
    const retried = typeof context?.retryNum === 'number' && context.retryNum > 0;
    if (retried && !body?.trigger_id) {
      log_.info({ retryNum: context?.retryNum }, 'dropped a retried request');
      if (typeof args.ack === 'function') await args.ack();
      return;
    }
    await next();
  };

  /**
   * Called after the ack: true for the one delivery of `trigger` that does the work. Acking first
   * and claiming second means a request whose replica died before acking is handled by the retry
   * (Slack, or a load balancer, sends it again because it got no answer), and a retry of a request
   * that was acked is dropped on whichever replica it lands. If the shared store cannot be asked,
   * this process's memory decides: answering twice beats not answering.
   */
  private async first(trigger: string | undefined, retryNum: unknown): Promise<boolean> {
    if (!trigger) return true;
    if (this.seen.check(trigger)) return this.dropped(trigger, retryNum);
    if (!this.claimTrigger) return true;
    try {
      return (await this.claimTrigger(trigger)) || this.dropped(trigger, retryNum);
    } catch (err) {
      log_.warn({ err }, 'could not check the trigger id in the store; deciding locally');
      return true;
    }
  }

  private dropped(trigger: string, retryNum: unknown): false {
    log_.info({ retryNum, trigger }, 'dropped a retried or repeated request');
    return false;
  }

  private context(userId: string, userName: string, channelId: string, teamId: string | undefined): RequestContext {
    return { platform: 'slack', userId, userName, channelId, serverId: teamId, outbox: this.outbox };
  }

  async command({ command, ack, respond, client, context }: { command: SlashCommand; ack: (r?: any) => Promise<void>; respond: RespondFn; client: WebClient; context?: { retryNum?: number } }): Promise<void> {
    const name = command.command.replace(/^\//, '').slice(this.prefix.length);
    // A retry is most likely a repeat of a request already being answered: no second "working" note.
    const slow = this.runner.isSlow(name) && !(context?.retryNum && context.retryNum > 0);
    await ack(slow ? { response_type: 'ephemeral', text: '⏳ Working on it…' } : undefined);
    if (!(await this.first(command.trigger_id, context?.retryNum))) return;
    try {
      const ctx = this.context(command.user_id, command.user_name, command.channel_id, command.team_id);
      const outcome = await this.runner.line(`/${name} ${unescapeSlack(command.text ?? '')}`, ctx);
      await this.send(outcome.reply, respond, client, command.channel_id, { replaceOriginal: false });
    } catch (err) {
      await this.apologize(respond, err);
    } finally {
      this.onSettled?.(command.trigger_id);
    }
  }

  async action({ body, action, ack, respond, client, context }: { body: any; action: any; ack: () => Promise<void>; respond: RespondFn; client: WebClient; context?: { retryNum?: number } }): Promise<void> {
    await ack();
    if (!(await this.first(body.trigger_id, context?.retryNum))) return;
    try {
      const channelId: string = body.channel?.id ?? body.container?.channel_id ?? '';
      const ctx = this.context(body.user.id, body.user.username ?? body.user.name ?? '', channelId, body.team?.id);
      const outcome = await this.runner.button(String(action.value ?? ''), ctx);
      const reply = outcome.reply;
      await this.send(reply, respond, client, channelId, { replaceOriginal: reply.mode === 'update' && !reply.ephemeral });
    } catch (err) {
      await this.apologize(respond, err);
    } finally {
      this.onSettled?.(body.trigger_id);
    }
  }

  private async send(reply: Reply, respond: RespondFn, client: WebClient, channelId: string, opts: { replaceOriginal: boolean }): Promise<void> {
    const images = reply.images ?? [];
    // Uploads are public: an ephemeral answer says so instead of leaking its chart into the channel.
    const text = reply.ephemeral && images.length ? `${reply.text}\n\n_(The chart is only posted with public answers.)_` : reply.text;
    const { text: fallback, blocks } = renderSlack({ ...reply, text, images: reply.ephemeral ? [] : images });
    await respond({
      text: fallback,
      blocks,
      ...(opts.replaceOriginal ? { replace_original: true } : { replace_original: false, response_type: reply.ephemeral ? 'ephemeral' : 'in_channel' }),
    } as Parameters<RespondFn>[0]);
    if (!reply.ephemeral) {
      const note = await uploadImages(client, channelId, images);
      if (note) await respond({ response_type: 'ephemeral', replace_original: false, text: note });
    }
  }

  /** The one place adapter failures are answered: once, ephemeral, with an error id. */
  private async apologize(respond: RespondFn, err: unknown): Promise<void> {
    const errorId = newErrorId();
    log_.error({ err, errorId }, 'slack request failed');
    try {
      const { text, blocks } = renderSlack(internalErrorReply(errorId));
      await respond({ response_type: 'ephemeral', replace_original: false, text, blocks } as Parameters<RespondFn>[0]);
    } catch (again) {
      log_.error({ err: again, errorId }, 'could not even apologize');
    }
  }
}

function makeOutbox(client: WebClient): Outbox {
  return {
    async post(channelId: string, reply: Reply): Promise<MessageRef> {
      const { text, blocks } = renderSlack(reply);
      const res = await client.chat.postMessage({ channel: channelId, text, blocks });
      const note = await uploadImages(client, channelId, reply.images ?? []);
      if (note) log_.warn({ channelId }, 'outbox could not upload a chart: bot not in channel');
      return { platform: 'slack', channelId, messageId: String(res.ts) };
    },
    async edit(ref: MessageRef, reply: Reply): Promise<void> {
      const { text, blocks } = renderSlack(reply);
      await client.chat.update({ channel: ref.channelId, ts: ref.messageId, text, blocks });
    },
  };
}

/** Slack through Bolt: Socket Mode with an app token, else HTTP with the signing secret. */
export class SlackBoltAdapter implements Adapter {
  readonly platform = 'slack';
  readonly audience = 'many';
  readonly app: App;
  readonly outbox: Outbox;
  readonly finished: Promise<void>;
  /** HTTP mode: the receiver's URL for slash commands and interactivity, once started. */
  url?: string;
  /** Our own receiver in Socket Mode, so its client's events are ours to watch (not Bolt's private field). */
  private readonly socket?: SocketModeReceiver;
  /** HTTP mode: Bolt's receiver, mounted on the shared server when there is one, else listening itself. */
  private readonly http?: SlackHttpReceiver;
  private endFinished!: () => void;
  private running = false;
  /** Mounted on the shared server: stop() must not close a server it does not own. */
  private shared = false;
  /** Socket Mode: whether the websocket is up now (it reconnects by itself). */
  private socketUp = false;

  constructor(private readonly opts: SlackAdapterOptions) {
    if (!opts.appToken && !opts.signingSecret) throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
    const clientOptions = {
      ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
      // The default retries for about 30 minutes, which looks like a hang to a user.
      retryConfig: opts.retryConfig ?? { retries: opts.slackApiUrl ? 0 : 2 },
    };
    const logger = boltLogger();
    this.socket = opts.appToken ? new SocketModeReceiver({ appToken: opts.appToken, logger, installerOptions: { clientOptions } }) : undefined;
    this.http = this.socket ? undefined : slackHttpReceiver(opts.signingSecret!, logger);
    this.app = new App({
      token: opts.botToken,
      logger,
      clientOptions,
      ...(this.socket ? { socketMode: true, appToken: opts.appToken, receiver: this.socket } : { receiver: this.http!.receiver }),
    });
    this.socket?.client.on('connected', () => (this.socketUp = true));
    this.socket?.client.on('disconnected', () => (this.socketUp = false));
    this.socket?.client.on('reconnecting', () => (this.socketUp = false));
    this.outbox = makeOutbox(this.app.client);
    this.finished = new Promise((resolve) => (this.endFinished = resolve));
  }

  get name(): string {
    return this.socket ? 'Slack (Socket Mode)' : `Slack (HTTP on port ${this.opts.port ?? 3000})`;
  }

  async start(host: AdapterHost): Promise<void> {
    const { app, opts } = this;
    const claim = host.shared ? (id: string) => host.shared!.claimTrigger(`slack:${id}`, Date.now()) : undefined;
    const handlers = new SlackHandlers(host.runner, this.outbox, opts.prefix ?? '', opts.onSettled, claim);
    app.use(handlers.dedupe);
    app.command(/^\/.+/, (args) => handlers.command(args as any));
    app.action(/^nn:/, (args) => handlers.action(args as any));
    app.error(async (err) => {
      log_.error({ err }, 'bolt error');
    });
    if (this.socket) await app.start();
    else if (host.http) {
      this.http!.mount(host.http as HttpServer);
      this.shared = true;
    } else {
      const server = (await app.start(opts.port ?? 3000)) as Server;
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    }
    this.running = true;
    log_.info({ mode: this.socket ? 'socket' : 'http', url: this.url }, 'slack ready');
  }

  connected(): boolean {
    return this.running && (!this.socket || this.socketUp);
  }

  async stop(): Promise<void> {
    const wasRunning = this.running;
    this.running = false;
    if (wasRunning && this.socket) {
      const gone = new Promise((r) => this.socket!.client.once('disconnected', r));
      await this.app.stop();
      await gone;
    } else if (wasRunning && !this.shared) await this.app.stop();
    this.endFinished();
  }
}

/** Constructs and starts a Bolt adapter with its own runner (tests and the bench). */
export async function startSlack(opts: SlackAdapterOptions & { runner: CoreRunner; shared?: AdapterHost['shared'] }): Promise<SlackBoltAdapter> {
  const adapter = new SlackBoltAdapter(opts);
  await adapter.start({ runner: opts.runner, shared: opts.shared });
  return adapter;
}
