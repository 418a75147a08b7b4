// Discord over HTTP interactions as an adapter: constructed from config without any network call,
// started by mounting POST /discord/interactions on the replica's shared HTTP server. There is no
// gateway connection: the bot token is used only for REST (channel posts for quiz reveals and
// schedules); interaction answers go to authless webhooks. A replica therefore starts even while
// Discord is unreachable, and any replica behind the load balancer can answer any interaction.
import type { Outbox } from '../../core/command.ts';
import type { HttpServer } from '../../ops/http-server.ts';
import type { Adapter, AdapterHost } from '../adapter.ts';
import { DiscordHttpInteractions } from './interactions.ts';
import { makeRest, restOutbox } from './outbox.ts';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/** The Interactions Endpoint URL to paste into the Developer Portal, from the public base URL. */
export function interactionsEndpoint(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--url must be a URL like https://your.host (got ${JSON.stringify(base.slice(0, 100))})`);
  }
  if (url.protocol !== 'https:') throw new Error('--url must be https:// (Discord only calls HTTPS endpoints)');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path.endsWith(DISCORD_INTERACTIONS_PATH) ? path : path + DISCORD_INTERACTIONS_PATH}`;
}

export interface DiscordHttpAdapterOptions {
  publicKey: string;
  /** Bot token for channel posts; optional for answering interactions alone. */
  token?: string;
  /** REST base (the loopback stand-in in tests). */
  restApi?: string;
  deferAfterMs?: number;
  onSettled?: (interactionId: string) => void;
  /** How long stop() waits for answers still being sent. */
  drainMs?: number;
}

export class DiscordHttpAdapter implements Adapter {
  readonly platform = 'discord' as const;
  readonly name = 'Discord (HTTP interactions)';
  readonly audience = 'many' as const;
  readonly outbox: Outbox;
  readonly finished: Promise<void>;
  private finish!: () => void;
  private interactions?: DiscordHttpInteractions;
  private readonly rest;

  constructor(private readonly opts: DiscordHttpAdapterOptions) {
    this.rest = makeRest(opts.token, opts.restApi);
    this.outbox = restOutbox(this.rest);
    this.finished = new Promise((r) => (this.finish = r));
  }

  async start(host: AdapterHost): Promise<void> {
    const http = host.http as HttpServer | undefined;
    if (!http) throw new Error('Discord HTTP interactions need the shared HTTP server (PORT)');
    this.interactions = new DiscordHttpInteractions({
      publicKey: this.opts.publicKey,
      runner: host.runner,
      rest: this.rest,
      outbox: this.outbox,
      deferAfterMs: this.opts.deferAfterMs,
      onSettled: this.opts.onSettled,
    });
    http.route('POST', DISCORD_INTERACTIONS_PATH, this.interactions.handle);
  }

  /** Answers in flight (deferred edits, follow-ups). */
  get pending(): number {
    return this.interactions?.pending ?? 0;
  }

  /** Stateless: ready as soon as the route is mounted. */
  connected(): boolean {
    return this.interactions !== undefined;
  }

  async stop(): Promise<void> {
    await this.interactions?.drain(this.opts.drainMs ?? 10_000);
    this.finish();
  }
}
