// Discord over HTTP interactions (the "Interactions Endpoint URL"): POST /discord/interactions.
// Every request's Ed25519 signature is checked first; a bad or stale one gets 401 and nothing else
// happens. Commands and buttons run through the same CoreRunner (queue, cooldowns) and the same
// renderer as the gateway adapter. The HTTP response is the interaction callback: a fast answer
// without files goes inline (type 4, or 7 for a button that updates its message); otherwise the
// request is deferred (5 / 6) and the answer is sent over REST to the interaction webhook
// (PATCH @original, with the PNGs as multipart files). Nothing here calls Discord at start-up.
import { REFUSAL_GRACE_MS } from '../adapter.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { ApplicationCommandOptionType, ComponentType, InteractionResponseType, InteractionType, type REST } from 'discord.js';
import type { ButtonReply, Outbox, RequestContext } from '../../core/command.ts';
import { autocomplete, internalErrorReply, type Invocation, type Outcome } from '../../core/dispatch.ts';
import { newErrorId } from '../../core/errors.ts';
import { log } from '../../core/log.ts';
import type { Reply } from '../../core/reply.ts';
import { withRequestId } from '../../core/request-id.ts';
import { sendJson } from '../../ops/http-server.ts';
import { metrics } from '../../ops/metrics.ts';
import type { CoreRunner } from '../runner.ts';
import { EPHEMERAL, renderDiscord, type DiscordMessage } from '../discord/render.ts';
import { apiMessage, InteractionWebhook } from './outbox.ts';
import { checkSignature, importDiscordPublicKey } from './verify.ts';

/** Interaction types (request) and callback types (response), from Discord's API reference. */
const { Ping: PING, ApplicationCommand: APPLICATION_COMMAND, MessageComponent: MESSAGE_COMPONENT, ApplicationCommandAutocomplete: AUTOCOMPLETE } = InteractionType;
const {
  Pong: PONG,
  ChannelMessageWithSource: CHANNEL_MESSAGE,
  DeferredChannelMessageWithSource: DEFERRED_CHANNEL_MESSAGE,
  DeferredMessageUpdate: DEFERRED_UPDATE_MESSAGE,
  UpdateMessage: UPDATE_MESSAGE,
  ApplicationCommandAutocompleteResult: AUTOCOMPLETE_RESULT,
} = InteractionResponseType;
const SUBCOMMAND = ApplicationCommandOptionType.Subcommand;
const BUTTON = ComponentType.Button;

/** Leaves room inside Discord's 3-second window for the response to travel. */
export const HTTP_DEFER_AFTER_MS = 1500;

export interface DiscordHttpOptions {
  /** The application's Public Key (64 hex characters). */
  publicKey: string;
  runner: CoreRunner;
  /** REST client for webhooks (authless) and, through `outbox`, channel posts (bot token). */
  rest: REST;
  outbox: Outbox;
  deferAfterMs?: number;
  /** Called when an interaction has been fully answered, including REST follow-ups (tests, bench). */
  onSettled?: (interactionId: string) => void;
  now?: () => number;
}

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: RawOption[];
}

interface RawUser {
  id: string;
  username: string;
}

/** The fields of an interaction payload we read (Discord sends many more). */
export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  data?: { name?: string; options?: RawOption[]; custom_id?: string; component_type?: number };
  guild_id?: string;
  channel_id?: string;
  member?: { user: RawUser };
  user?: RawUser;
}

const log_ = log.child({ platform: 'discord', mode: 'http' });

/** Flatten the typed options (one level of subcommand) into an invocation, as the gateway adapter does. */
export function invocationOfRaw(data: NonNullable<RawInteraction['data']>): Invocation & { focused?: RawOption } {
  let opts = data.options ?? [];
  let subcommand: string | undefined;
  if (opts.length === 1 && opts[0].type === SUBCOMMAND) {
    subcommand = opts[0].name;
    opts = opts[0].options ?? [];
  }
  const options: Record<string, unknown> = {};
  let focused: RawOption | undefined;
  for (const o of opts) {
    if (o.value !== undefined) options[o.name] = o.value;
    if (o.focused) focused = o;
  }
  return { command: String(data.name ?? ''), subcommand, options, focused };
}

