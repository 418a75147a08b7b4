// Nothing acknowledged is lost: across a clean restart, and when the process is killed with
// SIGKILL in the middle of a stream of answers (a real child process, a real database file).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/quiz/clock.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { QuestionSnapshot } from '../../src/store/types.ts';
import { RecordingOutbox, click, tempDbPath } from './helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const where = { platform: 'test' as const, channelId: 'c1', serverId: 's1' };

describe('restarts', () => {
  it('closes and reveals a quiz that ended while the bot was down, with every answer counted', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const store1 = new SqliteStore(file);
    const svc1 = new QuizService(store1, clock, { rng: seededRng(1), generators: [] });
    const started = await svc1.start(where, { topic: 'seq2seq', seconds: 30 }, 'u', new RecordingOutbox());
    if ('problem' in started) throw new Error(started.problem);
    const { quiz } = started;
    for (const u of ['a', 'b', 'c']) await svc1.answer(click(`a:${quiz.id}:${quiz.question.answer}`, u));
    svc1.stop(); // the process stops before the countdown ends: no reveal was posted
    await store1.close();

    await clock.advance(45_000);
    const store2 = new SqliteStore(file);
    const svc2 = new QuizService(store2, clock, { rng: seededRng(2), generators: [] });
    const outbox = new RecordingOutbox();
    await svc2.attach('test', outbox);
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0].reply.text).toContain('3 of 3 answered right');
    expect((await store2.getQuiz(quiz.id))?.status).toBe('closed');
    svc2.stop();
    await store2.close();
  });

  it('lets a quiz still running at restart finish on time', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const store1 = new SqliteStore(file);
    const svc1 = new QuizService(store1, clock, { generators: [] });
    const started = await svc1.start(where, { topic: 'rnn', seconds: 60 }, 'u', new RecordingOutbox());
    if ('problem' in started) throw new Error(started.problem);
    svc1.stop();
    await store1.close();

    await clock.advance(20_000);
    const store2 = new SqliteStore(file);
    const svc2 = new QuizService(store2, clock, { generators: [] });
    const outbox = new RecordingOutbox();
    await svc2.attach('test', outbox);
    expect(outbox.messages).toHaveLength(0);
    expect((await svc2.answer(click(`a:${started.quiz.id}:0`, 'late-joiner'))).text).toMatch(/Right|Not this time/);
    await clock.advance(40_000);
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0].reply.text).toMatch(/of 1 answered right/);
    svc2.stop();
    await store2.close();
  });
});

describe('kill -9 in the middle of a quiz', () => {
  it('loses no acknowledged answer, and the quiz is revealed after the restart', async () => {
    const file = tempDbPath();
    const question: QuestionSnapshot = {
      id: 'rnn-01', topic: 'rnn', difficulty: 'easy', prompt: 'Which?', choices: ['x', 'y', 'z'], answer: 0, explanation: 'Because x.',
    };
    const setup = new SqliteStore(file);
    const now = Date.now();
    await setup.createQuiz({ id: 'KILLTEST', ...where, question, openedAt: now, closesAt: now + 120_000 });
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/answer-writer.ts'), file, 'KILLTEST', 'c1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Set<string>();
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('REFUSED')) reject(new Error(line));
          if (line.startsWith('ACK ')) acked.add(line.slice(4));
        }
        // Kill while it is writing: after a few hundred acknowledged answers.
        if (acked.size >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    expect(await exited).toBe('SIGKILL');

    const after = new SqliteStore(file);
    const rows = after.db.prepare(`SELECT user_id FROM answers WHERE quiz_id = 'KILLTEST'`).all() as { user_id: string }[];
    const stored = new Set(rows.map((r) => r.user_id));
    const lost = [...acked].filter((u) => !stored.has(u));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acked.size);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Back up after the countdown: the quiz is closed and revealed with every stored answer.
    const clock = new FakeClock(now + 150_000);
    const svc = new QuizService(after, clock, { generators: [] });
    const outbox = new RecordingOutbox();
    await svc.attach('test', outbox);
    expect(outbox.messages).toHaveLength(1);
    const correct = [...stored].filter((u) => Number(u.split('-')[1]) % 3 === 0).length;
    expect(outbox.messages[0].reply.text).toContain(`${correct} of ${stored.size} answered right`);
    svc.stop();
    await after.close();
  });
});

