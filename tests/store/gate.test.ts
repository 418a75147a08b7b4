// Two work queues (two replicas) sharing per-user limits through the store, on both engines.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WorkQueue, type QueueOptions } from '../../src/core/queue.ts';
import { storeGate } from '../../src/store/gate.ts';
import type { QuizStore } from '../../src/store/types.ts';
import { dropTestSchemas, postgresEngine, postgresSkipReason, sqliteEngine } from './engines.ts';

const pgSkip = await postgresSkipReason();
afterAll(dropTestSchemas);

const base: QueueOptions = { concurrency: 1, maxQueued: 5, cooldownMs: 3000, gapMs: 0 };

for (const { engine, skip } of [{ engine: sqliteEngine, skip: undefined }, { engine: postgresEngine, skip: pgSkip }]) {
  describe.skipIf(skip !== undefined)(`per-user limits across replicas on ${engine.name}${skip ? ` — SKIPPED: ${skip}` : ''}`, () => {
    const stores: QuizStore[] = [];
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
    });

    it('one heavy job per user across queues, then the cooldown; other users and light jobs pass', async () => {
      const where = engine.location();
      const [sa, sb] = [await engine.open(where), await engine.open(where)];
      stores.push(sa, sb);
      let t = 1_000_000;
      const now = () => t;
      const a = new WorkQueue({ ...base, now, gate: storeGate(sa, { cooldownMs: 3000 }, now) });
      const b = new WorkQueue({ ...base, now, gate: storeGate(sb, { cooldownMs: 3000 }, now) });
      let finish!: () => void;
      const slow = a.run('ann', () => new Promise<string>((r) => (finish = () => r('done'))));
      await new Promise((r) => setTimeout(r, 50)); // the job has started on replica a
      expect(await b.run('ann', () => 'twice')).toMatchObject({ ok: false, refusal: { reason: 'in-flight' } });
      expect(await b.run('bob', () => 'bob')).toEqual({ ok: true, value: 'bob' });
      expect(await b.run('ann', () => 'light', { heavy: false })).toEqual({ ok: true, value: 'light' });
      finish();
      expect(await slow).toEqual({ ok: true, value: 'done' });
      t += 1000;
      const cooled = await b.run('ann', () => 'soon');
      expect(cooled).toMatchObject({ ok: false, refusal: { reason: 'cooldown', retryAfterS: 2 } });
      expect(b.stats.refused).toMatchObject({ 'in-flight': 1, cooldown: 1 });
      t += 2000;
      expect(await b.run('ann', () => 'later')).toEqual({ ok: true, value: 'later' });
    });
  });
}

describe('a gate that cannot be reached', () => {
  it('falls back to the local limits instead of refusing everyone', async () => {
    const queue = new WorkQueue({
      ...base,
      gate: { acquire: () => Promise.reject(new Error('database down')), release: () => Promise.reject(new Error('database down')) },
    });
    expect(await queue.run('ann', () => 1)).toEqual({ ok: true, value: 1 });
    expect(await queue.run('ann', () => 2)).toMatchObject({ ok: false, refusal: { reason: 'cooldown' } });
  });
});
