import { afterEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/quiz/bank.ts';
import { FakeClock } from '../../src/quiz/clock.ts';
import { answerButtonId } from '../../src/quiz/messages.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';
import type { QuizRecord } from '../../src/store/types.ts';
import { RecordingOutbox, click, tempStore } from './helpers.ts';

const where = { platform: 'test' as const, channelId: 'c1', serverId: 's1' };
const bank = loadBank();

let store: SqliteStore;
let service: QuizService;
afterEach(async () => {
  service?.stop();
  await store?.close();
});

function setup(opts: { withEdit?: boolean } = {}) {
  store = tempStore();
  const clock = new FakeClock();
  const outbox = new RecordingOutbox(opts.withEdit ?? true);
  service = new QuizService(store, clock, { rng: seededRng(7), generators: [] });
  return { clock, outbox };
}

async function startQuiz(outbox: RecordingOutbox, opts = {}): Promise<QuizRecord> {
  const started = await service.start(where, { topic: 'lstm', seconds: 30, ...opts }, 'starter', outbox);
  if ('problem' in started) throw new Error(started.problem);
  return started.quiz;
}

describe('a quiz from question to reveal', () => {
  it('posts the question with one button per choice, takes answers, and reveals at the end of the countdown', async () => {
    const { clock, outbox } = setup();
    const started = await service.start(where, { topic: 'lstm', seconds: 30 }, 'starter', outbox);
    if ('problem' in started) throw new Error(started.problem);
    const { quiz, reply } = started;
    const q = quiz.question;
    expect(q.topic).toBe('lstm');
    // The snapshot is a shuffled copy of a bank question, with the answer following its choice.
    const original = bank.find((b) => b.id === q.id)!;
    expect(q.choices[q.answer]).toBe(original.choices[original.answer]);
    expect(reply.buttons?.map((b) => b.id)).toEqual(q.choices.map((_, i) => answerButtonId(quiz.id, i)));
    expect(reply.text).toContain('30 s');

    const wrong = (q.answer + 1) % q.choices.length;
    const right = await service.answer(click(`a:${quiz.id}:${q.answer}`, 'ann'));
    expect(right).toMatchObject({ ephemeral: true, mode: 'new' });
    expect(right.text).toMatch(/Right/);
    await clock.advance(1000);
    expect((await service.answer(click(`a:${quiz.id}:${wrong}`, 'bob'))).text).toMatch(/Not this time/);
    await clock.advance(1000);
    await service.answer(click(`a:${quiz.id}:${q.answer}`, 'cat'));

    expect(outbox.messages).toHaveLength(0);
    await clock.advance(27_999);
    expect(outbox.messages).toHaveLength(0);
    await clock.advance(1);
    expect(outbox.messages).toHaveLength(1);
    const reveal = outbox.messages[0];
    expect(reveal.kind).toBe('post'); // the question was posted by the adapter, so the reveal follows up
    expect(reveal.reply.text).toContain(q.choices[q.answer]);
    expect(reveal.reply.text).toContain(original.explanation);
    expect(reveal.reply.text).toContain('2 of 3 answered right');
    expect(reveal.reply.text).toContain('First right: **user ann**');
    for (let i = 0; i < q.choices.length; i++) {
      const n = i === q.answer ? 2 : i === wrong ? 1 : 0;
      expect(reveal.reply.text).toContain(`${q.choices[i]}: ${n}`);
    }
    expect((await store.getQuiz(quiz.id))?.status).toBe('closed');
    expect((await service.answer(click(`a:${quiz.id}:${q.answer}`, 'late'))).text).toMatch(/closed/);
  });

  it('edits the posted message into the reveal when the quiz was posted through the outbox', async () => {
    const { clock, outbox } = setup();
    const started = await service.post(where, { topic: 'rnn', seconds: 10 }, 'schedule', outbox);
    if ('problem' in started) throw new Error(started.problem);
    await clock.advance(10_000);
    expect(outbox.messages.map((m) => [m.kind, m.messageId])).toEqual([
      ['post', 'm1'],
      ['edit', 'm1'],
    ]);
    expect(outbox.messages[1].reply.buttons?.every((b) => b.disabled)).toBe(true);
  });

  it('falls back to a follow-up when the platform cannot edit', async () => {
    const { clock, outbox } = setup({ withEdit: false });
    await service.post(where, { topic: 'rnn', seconds: 10 }, 'schedule', outbox);
    await clock.advance(10_000);
    expect(outbox.messages.map((m) => m.kind)).toEqual(['post', 'post']);
  });
});

describe('answers that must change nothing', () => {
  it('tells a second click "you already answered" and keeps the first answer', async () => {
    const { outbox } = setup();
    const quiz = await startQuiz(outbox);
    const first = (quiz.question.answer + 1) % quiz.question.choices.length;
    await service.answer(click(`a:${quiz.id}:${first}`, 'ann'));
    const again = await service.answer(click(`a:${quiz.id}:${quiz.question.answer}`, 'ann'));
    expect(again).toMatchObject({ ephemeral: true });
    expect(again.text).toMatch(/already answered/);
    const result = await store.quizResult(quiz.id);
    expect(result?.total).toBe(1);
    expect(result?.counts[first]).toBe(1);
    expect((await store.scoreOf({ kind: 'channel', platform: 'test', channelId: 'c1' }, 'ann'))?.points).toBe(0);
  });

  it('answers forged and stale ids with a clear ephemeral message and records nothing', async () => {
    const { clock, outbox } = setup();
    const quiz = await startQuiz(outbox);
    const cases: [string, Partial<Parameters<typeof click>[2]>, RegExp][] = [
      ['garbage', {}, /not one of my quiz buttons/],
      [`a:${quiz.id}:9`, {}, /not one of this quiz's/],
      [`a:${quiz.id}:-1`, {}, /not one of my quiz buttons/],
      [`a:${quiz.id}:1'; DROP TABLE answers;--`, {}, /not one of my quiz buttons/],
      ['a:AAAAAAAA:0', {}, /do not know that quiz/],
      [`a:${quiz.id}:0`, { channelId: 'elsewhere' }, /another channel/],
      [`a:${quiz.id}:0`, { platform: 'slack' }, /another channel/],
    ];
    for (const [payload, extra, message] of cases) {
      const r = await service.answer(click(payload, 'mallory', extra));
      expect(r.ephemeral, payload).toBe(true);
      expect(r.text, payload).toMatch(message);
    }
    expect((await store.quizResult(quiz.id))?.total).toBe(0);
    await clock.advance(30_000);
    const stale = await service.answer(click(`a:${quiz.id}:0`, 'mallory'));
    expect(stale.text).toMatch(/closed/);
    expect((await store.quizResult(quiz.id))?.total).toBe(0);
    expect(await store.leaderboard({ kind: 'channel', platform: 'test', channelId: 'c1' }, 10)).toEqual([]);
  });

  it('counts 200 members answering at once exactly once each, even when each clicks twice', async () => {
    const { clock, outbox } = setup();
    const quiz = await startQuiz(outbox);
    const n = quiz.question.choices.length;
    const members = Array.from({ length: 200 }, (_, i) => `m${i}`);
    const clicks = members.flatMap((m, i) => [click(`a:${quiz.id}:${i % n}`, m), click(`a:${quiz.id}:${(i + 1) % n}`, m)]);
    const replies = await Promise.all(clicks.map((c) => service.answer(c)));
    expect(replies.filter((r) => /already answered/.test(r.text))).toHaveLength(200);
    const result = await store.quizResult(quiz.id);
    expect(result?.total).toBe(200);
    const expected = Array.from({ length: n }, (_, c) => members.filter((_, i) => i % n === c).length);
    expect(result?.counts).toEqual(expected);
    const board = await store.leaderboard({ kind: 'channel', platform: 'test', channelId: 'c1' }, 1000);
    expect(board).toHaveLength(200);
    expect(board.every((r) => r.answers === 1)).toBe(true);
    await clock.advance(30_000);
    expect(outbox.messages[0].reply.text).toContain(`${expected[quiz.question.answer]} of 200 answered right`);
  });
});

describe('choosing questions', () => {
  it('never repeats a question in a channel until the topic is used up, then starts a new round', async () => {
    const { clock, outbox } = setup();
    const pool = bank.filter((q) => q.topic === 'attention').map((q) => q.id);
    const seen: string[] = [];
    for (let i = 0; i < pool.length; i++) {
      seen.push((await startQuiz(outbox, { topic: 'attention' })).question.id);
      await clock.advance(30_000);
    }
    expect(new Set(seen).size).toBe(pool.length);
    expect(new Set(seen)).toEqual(new Set(pool));
    // Another channel has its own history.
    const other = await service.start({ ...where, channelId: 'c2' }, { topic: 'attention' }, 'x', outbox);
    expect('quiz' in other).toBe(true);
    // The next quiz in c1 starts a new round: the history is reset, and it is again unseen-first.
    const next = (await startQuiz(outbox, { topic: 'attention' })).question.id;
    expect(pool).toContain(next);
    expect((await store.askedQuestions('test', 'c1')).size).toBe(1);
  });

  it('honours difficulty and refuses model questions when no generator is available', async () => {
    const { outbox } = setup();
    const hard = await startQuiz(outbox, { topic: 'lstm', difficulty: 'hard' });
    expect(hard.question.difficulty).toBe('hard');
    const none = await service.start(where, { topic: 'lstm', source: 'model' }, 'u', outbox);
    expect(none).toHaveProperty('problem');
    expect((none as { problem: string }).problem).toMatch(/No model-computed questions/);
  });
});

describe('scores', () => {
  it('ranks the top 10 and shows the caller their own rank below it', async () => {
    const { clock, outbox } = setup();
    // Member k answers right in the first 12 − k rounds (easy: 1 point each), so u0 leads with 12.
    for (let round = 0; round < 12; round++) {
      const quiz = await startQuiz(outbox, { topic: 'rnn', difficulty: 'easy' });
      for (let k = 0; k < 12; k++) {
        const right = round < 12 - k;
        const choice = right ? quiz.question.answer : (quiz.question.answer + 1) % quiz.question.choices.length;
        await service.answer(click(`a:${quiz.id}:${choice}`, `u${k}`));
      }
      await clock.advance(30_000);
    }
    const board = await service.leaderboard({ ...where, userId: 'u11' }, 'channel');
    const lines = board.text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('1. **user u0**: 12 pts · 12/12 right (100%) · streak 12 (best 12)');
    expect(board.text).toMatch(/You: #12, 1 pt · 1\/12 right \(8%\) · streak 0 \(best 1\)/);
    const top = await service.leaderboard({ ...where, userId: 'u0' }, 'server');
    expect(top.title).toMatch(/this server/);
    expect(top.text).toContain('You are #1.');
    const stats = await service.stats({ ...where, userId: 'u0', userName: 'u0' });
    expect(stats.ephemeral).toBe(true);
    expect(stats.fields?.map((f) => f.name)).toEqual(['This channel', 'This server']);
    expect(stats.fields?.[0].value).toMatch(/12\/12 right \(100%\)/);
  });

  it('never lets a display name ping or format', async () => {
    const { clock, outbox } = setup();
    const quiz = await startQuiz(outbox);
    await service.answer(click(`a:${quiz.id}:${quiz.question.answer}`, 'evil', { userName: '@everyone **bold**' }));
    await clock.advance(30_000);
    const text = outbox.messages[0].reply.text;
    expect(text).not.toContain('@everyone');
    expect(text).toContain('@\u200beveryone \\*\\*bold\\*\\*');
  });
});