describe('200 members answering at once from two processes', () => {
  it('counts every member exactly once, even when each clicks twice', async () => {
    const file = tempDbPath();
    const question: QuestionSnapshot = {
      id: 'rnn-02', topic: 'rnn', difficulty: 'easy', prompt: 'Which?', choices: ['x', 'y', 'z'], answer: 0, explanation: 'Because x.',
    };
    const setup = new SqliteStore(file);
    const now = Date.now();
    await setup.createQuiz({ id: 'CROWD200', ...where, question, openedAt: now, closesAt: now + 120_000 });
    await setup.close();

    const children = [0, 1].map((k) =>
      spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/answer-writer.ts'), file, 'CROWD200', 'c1', String(k * 100), '100', '2'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    const outputs = children.map((child) => {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const ready = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('READY') && resolve()));
      const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { ready, done, text: () => out };
    });
    await Promise.all(outputs.map((o) => o.ready));
    const t0 = Date.now();
    for (const c of children) c.stdin.write('go\n');
    const codes = await Promise.all(outputs.map((o) => o.done));
    const elapsed = Date.now() - t0;
    expect(codes, outputs.map((o) => o.text()).join('\n')).toEqual([0, 0]);

    const lines = outputs.flatMap((o) => o.text().split('\n'));
    expect(lines.filter((l) => l.startsWith('ACK '))).toHaveLength(200);
    expect(lines.filter((l) => l.startsWith('DUP '))).toHaveLength(200);
    expect(lines.filter((l) => l.startsWith('REFUSED'))).toEqual([]);
    const store = new SqliteStore(file);
    const result = await store.quizResult('CROWD200');
    expect(result?.total).toBe(200);
    expect(result?.counts).toEqual([67, 67, 66]); // member i chose i % 3 first
    const board = await store.leaderboard({ kind: 'server', platform: 'test', serverId: 's1' }, 1000);
    expect(board).toHaveLength(200);
    expect(board.every((r) => r.answers === 1)).toBe(true);
    await store.close();
    // Not a speed test (that is the bench); recorded so a slow machine is visible in the log.
    console.info(`400 clicks from 2 processes took ${elapsed} ms`);
  });
});

describe('a reveal that could not be posted', () => {
  it('is posted at the next start-up, once', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const store1 = new SqliteStore(file);
    const svc1 = new QuizService(store1, clock, { generators: [] });
    const down = new RecordingOutbox();
    down.post = async () => {
      throw new Error('platform unreachable');
    };
    const started = await svc1.start(where, { topic: 'word2vec', seconds: 10 }, 'u', down);
    if ('problem' in started) throw new Error(started.problem);
    await svc1.answer(click(`a:${started.quiz.id}:${started.quiz.question.answer}`, 'ann'));
    await clock.advance(10_000);
    expect((await store1.getQuiz(started.quiz.id))?.status).toBe('closed');
    expect((await store1.unrevealedQuizzes('test')).map((q) => q.id)).toEqual([started.quiz.id]);
    svc1.stop();
    await store1.close();

    const store2 = new SqliteStore(file);
    const svc2 = new QuizService(store2, clock, { generators: [] });
    const outbox = new RecordingOutbox();
    await svc2.attach('test', outbox);
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0].reply.text).toContain('1 of 1 answered right');
    expect(await store2.unrevealedQuizzes('test')).toEqual([]);
    svc2.stop();
    await store2.close();
  });
});
