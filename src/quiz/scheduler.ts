// When quiz work happens: reveals at each quiz's closesAt and daily quizzes per channel. The quiz
// service talks only to the Scheduler interface; TimerScheduler (in-process timers, the embedded
// SQLite default) and PgBossScheduler (a job queue on PostgreSQL, for replicas) implement it.
// Timers are only reminders: the store decides who does the work (closeQuiz and the reveal claim
// for reveals, a lease on the slot and claimScheduleSlot for daily slots), so a duplicate or late
// reminder is harmless.
import type { Platform } from '../core/command.ts';
import { log } from '../core/log.ts';
import type { QuizStore, Schedule } from '../store/types.ts';
import type { Clock, TimerHandle } from './clock.ts';
import { nextSlot, previousSlot } from './zonedTime.ts';

export type PostScheduled = (schedule: Schedule, slot: number) => Promise<void>;

/** What the scheduler calls back into the quiz service for. */
export interface SchedulerHandlers {
  /** Close and reveal a quiz whose time is up; safe to call more than once and from several processes. */
  reveal(quizId: string): Promise<void>;
  /** Post the daily quiz of a slot this process has claimed. */
  post: PostScheduled;
  /** Reveal whatever is overdue on a platform (a replica died mid-way); a periodic safety net. */
  recover(platform: Platform): Promise<void>;
}

export type NewSchedule = Omit<Schedule, 'lastSlot' | 'createdAt'>;

export interface Scheduler {
  /** Starts serving a platform: missed daily slots post once, pending reminders are armed. */
  start(platform: Platform): Promise<void>;
  /** Reminds the service to reveal `quizId` at `closesAt` (epoch ms). */
  revealAt(quizId: string, closesAt: number): Promise<void>;
  /** Drops the reminder (the quiz was closed another way). */
  cancelReveal(quizId: string): void;
  /** Creates or replaces a channel's schedule; the first quiz comes at the next slot. */
  set(s: NewSchedule): Promise<{ schedule: Schedule; next: number }>;
  off(platform: Platform, channelId: string): Promise<boolean>;
  show(platform: Platform, channelId: string): Promise<{ schedule: Schedule; next: number } | undefined>;
  /** Reminders held by this process, for tests (TimerScheduler only; a job queue keeps them in the database). */
  pendingReveals(): string[];
  /** Stops taking work; resolves when in-flight work has finished or handed back. */
  stop(): Promise<void>;
}

export type SchedulerFactory = (store: QuizStore, clock: Clock, handlers: SchedulerHandlers) => Scheduler;

function key(platform: Platform, channelId: string): string {
  return `${platform}\u0000${channelId}`;
}

/** The new schedule as stored: the slot just passed counts as done, so setting it never fires a "missed" quiz. */
export function newSchedule(s: NewSchedule, now: number): Schedule {
  return { ...s, createdAt: now, lastSlot: previousSlot(s.time, s.timeZone, now) };
}

/** How long a replica posting a daily slot holds it; if it dies before posting, another posts the slot after this. */
export const SLOT_LEASE_MS = 60_000;

/**
 * Posts one quiz for `slot` if this caller wins the slot. Shared by both schedulers. The slot is
 * leased while it is posted and marked done only after the post: a poster that dies mid-way
 * leaves the slot due, so the next sweep (here or on another replica) posts it once its lease
 * has lapsed, instead of the slot being lost. (Dying in the instant between the post and the
 * mark would post it twice; the lost-slot window it replaces was the whole post.)
 */
export async function fireSlot(store: QuizStore, post: PostScheduled, s: Schedule, slot: number, now: number): Promise<boolean> {
  const claim = `slot:${s.platform}:${s.channelId}:${slot}`;
  if (!(await store.claimOnce(claim, now, SLOT_LEASE_MS))) return false;
  // Re-read: another poster may have finished this (or a later) slot since the caller looked.
  const current = await store.getSchedule(s.platform, s.channelId);
  if (!current || (current.lastSlot !== undefined && current.lastSlot >= slot)) {
    await store.completeClaim(claim);
    return false;
  }
  try {
    await post(s, slot);
  } catch (err) {
    // The platform refused it: logged and not retried (a retry loop could post it many times).
    log.error({ err, channel: s.channelId }, 'quiz: scheduled post failed');
  }
  await store.claimScheduleSlot(s.platform, s.channelId, slot);
  await store.completeClaim(claim);
  return true;
}

