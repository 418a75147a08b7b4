// Every command's work goes through one bounded queue so that chat platforms stay responsive: one
// job runs at a time (tfjs and chart rendering compute synchronously on this thread), the event
// loop gets a turn between jobs (gateway heartbeats, Slack acks, Discord defers), light jobs go
// ahead of waiting heavy ones, a user may have one heavy job in flight and must wait a short
// cooldown between heavy jobs, and when the queue is full the user is told "busy, try again in
// N s" at once instead of waiting. Measured in bench/platforms.bench.ts: without the queue, 10
// chart requests arriving together held the event loop for 0.8 s; with a fixed 15 ms gap between
// 400 ms jobs, defers waited seconds for I/O time, hence the gap proportional to the job.
import type { Reply } from './reply.ts';

export interface QueueOptions {
  /** Heavy jobs running at once. tfjs on the main thread computes synchronously, so 1 is the honest default. */
  concurrency: number;
  /** Jobs allowed to wait; one more is refused with a "busy" reply. */
  maxQueued: number;
  /** Minimum time between two heavy requests of the same user. */
  cooldownMs: number;
  /** Starting guess of a job's duration, refined as jobs finish (for the "try again in N s"). */
  initialJobMs?: number;
  /**
   * Idle time given to the event loop before each job. One setImmediate turn is not enough: a REST
   * call (a Discord defer, a Slack response) needs several loop turns to go out and come back.
   * The gap grows with the previous job so that I/O gets `ioShare` of the time, up to `maxGapMs`.
   */
  gapMs?: number;
  ioShare?: number;
  maxGapMs?: number;
  now?: () => number;
  /**
   * Per-user limits shared with other copies of the bot (the store, see src/store/gate.ts),
   * asked after this queue's own checks pass. When it cannot be asked (database down), the
   * local limits alone apply: a slow database must not stop the bot from answering.
   */
  gate?: UserGate;
}

/** A cross-process per-user in-flight limit and cooldown. */
export interface UserGate {
  acquire(userId: string): Promise<{ reason: 'in-flight' | 'cooldown'; retryAfterMs: number } | undefined>;
  release(userId: string): Promise<void>;
}

export const DEFAULT_QUEUE: QueueOptions = { concurrency: 1, maxQueued: 20, cooldownMs: 3000, initialJobMs: 2000, gapMs: 15, ioShare: 0.2, maxGapMs: 250 };

export type Refusal = { reason: 'busy' | 'cooldown' | 'in-flight'; retryAfterS: number; reply: Reply };

export interface QueueStats {
  running: number;
  queued: number;
  completed: number;
  refused: Record<Refusal['reason'], number>;
  /** Longest time a job waited for its turn (ms). */
  maxWaitMs: number;
}

interface Waiting {
  start: () => void;
  heavy: boolean;
}

export interface JobOptions {
  /** Model inference: subject to the per-user in-flight limit and cooldown. Default true. */
  heavy?: boolean;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  private readonly lastStart = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private avgJobMs: number;
  private lastJobMs = 0;
  private readonly now: () => number;
  readonly stats: QueueStats = { running: 0, queued: 0, completed: 0, refused: { busy: 0, cooldown: 0, 'in-flight': 0 }, maxWaitMs: 0 };

  constructor(private readonly opts: QueueOptions = DEFAULT_QUEUE) {
    this.avgJobMs = opts.initialJobMs ?? 2000;
    this.now = opts.now ?? (() => performance.now());
  }

  /** Why `userId` may not start a job now, if so. */
  check(userId: string, heavy = true): Refusal | undefined {
    if (heavy && this.inFlight.has(userId)) {
      const s = Math.max(1, Math.ceil(this.avgJobMs / 1000));
      return refusal('in-flight', s, `⏳ Your previous request is still running. Try again in about ${s} s.`);
    }
    const last = this.lastStart.get(userId);
    if (heavy && last !== undefined && this.now() - last < this.opts.cooldownMs) {
      const s = Math.max(1, Math.ceil((this.opts.cooldownMs - (this.now() - last)) / 1000));
      return refusal('cooldown', s, `⏳ Easy there: one model request every ${Math.round(this.opts.cooldownMs / 1000)} s. Try again in ${s} s.`);
    }
    if (this.waiting.length >= this.opts.maxQueued) {
      const s = Math.max(1, Math.ceil(((this.waiting.length + this.running) * this.avgJobMs) / this.opts.concurrency / 1000));
      return refusal('busy', s, `⏳ I'm busy with ${this.waiting.length + this.running} requests right now. Try again in ${s} s.`);
    }
    return undefined;
  }

