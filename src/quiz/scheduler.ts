// Daily quizzes per channel. Schedules live in the store; each has a timer for its next slot.
// The store remembers the last slot posted, so after downtime exactly one missed quiz is posted
// (the latest missed slot), and two processes can never both post the same slot.
import type { Platform } from '../core/command.ts';
import { log } from '../core/log.ts';
import type { QuizStore, Schedule } from '../store/types.ts';
import type { Clock, TimerHandle } from './clock.ts';
import { nextSlot, previousSlot } from './zonedTime.ts';

export type PostScheduled = (schedule: Schedule, slot: number) => Promise<void>;

function key(platform: Platform, channelId: string): string {
  return `${platform}\u0000${channelId}`;
}

export class Scheduler {
  private readonly timers = new Map<string, TimerHandle>();
  private readonly platforms = new Set<Platform>();

  constructor(
    private readonly store: QuizStore,
    private readonly clock: Clock,
    private readonly post: PostScheduled,
  ) {}

  /** Loads this platform's schedules, posts one catch-up quiz per missed schedule, arms timers. */
  async start(platform: Platform): Promise<void> {
    this.platforms.add(platform);
    for (const s of await this.store.listSchedules(platform)) {
      await this.catchUp(s);
      this.arm(s);
    }
  }

  /** Creates or replaces a channel's schedule; the first quiz comes at the next slot. */
  async set(s: Omit<Schedule, 'lastSlot' | 'createdAt'>): Promise<{ schedule: Schedule; next: number }> {
    const now = this.clock.now();
    // The slot just passed counts as done: a new schedule must not fire a "missed" quiz.
    const schedule: Schedule = { ...s, createdAt: now, lastSlot: previousSlot(s.time, s.timeZone, now) };
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

  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
    this.platforms.clear();
  }

  /** Armed schedules, for tests and logs. */
  armed(): number {
    return this.timers.size;
  }

  private cancel(platform: Platform, channelId: string): void {
    const k = key(platform, channelId);
    this.timers.get(k)?.cancel();
    this.timers.delete(k);
  }

  private async catchUp(s: Schedule): Promise<void> {
    const due = previousSlot(s.time, s.timeZone, this.clock.now());
    if (s.lastSlot !== undefined && due <= s.lastSlot) return;
    await this.fire(s, due);
  }

  private async fire(s: Schedule, slot: number): Promise<void> {
    if (!(await this.store.claimScheduleSlot(s.platform, s.channelId, slot))) return;
    try {
      await this.post(s, slot);
    } catch (err) {
      log.error({ err, channel: s.channelId }, 'quiz: scheduled post failed');
    }
  }

  private arm(s: Schedule): void {
    this.cancel(s.platform, s.channelId);
    const now = this.clock.now();
    const slot = nextSlot(s.time, s.timeZone, now);
    const k = key(s.platform, s.channelId);
    this.timers.set(
      k,
      this.clock.setTimer(slot - now, () => {
        this.timers.delete(k);
        void this.onTimer(s.platform, s.channelId, slot);
      }),
    );
  }

  private async onTimer(platform: Platform, channelId: string, slot: number): Promise<void> {
    // Re-read: the schedule may have been changed or switched off since the timer was set.
    const s = await this.store.getSchedule(platform, channelId);
    if (!s || !this.platforms.has(platform)) return;
    if (this.clock.now() >= slot) await this.fire(s, slot);
    this.arm(s);
  }
}
