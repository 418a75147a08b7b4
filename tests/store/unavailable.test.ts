// A database that stops taking writes while the bot runs gets a specific answer, not the generic
// apology: "Scores cannot be saved right now", as a user error (nothing to quote, nothing crashed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { plainStyle } from '../../src/adapters/console/format.ts';
import { ConsoleSession } from '../../src/adapters/console/session.ts';
import { personalRunner } from '../../src/adapters/start.ts';
import { Registry } from '../../src/core/registry.ts';
import { FakeClock } from '../../src/quiz/clock.ts';
import { setQuizService } from '../../src/quiz/index.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import { openStore } from '../../src/store/index.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';

const CANNOT_SAVE = /Scores cannot be saved right now/;
const APOLOGY = /something went wrong on my side/;

function session(): ConsoleSession {
  return new ConsoleSession({ runner: personalRunner(new Registry(commands)), outDir: 'out', style: plainStyle, print: () => undefined, userName: 'Ada' });
}

afterEach(() => setQuizService(undefined));

describe('a database that becomes unwritable', () => {
  it('answers /quiz and answer clicks with "Scores cannot be saved right now"', async () => {
    const store = openStore(path.join(mkdtempSync(path.join(tmpdir(), 'nn-tutor-ro-')), 'nn.db'));
    const service = new QuizService(store, new FakeClock(), { rng: seededRng(3), generators: [] });
    setQuizService(service);
    const s = session();
    const q = await s.run('/quiz topic:lstm seconds:10');
    expect(q.outcome.status).toBe('ok');

    // Writes now fail with SQLITE_READONLY, as on a file made read-only or a full disk.
    (store as SqliteStore).db.pragma('query_only = ON');
    const answer = await s.run('1');
    expect(answer.outcome.status).toBe('user-error');
    expect(answer.text).toMatch(CANNOT_SAVE);
    expect(answer.text).not.toMatch(APOLOGY);
    const start = await s.run('/quiz topic:lstm seconds:10');
    expect(start.outcome.status).toBe('user-error');
    expect(start.text).toMatch(CANNOT_SAVE);

    (store as SqliteStore).db.pragma('query_only = OFF');
    expect((await s.run('/quiz leaderboard')).outcome.status).toBe('ok');
    service.stop();
    await store.close();
  });

  it('a one-shot /quiz with an unusable DATABASE_PATH gets the same answer', async () => {
    const saved = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = '/proc/nonexistent/dir/nn.db';
    try {
      const r = await session().run('/quiz leaderboard');
      expect(r.outcome.status).toBe('user-error');
      expect(r.text).toMatch(CANNOT_SAVE);
    } finally {
      process.env.DATABASE_PATH = saved;
    }
  });
});
