// Replicas that start together on a fresh database all come up: pg-boss creates its queues with
// an INSERT and an ALTER TABLE … FOREIGN KEY in one transaction, and two processes doing that at
// once can deadlock (PostgreSQL then rolls one back with 40P01). Seen as a replica exiting at
// start-up in bench/replicas-http.bench.ts, which starts four replicas at the same moment.
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/quiz/clock.ts';
import { PgBossScheduler } from '../../src/quiz/pgboss-scheduler.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { dropTestSchemas, postgresSkipReason, sqlIn, TEST_POSTGRES_URL, testSchema } from '../store/engines.ts';

const pgSkip = await postgresSkipReason();
afterAll(dropTestSchemas);

const handlers = { reveal: async () => undefined, post: async () => undefined, recover: async () => undefined };

describe.skipIf(pgSkip !== undefined)(`pg-boss scheduler, replicas starting together${pgSkip ? ` — SKIPPED: ${pgSkip}` : ''}`, () => {
  it('four schedulers booting at once on a fresh pg-boss schema all start, and the queues exist once', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 2; round++) {
      const bossSchema = testSchema();
      const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema: testSchema(), max: 4 });
      await store.ready;
      const schedulers = Array.from({ length: 4 }, () => new PgBossScheduler(store, systemClock, handlers, { connectionString: TEST_POSTGRES_URL, schema: bossSchema }));
      try {
        const started = await Promise.allSettled(schedulers.map((s) => s.start('test')));
        expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
        const { rows } = await sqlIn(bossSchema, "SELECT name FROM queue WHERE name LIKE 'nn-%' ORDER BY name");
        expect(rows.map((r) => r.name)).toEqual(['nn-quiz-daily', 'nn-quiz-reveal', 'nn-quiz-sweep']);
      } finally {
        await Promise.all(schedulers.map((s) => s.stop()));
        await store.close();
      }
    }
  });
});
