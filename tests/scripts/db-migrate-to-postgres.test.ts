// npm run db:migrate-to-postgres: everything the bot keeps arrives in PostgreSQL and reads back
// the same through the store; a non-empty target is refused unless --force.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copySqliteToPostgres, CopyError } from '../../src/store/copy.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { QuestionSnapshot, QuizStore, ScoreScope } from '../../src/store/types.ts';
import { tempDbPath } from '../quiz/helpers.ts';
import { dropTestSchemas, postgresSkipReason, TEST_POSTGRES_URL, testSchema } from '../store/engines.ts';

const run = promisify(execFile);
const pgSkip = await postgresSkipReason();
afterAll(dropTestSchemas);

const question: QuestionSnapshot = { id: 'rnn-01', topic: 'rnn', difficulty: 'hard', prompt: 'p?', choices: ['a', 'b'], answer: 0, explanation: 'e' };
const channel: ScoreScope = { kind: 'channel', platform: 'discord', channelId: 'c1' };
const server: ScoreScope = { kind: 'server', platform: 'discord', serverId: 's1' };

async function fill(file: string): Promise<void> {
  const s = new SqliteStore(file, { synchronous: 'NORMAL' });
  for (const id of ['q1', 'q2', 'q3']) {
    await s.createQuiz({ id, platform: 'discord', channelId: 'c1', serverId: 's1', question: { ...question, id: `rnn-${id}` }, openedAt: 1000, closesAt: 60_000 });
  }
  // Answers in an order where "first right" is not alphabetical.
  for (const [quizId, userId, choice] of [['q1', 'zed', 0], ['q1', 'amy', 0], ['q1', 'bob', 1], ['q2', 'amy', 0], ['q3', 'zed', 1]] as const) {
    await s.recordAnswer({ quizId, userId, userName: userId.toUpperCase(), choice, at: 2000 });
  }
  await s.closeQuiz('q1', 61_000);
  await s.markRevealed('q1', 61_001);
  await s.closeQuiz('q2', 61_000); // closed, reveal never posted: must stay unrevealed
  await s.saveSchedule({ platform: 'discord', channelId: 'c1', time: '09:00', timeZone: 'Europe/Berlin', topic: 'rnn', seconds: 60, createdBy: 'amy', createdAt: 5, lastSlot: 777 });
  await s.close();
}

async function snapshot(s: QuizStore) {
  return {
    q1: await s.quizResult('q1'),
    q3: await s.quizResult('q3'),
    open: (await s.openQuizzes('discord')).map((q) => q.id),
    unrevealed: (await s.unrevealedQuizzes('discord')).map((q) => q.id),
    channel: await s.leaderboard(channel, 10),
    server: await s.leaderboard(server, 10),
    asked: [...(await s.askedQuestions('discord', 'c1'))].sort(),
    schedules: await s.listSchedules('discord'),
  };
}

describe.skipIf(pgSkip !== undefined)(`db:migrate-to-postgres${pgSkip ? ` — SKIPPED: ${pgSkip}` : ''}`, () => {
  it('copies scores, quizzes, answers, asked history and schedules; the store reads them back identically', async () => {
    const file = tempDbPath();
    await fill(file);
    const schema = testSchema();
    const counts = await copySqliteToPostgres(file, TEST_POSTGRES_URL, { schema });
    expect(counts).toEqual({ quizzes: 3, answers: 5, asked: 3, scores: 6, schedules: 1 });

    const before = new SqliteStore(file);
    const after = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    try {
      const expected = await snapshot(before);
      expect(expected.q1?.firstCorrect?.userId).toBe('zed');
      expect(await snapshot(after)).toEqual(expected);
      // New answers continue after the copied ones (the identity was moved past them).
      expect((await after.recordAnswer({ quizId: 'q3', userId: 'new', userName: 'New', choice: 0, at: 3000 })).status).toBe('recorded');
    } finally {
      await before.close();
      await after.close();
    }
  });

  it('refuses a target that holds data unless forced, and then replaces it', async () => {
    const file = tempDbPath();
    await fill(file);
    const schema = testSchema();
    await copySqliteToPostgres(file, TEST_POSTGRES_URL, { schema });
    await expect(copySqliteToPostgres(file, TEST_POSTGRES_URL, { schema })).rejects.toThrow(CopyError);
    await expect(copySqliteToPostgres(file, TEST_POSTGRES_URL, { schema })).rejects.toThrow(/already holds data: quizzes \(3\).*--force/);
    expect(await copySqliteToPostgres(file, TEST_POSTGRES_URL, { schema, force: true })).toMatchObject({ quizzes: 3, answers: 5 });
    const after = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema });
    expect((await after.leaderboard(channel, 10)).map((r) => r.userId)).toHaveLength(3);
    await after.close();
  });
});

describe('the command line', () => {
  const tsx = ['node_modules/.bin/tsx', 'scripts/db-migrate-to-postgres.ts'];
  it('explains a missing DATABASE_URL or source file with exit code 2 and no stack trace', async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const noUrl = await run(tsx[0]!, [tsx[1]!], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(noUrl).toMatchObject({ code: 2 });
    expect((noUrl as { stderr: string }).stderr).toMatch(/DATABASE_URL is missing/);
    const noFile = await run(tsx[0]!, [tsx[1]!, '--from', '/nonexistent/x.db'], { env: { ...env, DATABASE_URL: TEST_POSTGRES_URL } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(noFile).toMatchObject({ code: 2 });
    expect((noFile as { stderr: string }).stderr).toMatch(/no SQLite database at \/nonexistent\/x.db/);
    expect((noFile as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
