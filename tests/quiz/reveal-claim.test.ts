// A reveal is claimed before it is posted, so two processes reaching the same quiz (its closer and
// another replica's recovery) post it once; a claim whose owner died lapses and the reveal still comes.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/quiz/clock.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService, REVEAL_LEASE_MS } from '../../src/quiz/service.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { makeRest, restOutbox } from '../../src/adapters/discord-http/outbox.ts';
import type { Outbox } from '../../src/core/command.ts';
import { DiscordStandIn, STANDIN_TOKEN } from '../standins/discord.ts';
import { RecordingOutbox, tempDbPath } from './helpers.ts';

const where = { platform: 'test' as const, channelId: 'c1', serverId: 's1' };
const reveals = (o: RecordingOutbox) => o.messages.filter((m) => m.reply.title?.startsWith('Answer ·'));

describe('reveal claims', () => {
  const open: { service: QuizService; store: SqliteStore }[] = [];
  afterEach(async () => {
    for (const r of open.splice(0)) {
      await r.service.stop();
      await r.store.close();
    }
  });
  function boot(file: string, clock: FakeClock) {
    const store = new SqliteStore(file, { synchronous: 'NORMAL' });
    const service = new QuizService(store, clock, { rng: seededRng(4), generators: [] });
    open.push({ service, store });
    return { store, service };
  }

  it('two processes recovering the same closed, unrevealed quiz post it once', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const a = boot(file, clock);
    const started = await a.service.start(where, { topic: 'lstm', seconds: 30 }, 'u');
    if ('problem' in started) throw new Error(started.problem);
    await a.store.closeQuiz(started.quiz.id, clock.now() + 30_000); // closed by a replica that died before posting
    await clock.advance(31_000);
    const b = boot(file, clock);
    const oa = new RecordingOutbox();
    const ob = new RecordingOutbox();
    await Promise.all([a.service.attach('test', oa), b.service.attach('test', ob)]);
    expect(reveals(oa).length + reveals(ob).length).toBe(1);
    await Promise.all([a.service.recover('test'), b.service.recover('test')]);
    expect(reveals(oa).length + reveals(ob).length).toBe(1);
  });

  it('a claim whose owner died lapses: the reveal is posted after the lease, once', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const a = boot(file, clock);
    const started = await a.service.start(where, { topic: 'rnn', seconds: 30 }, 'u');
    if ('problem' in started) throw new Error(started.problem);
    const id = started.quiz.id;
    await a.store.closeQuiz(id, clock.now() + 30_000);
    // Another replica claimed the reveal and was killed before posting it.
    expect(await a.store.claimOnce(`reveal:${id}`, clock.now() + 30_000, REVEAL_LEASE_MS)).toBe(true);
    await clock.advance(31_000);
    const outbox = new RecordingOutbox();
    await a.service.attach('test', outbox);
    expect(reveals(outbox)).toHaveLength(0);
    await clock.advance(REVEAL_LEASE_MS);
    await a.service.recover('test');
    expect(reveals(outbox)).toHaveLength(1);
    await a.service.recover('test');
    expect(reveals(outbox)).toHaveLength(1);
    expect(await a.store.unrevealedQuizzes('test')).toEqual([]);
  });

  it('a poster that died after posting, before marking it: the replica taking over posts the same key, and Discord keeps one message', async () => {
    const discord = await DiscordStandIn.start();
    try {
      const channelId = '1200000000000000009';
      const file = tempDbPath();
      const clock = new FakeClock();
      const a = boot(file, clock);
      const started = await a.service.start({ platform: 'discord', channelId, serverId: '1200000000000000010' }, { topic: 'rnn', seconds: 30 }, 'u');
      if ('problem' in started) throw new Error(started.problem);
      await clock.advance(31_000);
      // Replica a posts the reveal and then freezes for good (SIGKILL) before it can mark it revealed.
      const real = restOutbox(makeRest(STANDIN_TOKEN, discord.apiBase));
      let posted!: () => void;
      const didPost = new Promise<void>((r) => (posted = r));
      const dying: Outbox = { post: async (ch, reply, opts) => (await real.post(ch, reply, opts), posted(), new Promise<never>(() => undefined)) };
      void a.service.attach('discord', dying);
      await didPost;
      // Its lease lapses; replica b's recovery finds the quiz unrevealed and posts it again.
      await clock.advance(REVEAL_LEASE_MS + 1000);
      const b = boot(file, clock);
      await b.service.attach('discord', restOutbox(makeRest(STANDIN_TOKEN, discord.apiBase)));
      const revealPosts = discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && JSON.stringify(c.body).includes('Answer ·'));
      expect(revealPosts).toHaveLength(2);
      expect(revealPosts.map((c) => c.body.nonce)).toEqual([`reveal:${started.quiz.id}`, `reveal:${started.quiz.id}`]);
      expect(revealPosts.map((c) => c.deduplicated ?? false)).toEqual([false, true]);
      expect(await b.store.unrevealedQuizzes('discord')).toEqual([]);
    } finally {
      await discord.close();
    }
  });

  it('a reveal whose post failed is given back and posted by the next attempt', async () => {
    const file = tempDbPath();
    const clock = new FakeClock();
    const a = boot(file, clock);
    const failing = new RecordingOutbox(false);
    let fail = true;
    const post = failing.post.bind(failing);
    failing.post = async (channelId, reply) => {
      if (fail && reply.title?.startsWith('Answer ·')) throw new Error('platform down');
      return post(channelId, reply);
    };
    await a.service.attach('test', failing);
    const started = await a.service.start(where, { topic: 'rnn', seconds: 30 }, 'u');
    if ('problem' in started) throw new Error(started.problem);
    await clock.advance(31_000);
    expect(reveals(failing)).toHaveLength(0);
    fail = false;
    await a.service.recover('test'); // no lease to wait for: the failed attempt released its claim
    expect(reveals(failing)).toHaveLength(1);
  });
});
