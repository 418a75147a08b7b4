// /quiz through the real dispatcher and console session, as a user types it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { ConsoleSession } from '../../src/adapters/console/session.ts';
import { personalRunner } from '../../src/adapters/start.ts';
import { plainStyle } from '../../src/adapters/console/format.ts';
import { Registry } from '../../src/core/registry.ts';
import { FakeClock } from '../../src/quiz/clock.ts';
import { setQuizService } from '../../src/quiz/index.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';
import { tempStore } from './helpers.ts';

let store: SqliteStore;
let service: QuizService;
let clock: FakeClock;
let printed: string[];
let session: ConsoleSession;

beforeEach(() => {
  store = tempStore();
  clock = new FakeClock();
  service = new QuizService(store, clock, { rng: seededRng(3), generators: [] });
  setQuizService(service);
  printed = [];
  session = new ConsoleSession({ runner: personalRunner(new Registry(commands)), outDir: 'out', style: plainStyle, print: (t) => printed.push(t), userName: 'Ada' });
});

afterEach(async () => {
  setQuizService(undefined);
  service.stop();
  await store.close();
});

describe('/quiz in the console', () => {
  it('runs "/quiz topic:lstm seconds:10": numbered buttons, a typed answer, the reveal, then the leaderboard', async () => {
    const q = await session.run('/quiz topic:lstm seconds:10');
    expect(q.outcome.status).toBe('ok');
    expect(q.json.title).toMatch(/^Quiz · LSTM/);
    expect(q.text).toMatch(/\[1\] A\. .*\[2\] B\. /);
    expect(q.text).toContain('10 s to answer');

    const quizId = q.json.buttons[0].id.split(':')[2];
    const quiz = (await store.getQuiz(quizId))!;
    const a = await session.run(String(quiz.question.answer + 1));
    expect(a.json.ephemeral).toBe(true);
    expect(a.text).toMatch(/Right/);
    const again = await session.run('1');
    expect(again.text).toMatch(/already answered/);

    expect(printed).toEqual([]);
    await clock.advance(10_000);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(`Answer: ${'ABCD'[quiz.question.answer]}. ${quiz.question.choices[quiz.question.answer]}`);
    expect(printed[0]).toContain('First right: Ada');

    const board = await session.run('/quiz leaderboard');
    expect(board.text).toContain('1. Ada: 2 pts · 1/1 right (100%)');
    const stats = await session.run('/quiz stats');
    expect(stats.text).toMatch(/This channel: Rank #1/);
  });

  it('gives friendly errors for bad options', async () => {
    const cases: [string, RegExp][] = [
      ['/quiz topic:cnn', /not a valid `topic`/],
      ['/quiz start seconds:5', /at least 10/],
      ['/quiz start seconds:301', /at most 300/],
      ['/quiz schedule action:daily', /needs a time/],
      ['/quiz schedule action:daily time:9am', /is not a time/],
      ['/quiz schedule action:daily time:09:00 timezone:Mars/Olympus', /not a time zone I know/],
      ['/quiz leaderboard scope:galaxy', /not a valid `scope`/],
      // Object.prototype members are not aliases (repro: action:constructor created a schedule)
      ['/quiz schedule action:constructor time:09:00', /not a valid `action`/],
      ['/quiz start topic:__proto__', /not a valid `topic`/],
      ['/quiz leaderboard scope:toString', /not a valid `scope`/],
    ];
    for (const [line, message] of cases) {
      const r = await session.run(line);
      expect(r.outcome.status, line).toBe('user-error');
      expect(r.text, line).toMatch(message);
    }
  });

  it('accepts topic aliases and sets, shows and removes a schedule', async () => {
    const q = await session.run('/quiz start topic:embeddings difficulty:easy');
    expect(q.json.title).toBe('Quiz · Word embeddings / word2vec · easy');
    const set = await session.run('/quiz schedule daily time:9:30 timezone:Europe/Berlin topic:attention');
    expect(set.outcome.status).toBe('ok');
    expect(set.text).toContain('Every day at 09:30 (Europe/Berlin)');
    expect((await session.run('/quiz schedule show')).text).toContain('09:30');
    expect((await session.run('/quiz schedule off')).text).toMatch(/switched off/);
    expect((await session.run('/quiz schedule show')).text).toMatch(/No daily quiz/);
  });
});
