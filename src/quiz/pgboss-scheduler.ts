// Reminders that survive replicas: pg-boss (a job queue in PostgreSQL, SKIP LOCKED) holds them, so
// whichever replica is alive at closesAt or at a daily slot does the work, and a job whose replica
// died mid-way expires and is retried elsewhere. The job queue gives "at least once"; the store's
// claims (closeQuiz + the reveal claim, the slot's lease and claimScheduleSlot) make it "exactly once".
//   nn-quiz-reveal  delayed job per quiz, startAfter = closesAt
//   nn-quiz-daily   delayed job per schedule, startAfter = its next slot (slots come from
//                   zonedTime: local time in the schedule's IANA zone, DST included); each run
//                   queues the next one
//   nn-quiz-sweep   pg-boss cron, every minute, one replica: reveals anything overdue and posts any
//                   due slot whose job was lost, so no reminder depends on one process
import PgBoss from 'pg-boss';
import type { Platform } from '../core/command.ts';
import { log } from '../core/log.ts';
import type { QuizStore, Schedule } from '../store/types.ts';
import type { Clock } from './clock.ts';
import { dueSlot, fireSlot, newSchedule, type NewSchedule, type Scheduler, type SchedulerFactory, type SchedulerHandlers } from './scheduler.ts';
import { nextSlot } from './zonedTime.ts';

export const QUEUES = { reveal: 'nn-quiz-reveal', daily: 'nn-quiz-daily', sweep: 'nn-quiz-sweep' } as const;

export interface PgBossOptions {
  connectionString: string;
  /** pg-boss's own tables live here (default "pgboss"); tests use one per run. */
  schema?: string;
  /** How often idle workers look for due jobs (default 1 s; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** The safety-net sweep (default every minute). */
  sweepCron?: string;
  /** A job not finished in this time (its replica died) is retried elsewhere (default 60 s). */
  expireInSeconds?: number;
}

/** PostgreSQL's "deadlock detected": it rolled this transaction back so the other could go on. */
const DEADLOCK = '40P01';

/**
 * pg-boss's createQueue, safe when replicas start together on a fresh database: its create_queue
 * inserts the queue row and then adds a foreign key to the queue table in one transaction, so two
 * processes creating queues at once deadlock and PostgreSQL rolls one back. Creating a queue that
 * exists is a no-op, so the one rolled back simply tries again after a short random pause.
 */
export async function createQueueOnce(boss: Pick<PgBoss, 'createQueue'>, name: string, options: PgBoss.Queue, attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name, options);
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw err;
      log.debug({ queue: name, attempt }, 'quiz: job queue creation deadlocked with another replica; trying again');
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 100 * attempt));
    }
  }
}

interface RevealJob {
  quizId: string;
}
interface DailyJob {
  platform: Platform;
  channelId: string;
  slot: number;
}

export class PgBossScheduler implements Scheduler {
  private boss: PgBoss | undefined;
  private booting: Promise<PgBoss> | undefined;
  private readonly platforms = new Set<Platform>();

  constructor(
    private readonly store: QuizStore,
    private readonly clock: Clock,
    private readonly handlers: SchedulerHandlers,
    private readonly opts: PgBossOptions,
  ) {}

  static factory(opts: PgBossOptions): SchedulerFactory {
    return (store, clock, handlers) => new PgBossScheduler(store, clock, handlers, opts);
  }

  private boot(): Promise<PgBoss> {
    this.booting ??= (async () => {
      const boss = new PgBoss({ connectionString: this.opts.connectionString, schema: this.opts.schema ?? 'pgboss', max: 4 });
      boss.on('error', (err) => log.error({ err }, 'quiz: job queue error'));
      await boss.start();
      const queue = { retryLimit: 20, retryDelay: 5, expireInSeconds: this.opts.expireInSeconds ?? 60 };
      for (const name of Object.values(QUEUES)) await createQueueOnce(boss, name, { name, ...queue });
      await boss.schedule(QUEUES.sweep, this.opts.sweepCron ?? '* * * * *', {}, { tz: 'UTC' });
      const polling = { pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 1, batchSize: 1 };
      await boss.work<RevealJob>(QUEUES.reveal, polling, async ([job]) => this.handlers.reveal(job.data.quizId));
      await boss.work<DailyJob>(QUEUES.daily, polling, async ([job]) => this.onDaily(job.data));
      await boss.work(QUEUES.sweep, polling, async () => this.sweep());
      this.boss = boss;
      return boss;
    })();
    return this.booting;
  }

