import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/quiz/clock.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import { nextSlot, parseHHMM, previousSlot, zonedInstant } from '../../src/quiz/zonedTime.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { RecordingOutbox, tempDbPath } from './helpers.ts';

/** What a wall clock in `timeZone` reads at `epoch`, computed by Intl alone (the independent check). */
function reads(epoch: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epoch);
}

const H = 3_600_000;

describe('daily slots in a time zone', () => {
  it('parses HH:MM and rejects anything else', () => {
    expect(parseHHMM('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseHHMM('9:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseHHMM('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '9', '09:60', '9am', '', '09:00:00']) expect(parseHHMM(bad), bad).toBeUndefined();
  });

  it('follows the zone offset through summer and winter time', () => {
    expect(zonedInstant({ year: 2026, month: 1, day: 5 }, 9, 0, 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 5, 8, 0));
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9, 0, 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 7, 0));
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 18, 30, 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 22, 30));
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9, 0, 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 3, 30));
    // Spring forward in Berlin (29 March 2026): 09:00 is already summer time.
    expect(nextSlot('09:00', 'Europe/Berlin', Date.UTC(2026, 2, 28, 9, 0))).toBe(Date.UTC(2026, 2, 29, 7, 0));
    // 02:30 does not exist that day: it fires at 03:30 summer time, once.
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 2, 30, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('always returns a slot that reads HH:MM locally, within a day of now (random zones and instants)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];
    const rng = seededRng(11);
    for (let i = 0; i < 300; i++) {
      const zone = zones[i % zones.length];
      const now = Date.UTC(2026, 0, 1) + Math.floor(rng() * 365 * 24 * H);
      // Hours 04–23: no DST gap in these zones (the gap case is checked above).
      const time = `${String(4 + Math.floor(rng() * 20)).padStart(2, '0')}:${String(Math.floor(rng() * 60)).padStart(2, '0')}`;
      const next = nextSlot(time, zone, now);
      const prev = previousSlot(time, zone, now);
      expect(next).toBeGreaterThan(now);
      expect(prev).toBeLessThanOrEqual(now);
      expect(next - prev).toBeGreaterThanOrEqual(23 * H); // 23 or 25 h across a DST change
      expect(next - prev).toBeLessThanOrEqual(25 * H);
      expect(reads(next, zone), `${time} ${zone}`).toBe(time);
      expect(reads(prev, zone), `${time} ${zone}`).toBe(time);
    }
  });
});

