// Time as a dependency: the quiz countdowns and the daily scheduler read the clock and set
// timers only through this, so tests drive them with a fake clock instead of waiting.
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number; // epoch ms
  setTimer(ms: number, fn: () => void): TimerHandle;
}

/** Node's own clock. Timers are unref'd: a pending reveal never keeps a finished process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    // setTimeout overflows past ~24.8 days; schedules re-arm well before that.
    const t = setTimeout(fn, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** A clock that moves only when told to; `advance` runs due timers in time order. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: FakeTimer[] = [];

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 8, 0, 0)) {
    this.t = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: FakeTimer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** Pending timers, for assertions. */
  pending(): number[] {
    return this.timers.filter((x) => !x.cancelled).map((x) => x.at).sort((a, b) => a - b);
  }

  /** Move time forward, firing each due timer at its own time and letting its async work settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers
        .filter((x) => !x.cancelled && x.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      due.cancelled = true;
      this.t = Math.max(this.t, due.at);
      due.fn();
      await settle();
    }
    this.t = end;
    this.timers = this.timers.filter((x) => !x.cancelled);
    await settle();
  }

  /** Jump to an absolute time (as if the process slept), firing due timers. */
  async advanceTo(time: number | Date): Promise<void> {
    const to = typeof time === 'number' ? time : time.getTime();
    await this.advance(Math.max(0, to - this.t));
  }
}

/** Let chained promises (store writes, outbox posts) run to completion. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
