import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_PATH, loadConfig } from '../../src/config.ts';
import { databasePath, openStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { SqliteStore, migrate } from '../../src/store/sqlite.ts';
import type { NewQuiz, QuestionSnapshot } from '../../src/store/types.ts';
import { tempDbPath } from '../quiz/helpers.ts';

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

const stores: SqliteStore[] = [];
function store(file = tempDbPath()): SqliteStore {
  const s = new SqliteStore(file);
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('opening the database', () => {
  it('creates the file and its directory, in WAL mode, at the latest schema version', () => {
    const file = tempDbPath();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const s = store(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
  });

  it('runs each migration once: reopening applies nothing, a new migration is applied on the next start', async () => {
    const file = tempDbPath();
    await store(file).close();
    const db = new Database(file);
    expect(migrate(db)).toEqual([]);
    const next = [...MIGRATIONS, { version: 99, name: 'test', sql: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrate(db, next)).toEqual([99]);
    expect(migrate(db, next)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    db.close();
  });

  it('upgrades a version-1 database in place: closed quizzes count as revealed, open ones do not', async () => {
    const file = tempDbPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const v1 = new Database(file);
    migrate(v1, MIGRATIONS.filter((m) => m.version === 1));
    const insert = v1.prepare(`INSERT INTO quizzes (id, platform, channel_id, question_id, question_json, n_choices, answer, points,
      opened_at, closes_at, status, closed_at) VALUES (?, 'test', 'c1', 'lstm-03', ?, 3, 1, 2, 1000, 31000, ?, ?)`);
    insert.run('old-closed', JSON.stringify(question), 'closed', 5000);
    insert.run('old-open', JSON.stringify(question), 'open', null);
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();
    const v2 = store(file);
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(await v2.unrevealedQuizzes('test')).toEqual([]);
    await v2.closeQuiz('old-open', 6000);
    expect((await v2.unrevealedQuizzes('test')).map((q) => q.id)).toEqual(['old-open']);
    await v2.markRevealed('old-open', 6001);
    expect(await v2.unrevealedQuizzes('test')).toEqual([]);
  });

  it('reads DATABASE_PATH, with data/nn-tutor.db as the default', () => {
    expect(loadConfig({}).DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
    expect(loadConfig({ DATABASE_PATH: '  ' }).DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
    expect(loadConfig({ DATABASE_PATH: '/tmp/x.db' }).DATABASE_PATH).toBe('/tmp/x.db');
    // The test setup gives every test file a temporary database.
    expect(databasePath()).toBe(process.env.DATABASE_PATH);
    expect(databasePath()).not.toBe(DEFAULT_DATABASE_PATH);
    const file = tempDbPath('env.db');
    const s = openStore(file);
    expect(fs.existsSync(file)).toBe(true);
    return s.close();
  });
});

describe('answers and scores', () => {
  it('records one answer per member and rejects unknown, closed, late and out-of-range answers', async () => {
    const s = store();
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
    const s = store();
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
    const s = store();
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
});

describe('schedules', () => {
  it('saves, replaces and deletes one schedule per channel; a slot can be claimed only once', async () => {
    const s = store();
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
});
