// The store contract: one suite, run against SQLite and PostgreSQL alike. Whatever the quiz code
// relies on (answers once, one closer wins, schedule slots, claims, trigger de-duplication, user
// slots) must hold on both, including with two store instances sharing one database.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import type { NewQuiz, QuestionSnapshot, QuizStore } from '../../src/store/types.ts';
import { dropTestSchemas, postgresEngine, postgresSkipReason, sqliteEngine, type Engine } from './engines.ts';

const question: QuestionSnapshot = {
  id: 'lstm-03',
  topic: 'lstm',
  difficulty: 'medium',
  prompt: 'p?',
  choices: ['a', 'b', 'c'],
  answer: 1,
  explanation: 'because',
};

function quiz(id: string, extra: Partial<NewQuiz> = {}): NewQuiz {
  return { id, platform: 'test', channelId: 'c1', serverId: 's1', question, openedAt: 1000, closesAt: 31_000, ...extra };
}

const pgSkip = await postgresSkipReason();
afterAll(dropTestSchemas);

const engines: { engine: Engine; skip?: string }[] = [{ engine: sqliteEngine }, { engine: postgresEngine, skip: pgSkip }];

for (const { engine, skip } of engines) {
  describe.skipIf(skip !== undefined)(`store contract on ${engine.name}${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
    const stores: QuizStore[] = [];
    async function open(location = engine.location(), migrations = MIGRATIONS): Promise<QuizStore> {
      const s = await engine.open(location, migrations);
      stores.push(s);
      return s;
    }
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
    });

    describe('migrations', () => {
      it('runs each migration once: reopening applies nothing, a new migration is applied on the next start', async () => {
        const where = engine.location();
        await (await open(where)).close();
        expect(await engine.migrate(where, MIGRATIONS)).toEqual([]);
        const next = [...MIGRATIONS, { version: 99, name: 'test', sql: 'CREATE TABLE extra (x INTEGER)' }];
        expect(await engine.migrate(where, next)).toEqual([99]);
        expect(await engine.migrate(where, next)).toEqual([]);
      });

      it('two processes opening a new database at once both come up at the latest version', async () => {
        const where = engine.location();
        const [a, b] = await Promise.all([open(where), open(where)]);
        await a.createQuiz(quiz('q1'));
        expect((await b.getQuiz('q1'))?.id).toBe('q1');
        expect(await engine.migrate(where, MIGRATIONS)).toEqual([]);
      });

      it('upgrades a version-1 database in place: closed quizzes count as revealed, open ones do not', async () => {
        const where = engine.location();
        expect(await engine.migrate(where, MIGRATIONS.filter((m) => m.version === 1))).toEqual([1]);
        const q = JSON.stringify(question).replaceAll("'", "''");
        await engine.exec(
          where,
          `INSERT INTO quizzes (id, platform, channel_id, question_id, question_json, n_choices, answer, points, opened_at, closes_at, status, closed_at)
           VALUES ('old-closed', 'test', 'c1', 'lstm-03', '${q}', 3, 1, 2, 1000, 31000, 'closed', 5000),
                  ('old-open', 'test', 'c1', 'lstm-03', '${q}', 3, 1, 2, 1000, 31000, 'open', NULL)`,
        );
        expect(await engine.migrate(where, MIGRATIONS)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
        const latest = await open(where);
        expect(await latest.unrevealedQuizzes('test')).toEqual([]);
        await latest.closeQuiz('old-open', 6000);
        expect((await latest.unrevealedQuizzes('test')).map((q) => q.id)).toEqual(['old-open']);
        await latest.markRevealed('old-open', 6001);
        expect(await latest.unrevealedQuizzes('test')).toEqual([]);
      });
    });

    describe('answers and scores', () => {
      it('records one answer per member and rejects unknown, closed, late and out-of-range answers', async () => {
        const s = await open();
        await s.createQuiz(quiz('q1'));
        expect(await s.recordAnswer({ quizId: 'q1', userId: 'u1', userName: 'Ann', choice: 1, at: 2000 })).toEqual({
          status: 'recorded',
          correct: true,
          answer: 1,
          points: 2,
        });
        expect(await s.recordAnswer({ quizId: 'q1', userId: 'u1', userName: 'Ann', choice: 0, at: 2100 })).toEqual({
          status: 'duplicate',
          previousChoice: 1,
        });
        expect((await s.recordAnswer({ quizId: 'nope', userId: 'u2', userName: 'B', choice: 0, at: 2000 })).status).toBe('unknown-quiz');
        expect(await s.recordAnswer({ quizId: 'q1', userId: 'u2', userName: 'B', choice: 3, at: 2000 })).toEqual({ status: 'bad-choice', choices: 3 });
        expect((await s.recordAnswer({ quizId: 'q1', userId: 'u2', userName: 'B', choice: -1, at: 2000 })).status).toBe('bad-choice');
        expect((await s.recordAnswer({ quizId: 'q1', userId: 'u2', userName: 'B', choice: 0, at: 31_000 })).status).toBe('closed');
        const result = await s.quizResult('q1');
        expect(result?.counts).toEqual([0, 1, 0]);
        await s.closeQuiz('q1', 5000);
        expect((await s.recordAnswer({ quizId: 'q1', userId: 'u3', userName: 'C', choice: 0, at: 5001 })).status).toBe('closed');
      });

      it('keeps points, accuracy and current/best streaks per channel and per server', async () => {
        const s = await open();
        // Ann: right, right, wrong, right → streak 1, best 2. Bob (another channel, same server): right.
        const plan: [string, string, string, number][] = [
          ['q1', 'c1', 'ann', 1],
          ['q2', 'c1', 'ann', 1],
          ['q3', 'c1', 'ann', 0],
          ['q4', 'c1', 'ann', 1],
          ['q5', 'c2', 'bob', 1],
        ];
        for (const [id, channelId, user, choice] of plan) {
          if (!(await s.getQuiz(id))) await s.createQuiz(quiz(id, { channelId }));
          await s.recordAnswer({ quizId: id, userId: user, userName: user, choice, at: 2000 });
        }
        const ann = await s.scoreOf({ kind: 'channel', platform: 'test', channelId: 'c1' }, 'ann');
        expect(ann).toMatchObject({ points: 6, answers: 4, correct: 3, streak: 1, bestStreak: 2, rank: 1 });
        expect(await s.scoreOf({ kind: 'channel', platform: 'test', channelId: 'c1' }, 'bob')).toBeUndefined();
        const server = await s.leaderboard({ kind: 'server', platform: 'test', serverId: 's1' }, 10);
        expect(server.map((r) => [r.userId, r.points, r.rank])).toEqual([
          ['ann', 6, 1],
          ['bob', 2, 2],
        ]);
      });

      it('closes a quiz once: the second closer gets nothing, and the tally names who was right first', async () => {
        const s = await open();
        await s.createQuiz(quiz('q1'));
        await s.recordAnswer({ quizId: 'q1', userId: 'u1', userName: 'Wrong', choice: 0, at: 2000 });
        await s.recordAnswer({ quizId: 'q1', userId: 'u2', userName: 'First', choice: 1, at: 2500 });
        await s.recordAnswer({ quizId: 'q1', userId: 'u3', userName: 'Second', choice: 1, at: 2600 });
        const result = await s.closeQuiz('q1', 9000);
        expect(result).toMatchObject({ counts: [1, 2, 0], total: 3, correctCount: 2, firstCorrect: { userName: 'First' } });
        expect(await s.closeQuiz('q1', 9001)).toBeUndefined();
        expect((await s.getQuiz('q1'))?.status).toBe('closed');
        expect(await s.openQuizzes('test')).toEqual([]);
      });

      it('keeps the asked history per channel and forgets what it is told to', async () => {
        const s = await open();
        await s.createQuiz(quiz('q1'));
        await s.createQuiz(quiz('q2', { question: { ...question, id: 'rnn-01' } }));
        await s.createQuiz(quiz('q3', { channelId: 'c2' }));
        expect([...(await s.askedQuestions('test', 'c1'))].sort()).toEqual(['lstm-03', 'rnn-01']);
        await s.forgetAsked('test', 'c1', ['lstm-03']);
        expect([...(await s.askedQuestions('test', 'c1'))]).toEqual(['rnn-01']);
        expect([...(await s.askedQuestions('test', 'c2'))]).toEqual(['lstm-03']);
      });

      it('two store instances on one database, answering and closing at once: each answer counted once, one closer, scores match the answers', async () => {
        const where = engine.location();
        const a = await open(where);
        const b = await open(where);
        await a.createQuiz(quiz('q1'));
        const users = Array.from({ length: 40 }, (_, i) => `u${i}`);
        // Every member clicks twice, once through each instance; choice i % 3 (answer is 1).
        const outcomes = await Promise.all(
          users.flatMap((u, i) => [a, b].map((s) => s.recordAnswer({ quizId: 'q1', userId: u, userName: u, choice: i % 3, at: 2000 }))),
        );
        expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(users.length);
        expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(users.length);
        const closes = await Promise.all([a.closeQuiz('q1', 9000), b.closeQuiz('q1', 9000), a.closeQuiz('q1', 9001)]);
        const winners = closes.filter((c) => c !== undefined);
        expect(winners).toHaveLength(1);
        const right = users.filter((_, i) => i % 3 === 1);
        expect(winners[0]).toMatchObject({ total: users.length, correctCount: right.length });
        const board = await b.leaderboard({ kind: 'channel', platform: 'test', channelId: 'c1' }, 100);
        expect(board.reduce((n, r) => n + r.answers, 0)).toBe(users.length);
        expect(board.filter((r) => r.points === 2).map((r) => r.userId).sort()).toEqual([...right].sort());
      });
    });

    describe('schedules', () => {
      it('saves, replaces and deletes one schedule per channel; a slot can be claimed only once', async () => {
        const s = await open();
        const base = { platform: 'test' as const, channelId: 'c1', time: '09:00', timeZone: 'UTC', seconds: 60, createdBy: 'u1', createdAt: 0, lastSlot: 100 };
        await s.saveSchedule(base);
        await s.saveSchedule({ ...base, time: '10:30', topic: 'lstm' });
        expect(await s.listSchedules('test')).toHaveLength(1);
        expect(await s.getSchedule('test', 'c1')).toMatchObject({ time: '10:30', topic: 'lstm', lastSlot: 100 });
        expect(await s.claimScheduleSlot('test', 'c1', 200)).toBe(true);
        expect(await s.claimScheduleSlot('test', 'c1', 200)).toBe(false);
        expect(await s.claimScheduleSlot('test', 'c1', 150)).toBe(false);
        expect(await s.deleteSchedule('test', 'c1')).toBe(true);
        expect(await s.deleteSchedule('test', 'c1')).toBe(false);
      });

      it('a slot claimed from two instances at once goes to exactly one', async () => {
        const where = engine.location();
        const a = await open(where);
        const b = await open(where);
        await a.saveSchedule({ platform: 'test', channelId: 'c1', time: '09:00', timeZone: 'UTC', seconds: 60, createdBy: 'u1', createdAt: 0 });
        const won = await Promise.all([a, b, a, b].map((s) => s.claimScheduleSlot('test', 'c1', 500)));
        expect(won.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('what replicas agree on', () => {
      it('claimOnce: one taker; a lease can be taken over after it lapses, a completed claim never', async () => {
        const s = await open();
        expect(await s.claimOnce('forever', 1000)).toBe(true);
        expect(await s.claimOnce('forever', 9e12)).toBe(false);
        expect(await s.claimOnce('lease', 1000, 500)).toBe(true);
        expect(await s.claimOnce('lease', 1499, 500)).toBe(false);
        expect(await s.claimOnce('lease', 1500, 500)).toBe(true); // the first owner died: taken over
        await s.completeClaim('lease');
        expect(await s.claimOnce('lease', 9e12, 500)).toBe(false);
        const race = await Promise.all(Array.from({ length: 10 }, () => s.claimOnce('race', 1000, 1000)));
        expect(race.filter(Boolean)).toHaveLength(1);
      });

      it('claimTrigger: a Slack retry or repeated trigger id is refused until it is forgotten', async () => {
        const s = await open();
        expect(await s.claimTrigger('T1', 1000, 60_000)).toBe(true);
        expect(await s.claimTrigger('T1', 2000, 60_000)).toBe(false);
        expect(await s.claimTrigger('T2', 2000, 60_000)).toBe(true);
        expect(await s.claimTrigger('T1', 62_000, 60_000)).toBe(true); // remembered for keepMs only
        const race = await Promise.all(Array.from({ length: 8 }, () => s.claimTrigger('T3', 70_000, 60_000)));
        expect(race.filter(Boolean)).toHaveLength(1);
      });

      it('user slots: one job in flight, a cooldown after it, and a dead process\'s slot lapses', async () => {
        const s = await open();
        const limits = { cooldownMs: 3000, maxInFlight: 1, leaseMs: 60_000 };
        expect(await s.acquireUserSlot('ann', 10_000, limits)).toBeUndefined();
        expect(await s.acquireUserSlot('ann', 10_100, limits)).toMatchObject({ reason: 'in-flight' });
        expect(await s.acquireUserSlot('bob', 10_100, limits)).toBeUndefined();
        await s.releaseUserSlot('ann', 11_000);
        expect(await s.acquireUserSlot('ann', 12_000, limits)).toEqual({ reason: 'cooldown', retryAfterMs: 2000 });
        expect(await s.acquireUserSlot('ann', 14_000, limits)).toBeUndefined();
        // Never released (its process died): refused until the lease runs out, then free again.
        expect(await s.acquireUserSlot('ann', 50_000, limits)).toMatchObject({ reason: 'in-flight' });
        expect(await s.acquireUserSlot('ann', 74_000, limits)).toBeUndefined();
        const race = await Promise.all(Array.from({ length: 6 }, () => s.acquireUserSlot('cy', 1000, limits)));
        expect(race.filter((r) => r === undefined)).toHaveLength(1);
      });
    });
  });
}