/** The latest slot due and not yet posted, if any: after downtime exactly one missed quiz is posted. */
export function dueSlot(s: Schedule, now: number): number | undefined {
  const due = previousSlot(s.time, s.timeZone, now);
  return s.lastSlot !== undefined && due <= s.lastSlot ? undefined : due;
}

/** In-process timers on the service's clock (today's single-process behaviour). */
export class TimerScheduler implements Scheduler {
  private readonly dailyTimers = new Map<string, TimerHandle>();
  private readonly revealTimers = new Map<string, TimerHandle>();
  private readonly platforms = new Set<Platform>();

  constructor(
    private readonly store: QuizStore,
    private readonly clock: Clock,
    private readonly handlers: SchedulerHandlers,
  ) {}

  async start(platform: Platform): Promise<void> {
    this.platforms.add(platform);
    for (const s of await this.store.listSchedules(platform)) {
      const due = dueSlot(s, this.clock.now());
      if (due !== undefined) await fireSlot(this.store, this.handlers.post, s, due, this.clock.now());
      this.arm(s);
    }
  }

  async revealAt(quizId: string, closesAt: number): Promise<void> {
    this.cancelReveal(quizId);
    this.revealTimers.set(
      quizId,
      this.clock.setTimer(closesAt - this.clock.now(), () => {
        this.revealTimers.delete(quizId);
        void this.handlers.reveal(quizId);
      }),
    );
  }

  cancelReveal(quizId: string): void {
    this.revealTimers.get(quizId)?.cancel();
    this.revealTimers.delete(quizId);
  }

  pendingReveals(): string[] {
    return [...this.revealTimers.keys()];
  }

  async set(s: NewSchedule): Promise<{ schedule: Schedule; next: number }> {
    const now = this.clock.now();
    const schedule = newSchedule(s, now);
    await this.store.saveSchedule(schedule);
    if (this.platforms.has(s.platform)) this.arm(schedule);
    return { schedule, next: nextSlot(s.time, s.timeZone, now) };
  }

  async off(platform: Platform, channelId: string): Promise<boolean> {
    this.cancel(platform, channelId);
    return this.store.deleteSchedule(platform, channelId);
  }

  async show(platform: Platform, channelId: string): Promise<{ schedule: Schedule; next: number } | undefined> {
    const schedule = await this.store.getSchedule(platform, channelId);
    return schedule && { schedule, next: nextSlot(schedule.time, schedule.timeZone, this.clock.now()) };
  }

  async stop(): Promise<void> {
    for (const t of [...this.dailyTimers.values(), ...this.revealTimers.values()]) t.cancel();
    this.dailyTimers.clear();
    this.revealTimers.clear();
    this.platforms.clear();
  }

  /** Armed daily schedules, for tests and logs. */
  armed(): number {
    return this.dailyTimers.size;
  }

  private cancel(platform: Platform, channelId: string): void {
    const k = key(platform, channelId);
    this.dailyTimers.get(k)?.cancel();
    this.dailyTimers.delete(k);
  }

  private arm(s: Schedule): void {
    this.cancel(s.platform, s.channelId);
    const now = this.clock.now();
    const slot = nextSlot(s.time, s.timeZone, now);
    const k = key(s.platform, s.channelId);
    this.dailyTimers.set(
      k,
      this.clock.setTimer(slot - now, () => {
        this.dailyTimers.delete(k);
        void this.onTimer(s.platform, s.channelId, slot);
      }),
    );
  }

  private async onTimer(platform: Platform, channelId: string, slot: number): Promise<void> {
    // Re-read: the schedule may have been changed or switched off since the timer was set.
    const s = await this.store.getSchedule(platform, channelId);
    if (!s || !this.platforms.has(platform)) return;
    if (this.clock.now() >= slot) await fireSlot(this.store, this.handlers.post, s, slot, this.clock.now());
    this.arm(s);
  }
}