  async start(platform: Platform): Promise<void> {
    await this.boot();
    this.platforms.add(platform);
    await this.sweepPlatform(platform);
  }

  async revealAt(quizId: string, closesAt: number): Promise<void> {
    const boss = await this.boot();
    await boss.send(QUEUES.reveal, { quizId } satisfies RevealJob, { startAfter: new Date(closesAt) });
  }

  /** Nothing to do: the job finds the quiz closed and ends. */
  cancelReveal(): void {}

  pendingReveals(): string[] {
    return [];
  }

  async set(s: NewSchedule): Promise<{ schedule: Schedule; next: number }> {
    const now = this.clock.now();
    const schedule = newSchedule(s, now);
    await this.store.saveSchedule(schedule);
    const next = nextSlot(s.time, s.timeZone, now);
    await this.queueSlot(schedule, next);
    return { schedule, next };
  }

  /** The slot's job stays queued; it finds no schedule and ends. */
  async off(platform: Platform, channelId: string): Promise<boolean> {
    return this.store.deleteSchedule(platform, channelId);
  }

  async show(platform: Platform, channelId: string): Promise<{ schedule: Schedule; next: number } | undefined> {
    const schedule = await this.store.getSchedule(platform, channelId);
    return schedule && { schedule, next: nextSlot(schedule.time, schedule.timeZone, this.clock.now()) };
  }

  /** Stops fetching jobs and waits for running ones (up to 10 s); unfinished ones are retried by another replica. */
  async stop(): Promise<void> {
    this.platforms.clear();
    const booting = this.booting;
    this.booting = undefined;
    if (!booting) return;
    const boss = await booting.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = undefined;
  }

  /** Reveals overdue quizzes and posts due slots on every platform served here (the cron job; tests call it). */
  async sweep(): Promise<void> {
    for (const platform of this.platforms) await this.sweepPlatform(platform);
  }

  private async sweepPlatform(platform: Platform): Promise<void> {
    await this.handlers.recover(platform);
    for (const s of await this.store.listSchedules(platform)) {
      const due = dueSlot(s, this.clock.now());
      if (due !== undefined) await fireSlot(this.store, this.handlers.post, s, due, this.clock.now());
      await this.queueSlot(s, nextSlot(s.time, s.timeZone, this.clock.now()));
    }
  }

  /** Queues the job that posts `s` at `slot` (set, sweeps and each run call it; tests too). */
  async queueSlot(s: Schedule, slot: number): Promise<void> {
    const boss = await this.boot();
    // Replicas queue the same slot; pg-boss drops repeats queued in the same 12 h window, and the slot claim makes any other repeat a no-op.
    await boss.send(QUEUES.daily, { platform: s.platform, channelId: s.channelId, slot } satisfies DailyJob, {
      startAfter: new Date(slot),
      singletonKey: `${s.platform}:${s.channelId}:${slot}`,
      singletonSeconds: 12 * 3600, // pg-boss caps throttling at its 12 h archive interval
    });
  }

  private async onDaily(job: DailyJob): Promise<void> {
    if (!this.platforms.has(job.platform)) throw new Error(`platform ${job.platform} is not served by this replica`);
    const s = await this.store.getSchedule(job.platform, job.channelId);
    // Switched off, or moved to another time since this job was queued: a newer job covers it.
    if (!s || nextSlot(s.time, s.timeZone, job.slot - 1) !== job.slot) return;
    await fireSlot(this.store, this.handlers.post, s, job.slot, this.clock.now());
    await this.queueSlot(s, nextSlot(s.time, s.timeZone, Math.max(job.slot, this.clock.now())));
  }
}
