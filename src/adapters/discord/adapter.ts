// Discord: interactions → core requests, Replies → interaction responses. Answers within Discord's
// 3-second window: a fast handler's reply goes out at once; a `slow` command, or any command that
// has to wait behind other work in the queue, is deferred at once (before the CPU is busy again);
// any other is deferred if it has not finished after DEFER_AFTER_MS; the deferred reply is then edited.
import { REFUSAL_GRACE_MS } from '../adapter.ts';
import {
  Client,
  Events,
  GatewayIntentBits,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import { buttonCommand } from '../../core/button-id.ts';
import type { ButtonReply, MessageRef, Outbox, PostOptions, RequestContext } from '../../core/command.ts';
import { autocomplete, internalErrorReply, type Invocation, type Outcome } from '../../core/dispatch.ts';
import { newErrorId } from '../../core/errors.ts';
import { log } from '../../core/log.ts';
import type { Reply } from '../../core/reply.ts';
import type { Adapter, AdapterHost } from '../adapter.ts';
import type { CoreRunner } from '../runner.ts';
import { EPHEMERAL, renderDiscord, type DiscordMessage } from './render.ts';
import { restMessage, withNonce } from './rest-message.ts';

export const DEFER_AFTER_MS = 1500;

export interface DiscordAdapterOptions {
  token: string;
  /** REST base, e.g. the loopback stand-in's http://127.0.0.1:PORT/api (tests, bench). */
  restApi?: string;
  deferAfterMs?: number;
  /** Called when an interaction has been fully answered (tests and the bench wait on it). */
  onSettled?: (interactionId: string) => void;
}

const log_ = log.child({ platform: 'discord' });

/** Flatten Discord's typed options (one level of subcommand) into an invocation. */
export function invocationOf(i: ChatInputCommandInteraction): Invocation {
  let data: readonly CommandInteractionOption[] = i.options.data;
  let subcommand: string | undefined;
  if (data.length === 1 && data[0].type === 1) {
    subcommand = data[0].name;
    data = data[0].options ?? [];
  }
  const options: Record<string, unknown> = {};
  for (const o of data) if (o.value !== undefined) options[o.name] = o.value;
  return { command: i.commandName, subcommand, options };
}

function contextOf(i: Interaction, outbox: Outbox): RequestContext {
  return {
    platform: 'discord',
    userId: i.user.id,
    userName: i.user.username,
    channelId: i.channelId ?? '',
    serverId: i.guildId ?? undefined,
    outbox,
  };
}

function makeOutbox(client: Client): Outbox {
  return {
    async post(channelId: string, reply: Reply, opts: PostOptions = {}): Promise<MessageRef> {
      const { first, followUps } = renderDiscord({ ...reply, ephemeral: false });
      const keyed = (m: DiscordMessage, part: number) => {
        const r = restMessage(m);
        return { ...r, body: withNonce(r.body, opts.key, part) };
      };
      const msg = (await client.rest.post(Routes.channelMessages(channelId), keyed(first, 0))) as { id: string };
      for (const [i, f] of followUps.entries()) await client.rest.post(Routes.channelMessages(channelId), keyed(f, i + 1));
      return { platform: 'discord', channelId, messageId: msg.id };
    },
    async edit(ref: MessageRef, reply: Reply): Promise<void> {
      const { first } = renderDiscord({ ...reply, ephemeral: false });
      await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), restMessage(first));
    },
  };
}