function isInteraction(x: unknown): x is RawInteraction {
  const i = x as RawInteraction;
  return typeof i === 'object' && i !== null && typeof i.type === 'number' && typeof i.id === 'string' && typeof i.token === 'string' && typeof i.application_id === 'string';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export class DiscordHttpInteractions {
  private readonly key: KeyObject;
  private readonly deferAfterMs: number;
  /** Answers still being sent over REST (graceful shutdown waits for them). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: DiscordHttpOptions) {
    this.key = importDiscordPublicKey(opts.publicKey);
    this.deferAfterMs = opts.deferAfterMs ?? HTTP_DEFER_AFTER_MS;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Waits for follow-ups in flight, up to `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** The route handler for POST /discord/interactions (the body already read, raw). */
  handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const nowS = (this.opts.now?.() ?? Date.now()) / 1000;
    const check = checkSignature(this.key, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), rawBody: body }, nowS);
    if (!check.ok) {
      log_.info({ reason: check.reason }, 'refused an interaction: bad signature');
      metrics.refusals.inc({ reason: 'signature' });
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (!isInteraction(payload)) return sendJson(res, 400, { error: 'not an interaction' });
    const i = payload;
    if (i.type === PING) return sendJson(res, 200, { type: PONG });
    const work = withRequestId(i.id, () => this.interaction(i, res));
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
      this.opts.onSettled?.(i.id);
    }
  };

  private async interaction(i: RawInteraction, res: ServerResponse): Promise<void> {
    const hook = new InteractionWebhook(this.opts.rest, i.application_id, i.token);
    try {
      if (i.type === APPLICATION_COMMAND && i.data) await this.command(i, res, hook);
      else if (i.type === MESSAGE_COMPONENT && i.data?.component_type === BUTTON && i.data.custom_id) await this.button(i, res, hook);
      else if (i.type === AUTOCOMPLETE && i.data) this.autocomplete(i, res);
      else sendJson(res, 400, { error: 'unsupported interaction type' });
    } catch (err) {
      await this.apologize(i, res, hook, err);
    }
  }

  private context(i: RawInteraction): RequestContext {
    const user = i.member?.user ?? i.user;
    return { platform: 'discord', userId: user?.id ?? '', userName: user?.username ?? '', channelId: i.channel_id ?? '', serverId: i.guild_id, outbox: this.opts.outbox };
  }

  /**
   * Runs `work`, answering inline when it finishes in time and `inline` gives a body; otherwise
   * sends the deferral (after the refusal grace when `deferNow`) and reports that the answer must
   * go over REST.
   */
  private async respond<R extends Reply>(res: ServerResponse, deferNow: boolean, deferType: number, work: () => Promise<Outcome<R>>, inline: (r: R) => object | undefined): Promise<{ outcome: Outcome<R>; deferred: boolean }> {
    let deferred = false;
    const defer = () => {
      if (deferred || res.headersSent) return;
      deferred = true;
      sendJson(res, 200, { type: deferType });
    };
    const timer = setTimeout(defer, deferNow ? Math.min(REFUSAL_GRACE_MS, this.deferAfterMs) : this.deferAfterMs);
    let outcome: Outcome<R>;
    try {
      outcome = await work();
    } finally {
      clearTimeout(timer);
    }
    if (!deferred) {
      const body = inline(outcome.reply);
      if (body) {
        sendJson(res, 200, body);
        return { outcome, deferred: false };
      }
      defer();
    }
    return { outcome, deferred: true };
  }

  private async command(i: RawInteraction, res: ServerResponse, hook: InteractionWebhook): Promise<void> {
    const { focused: _f, ...inv } = invocationOfRaw(i.data!);
    const ctx = this.context(i);
    const { outcome, deferred } = await this.respond(
      res,
      this.opts.runner.shouldDeferAtOnce(inv.command),
      DEFERRED_CHANNEL_MESSAGE,
      () => this.opts.runner.command(inv, ctx),
      (reply) => {
        const { first } = renderDiscord(reply);
        return first.files.length ? undefined : { type: CHANNEL_MESSAGE, data: apiMessage(first) };
      },
    );
    logOutcome(`/${inv.command}`, outcome);
    const { first, followUps } = renderDiscord(outcome.reply);
    if (deferred) {
      if (outcome.reply.ephemeral) {
        // A public "thinking…" cannot become ephemeral: remove it and answer privately.
        await hook.deleteOriginal();
        await hook.followUp(first);
      } else await hook.editOriginal(first);
    }
    for (const f of followUps) await hook.followUp(f);
  }

  private async button(i: RawInteraction, res: ServerResponse, hook: InteractionWebhook): Promise<void> {
    const id = i.data!.custom_id!;
    const command = id.slice(0, Math.max(0, id.indexOf(':')));
    const ctx = this.context(i);
    const updates = (r: ButtonReply) => r.mode === 'update' && !r.ephemeral;
    const { outcome, deferred } = await this.respond<ButtonReply>(
      res,
      this.opts.runner.shouldDeferAtOnce(command, true),
      DEFERRED_UPDATE_MESSAGE,
      () => this.opts.runner.button(id, ctx),
      (reply) => {
        const { first } = renderDiscord(reply);
        if (first.files.length) return undefined;
        return updates(reply) ? { type: UPDATE_MESSAGE, data: apiMessage(first, { withFlags: false }) } : { type: CHANNEL_MESSAGE, data: apiMessage(first) };
      },
    );
    logOutcome(`button ${id.slice(0, 100)}`, outcome);
    const { first, followUps } = renderDiscord(outcome.reply);
    if (deferred) {
      // After a deferred update, @original is the message the button is on.
      if (updates(outcome.reply)) await hook.editOriginal(first);
      else await hook.followUp(first);
    }
    for (const f of followUps) await hook.followUp(f);
  }

  private autocomplete(i: RawInteraction, res: ServerResponse): void {
    const { command, subcommand, focused } = invocationOfRaw(i.data!);
    const choices = focused ? autocomplete(this.opts.runner.registry, command, subcommand, focused.name, String(focused.value ?? '')) : [];
    sendJson(res, 200, { type: AUTOCOMPLETE_RESULT, data: { choices: choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })) } });
  }

  /** The one place failures are answered: once, ephemeral, with an error id. */
  private async apologize(i: RawInteraction, res: ServerResponse, hook: InteractionWebhook, err: unknown): Promise<void> {
    const errorId = newErrorId();
    log_.error({ err, errorId, interaction: i.id }, 'discord interaction failed');
    const { first } = renderDiscord(internalErrorReply(errorId));
    const msg: DiscordMessage = { ...first, flags: EPHEMERAL };
    try {
      if (!res.headersSent) sendJson(res, 200, { type: CHANNEL_MESSAGE, data: apiMessage(msg) });
      else await hook.followUp(msg);
    } catch (again) {
      log_.error({ err: again, errorId }, 'could not even apologize');
    }
  }
}

function logOutcome(what: string, outcome: Outcome<Reply>): void {
  if (outcome.status === 'internal-error') log_.warn({ what, errorId: outcome.errorId }, 'answered with an apology');
}
