// The one shape every chat platform has (as in vercel/chat): constructed from config without
// connecting, started with the shared runner (one work queue for the process), stopped, and an
// outbox for messages posted later (quiz reveals, schedules). start.ts builds the list; nothing
// else needs to know which platforms exist.
import type { Outbox, Platform } from '../core/command.ts';
import type { CoreRunner } from './runner.ts';
import type { QuizStore } from '../store/types.ts';

export const ADAPTER_PLATFORMS = ['console', 'discord', 'slack'] as const satisfies readonly Platform[];
export type AdapterPlatform = (typeof ADAPTER_PLATFORMS)[number];

export interface AdapterHost {
  /** Commands and button clicks of every adapter go through this one runner and its queue. */
  runner: CoreRunner;
  /**
   * A shared HTTP server for adapters that receive webhooks (HTTP interactions, Slack over HTTP),
   * when the process runs one; adapters without it start their own listener or none.
   */
  http?: unknown;
  /**
   * The store when several copies of the bot share it (PostgreSQL): what they must agree on goes
   * through it (Slack trigger ids here; the runner's queue gets the per-user limits). Absent with
   * SQLite: one process, so its own memory is enough.
   */
  shared?: Pick<QuizStore, 'claimTrigger'>;
}

export interface Adapter {
  readonly platform: AdapterPlatform;
  /** For logs and the start-up line, e.g. "Slack (Socket Mode)". */
  readonly name: string;
  /** One person at a keyboard (console) needs no per-user fairness rules in the queue. */
  readonly audience: 'one' | 'many';
  /** Usable once start() has resolved. */
  readonly outbox: Outbox;
  start(host: AdapterHost): Promise<void>;
  stop(): Promise<void>;
  connected(): boolean;
  /** Resolves when the adapter ends by itself (the console's /quit) or after stop(). */
  readonly finished: Promise<void>;
}

/**
 * A slow command's deferral ("thinking…") waits this long: a refusal (busy, cooldown, one request
 * in flight) is decided by then, even through the shared store, and is sent as the private answer
 * itself instead of "thinking…" plus two REST calls to replace it.
 */
export const REFUSAL_GRACE_MS = 50;