/** Runs `work`; defers the interaction if it is slow (after the refusal grace) or takes longer than `afterMs`. */
async function withDefer<T>(slow: boolean, afterMs: number, defer: () => Promise<unknown>, work: () => Promise<T>): Promise<{ value: T; deferred: boolean }> {
  let deferred = false;
  let deferring: Promise<unknown> | undefined;
  const startDefer = () => {
    deferred = true;
    deferring = defer();
  };
  const timer = setTimeout(startDefer, slow ? Math.min(REFUSAL_GRACE_MS, afterMs) : afterMs);
  try {
    const value = await work();
    return { value, deferred };
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
}

export class DiscordInteractions {
  constructor(
    private readonly runner: CoreRunner,
    readonly outbox: Outbox,
    private readonly deferAfterMs = DEFER_AFTER_MS,
    private readonly onSettled?: (interactionId: string) => void,
  ) {}

  async handle(i: Interaction): Promise<void> {
    try {
      if (i.isChatInputCommand()) await this.command(i);
      else if (i.isAutocomplete()) await this.autocomplete(i);
      else if (i.isButton()) await this.button(i);
    } catch (err) {
      await this.apologize(i, err);
    } finally {
      this.onSettled?.(i.id);
    }
  }

  private async command(i: ChatInputCommandInteraction): Promise<void> {
    const inv = invocationOf(i);
    const ctx = contextOf(i, this.outbox);
    const { value: outcome, deferred } = await withDefer(
      this.runner.shouldDeferAtOnce(inv.command),
      this.deferAfterMs,
      () => i.deferReply(),
      () => this.runner.command(inv, ctx),
    );
    logOutcome(`/${inv.command}`, outcome);
    const { first, followUps } = renderDiscord(outcome.reply);
    if (!deferred) await i.reply(first);
    else if (outcome.reply.ephemeral) {
      // A public "thinking…" cannot become ephemeral: remove it and answer privately.
      await i.deleteReply();
      await i.followUp(first);
    } else await i.editReply(first);
    for (const f of followUps) await i.followUp(f);
  }

  private async button(i: ButtonInteraction): Promise<void> {
    const ctx = contextOf(i, this.outbox);
    const { value: outcome, deferred } = await withDefer(
      this.runner.shouldDeferAtOnce(buttonCommand(i.customId), true),
      this.deferAfterMs,
      () => i.deferUpdate(),
      () => this.runner.button(i.customId, ctx),
    );
    logOutcome(`button ${i.customId}`, outcome);
    const reply: ButtonReply = outcome.reply;
    const { first, followUps } = renderDiscord(reply);
    if (reply.mode === 'update' && !reply.ephemeral) {
      const { flags: _ignored, ...update } = first;
      if (deferred) await i.editReply(update);
      else await i.update(update);
    } else if (deferred) await i.followUp(first);
    else await i.reply(first);
    for (const f of followUps) await i.followUp(f);
  }

  private async autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const sub = i.options.getSubcommand(false) ?? undefined;
    const choices = autocomplete(this.runner.registry, i.commandName, sub, focused.name, String(focused.value));
    await i.respond(choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })));
  }

  /** The one place adapter failures are answered: once, ephemeral, with an error id. */
  private async apologize(i: Interaction, err: unknown): Promise<void> {
    const errorId = newErrorId();
    log_.error({ err, errorId, interaction: i.id }, 'discord interaction failed');
    if (!i.isRepliable()) return;
    const { first } = renderDiscord(internalErrorReply(errorId));
    try {
      if (i.replied || i.deferred) await i.followUp({ ...first, flags: EPHEMERAL });
      else await i.reply({ ...first, flags: EPHEMERAL });
    } catch (again) {
      log_.error({ err: again, errorId }, 'could not even apologize');
    }
  }
}

function logOutcome(what: string, outcome: Outcome<Reply>): void {
  if (outcome.status === 'internal-error') log_.warn({ what, errorId: outcome.errorId }, 'answered with an apology');
}

/** Discord over the Gateway (discord.js): interactions arrive on the websocket. */
export class DiscordGatewayAdapter implements Adapter {
  readonly platform = 'discord';
  readonly name = 'Discord';
  readonly audience = 'many';
  readonly client: Client;
  readonly outbox: Outbox;
  readonly finished: Promise<void>;
  private endFinished!: () => void;
  private ready = false;

  constructor(private readonly opts: DiscordAdapterOptions) {
    // Guilds only: slash commands need no privileged intents.
    // shards 'auto': as many gateway shards as Discord recommends (one until ~2,500 servers).
    this.client = new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', ...(opts.restApi ? { rest: { api: opts.restApi } } : {}) });
    this.outbox = makeOutbox(this.client);
    this.finished = new Promise((resolve) => (this.endFinished = resolve));
  }

  async start(host: AdapterHost): Promise<void> {
    const { client, opts } = this;
    const interactions = new DiscordInteractions(host.runner, this.outbox, opts.deferAfterMs ?? DEFER_AFTER_MS, opts.onSettled);
    client.on(Events.InteractionCreate, (i) => void interactions.handle(i));
    client.on(Events.ShardDisconnect, (ev, shard) => log_.warn({ shard, code: ev.code }, 'gateway disconnected'));
    client.on(Events.ShardReconnecting, (shard) => log_.warn({ shard }, 'gateway reconnecting'));
    client.on(Events.ShardResume, (shard, replayed) => log_.info({ shard, replayed }, 'gateway resumed'));
    client.on(Events.Error, (err) => log_.error({ err }, 'discord client error'));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(opts.token);
    await ready;
    this.ready = true;
    log_.info({ user: client.user?.tag }, 'discord ready');
  }

  connected(): boolean {
    return this.ready && this.client.isReady();
  }

  async stop(): Promise<void> {
    this.ready = false;
    this.client.removeAllListeners(Events.ShardReconnecting);
    this.client.removeAllListeners(Events.ShardDisconnect);
    await this.client.destroy();
    this.endFinished();
  }
}

/** Constructs and starts a Gateway adapter with its own runner (tests and the bench). */
export async function startDiscord(opts: DiscordAdapterOptions & { runner: CoreRunner }): Promise<DiscordGatewayAdapter> {
  const adapter = new DiscordGatewayAdapter(opts);
  await adapter.start({ runner: opts.runner });
  return adapter;
}
