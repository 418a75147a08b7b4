// Two quiz services ("replicas") on one PostgreSQL with the pg-boss scheduler, real time: every
// reveal is posted exactly once (even for a quiz whose replica stopped before its countdown
// ended), every daily slot once, and every answer counted once however many times it arrives.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/quiz/clock.ts';
import { PgBossScheduler } from '../../src/quiz/pgboss-scheduler.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { newQuizId, QuizService } from '../../src/quiz/service.ts';
import { previousSlot } from '../../src/quiz/zonedTime.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import type { QuestionSnapshot } from '../../src/store/types.ts';
import { dropTestSchemas, postgresSkipReason, sqlIn, TEST_POSTGRES_URL, testSchema } from '../store/engines.ts';
import { click, RecordingOutbox, type Posted } from './helpers.ts';

const pgSkip = await postgresSkipReason();
afterAll(dropTestSchemas);

const question: QuestionSnapshot = { id: 'lstm-03', topic: 'lstm', difficulty: 'medium', prompt: 'p?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'because' };

const reveals = (m: Posted[]) => m.filter((x) => x.reply.title?.startsWith('Answer ·'));
const questions = (m: Posted[]) => m.filter((x) => x.kind === 'post' && x.reply.title?.startsWith('Quiz ·'));

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
}

describe.skipIf(pgSkip !== undefined)(`replicas on one PostgreSQL with pg-boss${pgSkip ? ` — SKIPPED: ${pgSkip}` : ''}`, () => {
  const schema = testSchema();
  const bossSchema = testSchema();
  const running: { service: QuizService; store: PostgresStore }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.service.stop();
      await r.store.close();
    }
  });

  async function replica(outbox: RecordingOutbox) {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema, max: 4 });
    const scheduler = PgBossScheduler.factory({ connectionString: TEST_POSTGRES_URL, schema: bossSchema, pollingIntervalSeconds: 0.5 });
    const service = new QuizService(store, systemClock, { rng: seededRng(3), generators: [], scheduler });
    running.push({ service, store });
    await service.attach('test', outbox);
    return { service, store };
  }

  it('reveals each quiz once, counts each answer once, and posts a daily slot once', async () => {
    const oa = new RecordingOutbox();
    const ob = new RecordingOutbox();
    const oc = new RecordingOutbox();
    const a = await replica(oa);
    const b = await replica(ob);
    const c = await replica(oc);
    const now = Date.now();
    const ids = [newQuizId(), newQuizId(), newQuizId()];
    for (const [i, id] of ids.entries()) {
      await a.store.createQuiz({ id, platform: 'test', channelId: 'c1', serverId: 's1', question, openedAt: now, closesAt: now + 2500 + i * 300 });
      // Every replica asks for the reveal; the third replica goes away before any countdown ends.
      for (const r of [a, b, c]) await r.service.scheduler.revealAt(id, now + 2500 + i * 300);
    }
    await c.service.stop();

    // 30 members answer each quiz, each click arriving twice (a retry through the other replica).
    const users = Array.from({ length: 30 }, (_, i) => `u${i}`);
    const replies = await Promise.all(
      ids.flatMap((id) => users.flatMap((u, i) => [a, b].map((r) => r.service.answer(click(`a:${id}:${i % 3}`, u))))),
    );
    expect(replies.filter((r) => /^(✅|❌)/.test(r.text ?? ''))).toHaveLength(ids.length * users.length);
    expect(replies.filter((r) => /already answered/.test(r.text ?? ''))).toHaveLength(ids.length * users.length);

    await until(() => reveals([...oa.messages, ...ob.messages]).length >= ids.length, 20_000);
    await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second reveal to show up
    const posted = reveals([...oa.messages, ...ob.messages, ...oc.messages]);
    expect(posted).toHaveLength(ids.length);
    for (const id of ids) {
      const result = await b.store.quizResult(id);
      expect(result).toMatchObject({ total: users.length, correctCount: users.length / 3 });
      expect(result?.quiz.status).toBe('closed');
    }
    const board = await a.store.leaderboard({ kind: 'channel', platform: 'test', channelId: 'c1' }, 100);
    expect(board.reduce((n, r) => n + r.answers, 0)).toBe(ids.length * users.length);
    expect(board.filter((r) => r.points === 2 * ids.length)).toHaveLength(users.length / 3);

    // A daily schedule whose slot was missed: both replicas sweep at once, one posts.
    const t = Date.now();
    const slot = previousSlot('00:00', 'UTC', t);
    await a.store.saveSchedule({ platform: 'test', channelId: 'c2', time: '00:00', timeZone: 'UTC', seconds: 30, createdBy: 'u1', createdAt: t, lastSlot: slot - 86_400_000 });
    const sweeps = [a, b].map((r) => (r.service.scheduler as PgBossScheduler).sweep());
    await Promise.all(sweeps);
    expect(questions([...oa.messages, ...ob.messages]).filter((m) => m.channelId === 'c2')).toHaveLength(1);
    expect((await a.store.getSchedule('test', 'c2'))?.lastSlot).toBe(slot);
  }, 60_000);

  it('a daily slot job queued by both replicas posts once, and the next slot is queued', async () => {
    const oa = new RecordingOutbox();
    const ob = new RecordingOutbox();
    const a = await replica(oa);
    const b = await replica(ob);
    const t = Date.now();
    const slot = previousSlot('00:00', 'UTC', t);
    const schedule = { platform: 'test' as const, channelId: 'c3', time: '00:00', timeZone: 'UTC', seconds: 30, createdBy: 'u1', createdAt: t, lastSlot: slot - 86_400_000 };
    await a.store.saveSchedule(schedule);
    // Both replicas queue the slot's job (it is already due, so it runs at once on whichever polls first).
    for (const r of [a, b]) await (r.service.scheduler as PgBossScheduler).queueSlot(schedule, slot);
    const posted = () => questions([...oa.messages, ...ob.messages]).filter((m) => m.channelId === 'c3');
    await until(() => posted().length >= 1, 15_000);
    await new Promise((r) => setTimeout(r, 2000)); // room for a wrong second post
    expect(posted()).toHaveLength(1);
    expect((await b.store.getSchedule('test', 'c3'))?.lastSlot).toBe(slot);
    const next = await sqlIn(bossSchema, `SELECT data FROM job WHERE name = 'nn-quiz-daily' AND state = 'created'`);
    expect(next.rows.map((r) => (r.data as { slot: number }).slot)).toContain(slot + 86_400_000);
  }, 60_000);
});