  /**
   * Runs `job` as a heavy job for `userId`, or returns the refusal (and never runs it).
   * The job starts on a fresh macrotask, so I/O queued before it is served first.
   */
  async run<T>(userId: string, job: () => Promise<T> | T, opts: JobOptions = {}): Promise<{ ok: true; value: T } | { ok: false; refusal: Refusal }> {
    const heavy = opts.heavy ?? true;
    const refused = this.check(userId, heavy);
    if (refused) {
      this.stats.refused[refused.reason] += 1;
      return { ok: false, refusal: refused };
    }
    const previousStart = this.lastStart.get(userId);
    if (heavy) {
      this.inFlight.add(userId);
      this.lastStart.set(userId, this.now());
    }
    const gated = heavy && this.opts.gate ? await this.acquireGate(userId) : false;
    if (gated !== false && gated !== true) {
      this.inFlight.delete(userId);
      if (previousStart === undefined) this.lastStart.delete(userId);
      else this.lastStart.set(userId, previousStart);
      this.stats.refused[gated.reason] += 1;
      return { ok: false, refusal: gated };
    }
    const enqueued = this.now();
    try {
      await this.slot(heavy);
      this.stats.maxWaitMs = Math.max(this.stats.maxWaitMs, this.now() - enqueued);
      const gap = this.gap();
      await new Promise<void>((r) => (gap > 0 ? setTimeout(r, gap) : setImmediate(r)));
      const t0 = this.now();
      try {
        return { ok: true, value: await job() };
      } finally {
        this.lastJobMs = this.now() - t0;
        this.avgJobMs = 0.8 * this.avgJobMs + 0.2 * this.lastJobMs;
        this.stats.completed += 1;
        this.release();
      }
    } finally {
      if (heavy) {
        this.inFlight.delete(userId);
        this.lastStart.set(userId, this.now());
      }
      if (gated === true) await this.opts.gate!.release(userId).catch(() => undefined);
    }
  }

  /** true: acquired (release it later); false: gate unreachable, local limits only; else the refusal. */
  private async acquireGate(userId: string): Promise<boolean | Refusal> {
    let refused: Awaited<ReturnType<UserGate['acquire']>>;
    try {
      refused = await this.opts.gate!.acquire(userId);
    } catch {
      return false;
    }
    if (!refused) return true;
    const s = Math.max(1, Math.ceil(refused.retryAfterMs / 1000));
    return refused.reason === 'in-flight'
      ? refusal('in-flight', s, `⏳ Your previous request is still running. Try again in about ${s} s.`)
      : refusal('cooldown', s, `⏳ Easy there: one model request every ${Math.round(this.opts.cooldownMs / 1000)} s. Try again in ${s} s.`);
  }

  /** Before a job: the minimum gap, or enough to give I/O its share next to the previous job. */
  private gap(): number {
    const share = this.opts.ioShare ?? 0;
    const proportional = share > 0 && share < 1 ? (this.lastJobMs * share) / (1 - share) : 0;
    return Math.round(Math.min(Math.max(this.opts.gapMs ?? 0, proportional), this.opts.maxGapMs ?? Infinity));
  }

  private slot(heavy: boolean): Promise<void> {
    if (this.running < this.opts.concurrency) {
      this.running += 1;
      this.syncStats();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const entry = { start: resolve, heavy };
      // Light jobs (help, explainers) overtake waiting model jobs, keeping their order among themselves.
      const firstHeavy = heavy ? -1 : this.waiting.findIndex((w) => w.heavy);
      if (firstHeavy < 0) this.waiting.push(entry);
      else this.waiting.splice(firstHeavy, 0, entry);
      this.syncStats();
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start(); // the slot passes straight to the next job
    else this.running -= 1;
    this.syncStats();
  }

  private syncStats(): void {
    this.stats.running = this.running;
    this.stats.queued = this.waiting.length;
  }
}

function refusal(reason: Refusal['reason'], retryAfterS: number, text: string): Refusal {
  return { reason, retryAfterS, reply: { text, ephemeral: true } };
}