describe('the scheduler, driven by a fake clock', () => {
  const services: QuizService[] = [];
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) s.stop();
    for (const s of stores.splice(0)) await s.close();
  });

  function boot(file: string, clock: FakeClock) {
    const store = new SqliteStore(file, { synchronous: 'NORMAL' });
    const service = new QuizService(store, clock, { rng: seededRng(5), generators: [] });
    stores.push(store);
    services.push(service);
    return { store, service };
  }

  const questions = (o: RecordingOutbox) => o.messages.filter((m) => m.kind === 'post' && m.reply.title?.startsWith('Quiz ·'));

  it('posts at the local time every day, and stops when switched off', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 6, 0)); // 07:00 in Berlin
    const { service } = boot(tempDbPath(), clock);
    const outbox = new RecordingOutbox();
    await service.attach('test', outbox);
    const { next } = await service.scheduler.set({
      platform: 'test', channelId: 'c1', time: '09:00', timeZone: 'Europe/Berlin', topic: 'lstm', seconds: 60, createdBy: 'u1',
    });
    expect(next).toBe(Date.UTC(2026, 0, 5, 8, 0));
    await clock.advanceTo(Date.UTC(2026, 0, 5, 7, 59, 59));
    expect(questions(outbox)).toHaveLength(0);
    await clock.advanceTo(Date.UTC(2026, 0, 5, 8, 0));
    expect(questions(outbox)).toHaveLength(1);
    expect(questions(outbox)[0].reply.title).toMatch(/LSTM/);
    // The scheduled quiz closes after its 60 s and is revealed by editing the posted message.
    await clock.advance(60_000);
    expect(outbox.messages.filter((m) => m.kind === 'edit')).toHaveLength(1);
    await clock.advanceTo(Date.UTC(2026, 0, 7, 8, 0));
    expect(questions(outbox)).toHaveLength(3);
    expect(await service.scheduler.off('test', 'c1')).toBe(true);
    await clock.advanceTo(Date.UTC(2026, 0, 10, 12, 0));
    expect(questions(outbox)).toHaveLength(3);
  });

  it('a slot whose poster died before posting is posted after its lease, once; the dead poster\'s quiz is never revealed', async () => {
    const file = tempDbPath();
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 11, 0));
    const a = boot(file, clock);
    const frozen = new RecordingOutbox();
    let entered!: () => void;
    const inPost = new Promise<void>((r) => (entered = r));
    // Replica a: its post of the scheduled question never completes (SIGKILL in the middle).
    frozen.post = () => (entered(), new Promise<never>(() => undefined));
    await a.service.attach('test', frozen);
    await a.service.scheduler.set({ platform: 'test', channelId: 'c1', time: '12:00', timeZone: 'UTC', topic: 'rnn', seconds: 30, createdBy: 'u1' });
    void clock.advanceTo(Date.UTC(2026, 0, 5, 12, 0));
    await inPost;
    a.service.stop();
    // Replica b starts while a's lease holds: the slot is not posted twice.
    const b = boot(file, clock);
    const outbox = new RecordingOutbox();
    await b.service.attach('test', outbox);
    expect(questions(outbox)).toHaveLength(0);
    expect((await b.store.getSchedule('test', 'c1'))?.lastSlot).toBeLessThan(Date.UTC(2026, 0, 5, 12, 0));
    // The lease lapses; the next sweep (here: b's recovery after a restart) posts the slot, once.
    await clock.advanceTo(Date.UTC(2026, 0, 5, 12, 1, 1));
    const c = boot(file, clock);
    const oc = new RecordingOutbox();
    await c.service.attach('test', oc);
    await b.service.recover('test');
    expect(questions(outbox).length + questions(oc).length).toBe(1);
    expect((await c.store.getSchedule('test', 'c1'))?.lastSlot).toBe(Date.UTC(2026, 0, 5, 12, 0));
    const again = boot(file, clock);
    const og = new RecordingOutbox();
    await again.service.attach('test', og);
    expect(questions(og)).toHaveLength(0);
    // a had created its quiz before dying: it closes without a reveal of a question nobody saw.
    await clock.advance(60_000);
    await c.service.recover('test');
    const reveals = [...outbox.messages, ...oc.messages, ...og.messages].filter((m) => m.reply.title?.startsWith('Answer ·'));
    expect(reveals).toHaveLength(1);
    expect(reveals[0].kind).toBe('edit'); // the posted quiz's own message
    expect(await c.store.unrevealedQuizzes('test')).toEqual([]);
    expect((await c.store.openQuizzes('test'))).toEqual([]);
  });

  it('survives a restart: a quiz missed while down is posted once at start-up, not once per missed day', async () => {
    const file = tempDbPath();
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 10, 0));
    const first = boot(file, clock);
    await first.service.attach('test', new RecordingOutbox());
    await first.service.scheduler.set({ platform: 'test', channelId: 'c1', time: '12:00', timeZone: 'UTC', seconds: 30, createdBy: 'u1' });
    first.service.stop();
    await first.store.close();

    // Down for three days, back at 15:00 on the 8th: the slots of the 5th, 6th, 7th and 8th were missed.
    await clock.advanceTo(Date.UTC(2026, 0, 8, 15, 0));
    const second = boot(file, clock);
    const outbox = new RecordingOutbox();
    await second.service.attach('test', outbox);
    expect(questions(outbox)).toHaveLength(1);
    // Then back on the normal rhythm.
    await clock.advanceTo(Date.UTC(2026, 0, 9, 11, 59));
    expect(questions(outbox)).toHaveLength(1);
    await clock.advanceTo(Date.UTC(2026, 0, 9, 12, 0));
    expect(questions(outbox)).toHaveLength(2);
    second.service.stop();
    await second.store.close();

    // A restart with nothing missed posts nothing, and neither does a second process on the same file.
    await clock.advanceTo(Date.UTC(2026, 0, 9, 13, 0));
    const third = boot(file, clock);
    const fourth = boot(file, clock);
    const o3 = new RecordingOutbox();
    const o4 = new RecordingOutbox();
    await third.service.attach('test', o3);
    await fourth.service.attach('test', o4);
    expect(questions(o3).length + questions(o4).length).toBe(0);
  });

  it('posts a missed slot once even when two processes start together', async () => {
    const file = tempDbPath();
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 10, 0));
    const a = boot(file, clock);
    await a.service.scheduler.set({ platform: 'test', channelId: 'c1', time: '11:00', timeZone: 'UTC', seconds: 30, createdBy: 'u1' });
    await clock.advanceTo(Date.UTC(2026, 0, 6, 12, 0));
    const b = boot(file, clock);
    const oa = new RecordingOutbox();
    const ob = new RecordingOutbox();
    await Promise.all([a.service.attach('test', oa), b.service.attach('test', ob)]);
    expect(questions(oa).length + questions(ob).length).toBe(1);
  });
});
