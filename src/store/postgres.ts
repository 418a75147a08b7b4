// The QuizStore on PostgreSQL, for several copies of the bot sharing one database. Same schema
// and migrations as SQLite (through postgresDialect), same answers: the contract suite runs both.
// Each write is one transaction; row locks (FOR SHARE on the quiz while an answer is recorded, the
// UPDATE that closes it) make "answers counted once" and "one closer wins" hold across processes.
import pg from 'pg';
import type { Platform } from '../core/command.ts';
import { MIGRATIONS, postgresDialect, type Migration } from './migrations.ts';
import { toQuiz, toSchedule, toScore, type QuizRow, type ScheduleRow, type ScoreDbRow } from './rows.ts';
import { scopeKey } from './scope.ts';
import {
  POINTS,
  TRIGGER_KEEP_MS,
  judgeUserSlot,
  type AnswerOutcome,
  type NewAnswer,
  type NewQuiz,
  type QuizRecord,
  type QuizResult,
  type QuizStore,
  type Schedule,
  type ScoreRow,
  type ScoreScope,
  type UserLimits,
  type UserRefusal,
} from './types.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (created if missing); default "public". Tests use one per run. */
  schema?: string;
  migrations?: readonly Migration[];
  /** Connections in the pool (default 10). */
  max?: number;
}

// int8 (epoch ms, COUNT, RANK) as JavaScript numbers: every value we store is far below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A connection string with its password removed, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export function poolFor(opts: PostgresOptions): pg.Pool {
  const schema = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Bad PostgreSQL schema name "${schema}": use a-z, 0-9 and _.`);
  return new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    types,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
  });
}

/** Applies pending migrations, one transaction each, under an advisory lock so replicas starting together do not race. */
export async function migratePostgres(pool: pg.Pool, schema = 'public', migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`nn-tutor-migrate:${schema}`]);
        // Only when missing: CREATE SCHEMA needs a right on the database that the owner of an existing schema may lack.
        const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
        await client.query(`SET LOCAL search_path = ${schema}`);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
        const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
        if ((rows[0]?.v ?? 0) >= m.version) {
          await client.query('COMMIT');
          continue;
        }
        await client.query(postgresDialect.sql(m));
        await client.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
  } finally {
    client.release();
  }
  return applied;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

const BUMP_SCORE = `
  INSERT INTO scores (scope, user_id, user_name, points, answers, correct, streak, best_streak, updated_at)
  VALUES ($1, $2, $3, $4, 1, $5, $5, $5, $6)
  ON CONFLICT (scope, user_id) DO UPDATE SET
    user_name   = excluded.user_name,
    points      = scores.points + excluded.points,
    answers     = scores.answers + 1,
    correct     = scores.correct + excluded.correct,
    streak      = CASE WHEN excluded.correct = 1 THEN scores.streak + 1 ELSE 0 END,
    best_streak = GREATEST(scores.best_streak, CASE WHEN excluded.correct = 1 THEN scores.streak + 1 ELSE 0 END),
    updated_at  = excluded.updated_at`;

const RANKED = `
  SELECT user_id, user_name, points, answers, correct, streak, best_streak, updated_at,
         RANK() OVER (ORDER BY points DESC, correct DESC) AS rank
  FROM scores WHERE scope = $1`;

export class PostgresStore implements QuizStore {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** For the job queue that shares this database (never logged: it may hold a password). */
  readonly connectionString: string;
  /** Migrations finished (or failed: every method then rejects with the reason). */
  readonly ready: Promise<void>;

  constructor(opts: PostgresOptions) {
    this.schema = opts.schema ?? 'public';
    this.connectionString = opts.connectionString;
    this.pool = poolFor(opts);
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    this.ready = migratePostgres(this.pool, this.schema, opts.migrations).then(
      () => undefined,
      (err: unknown) => {
        throw new Error(`Cannot open the PostgreSQL database at DATABASE_URL (${redactUrl(opts.connectionString)}): ${(err as Error).message}`);
      },
    );
    this.ready.catch(() => undefined); // reported to whoever uses the store, not as an unhandled rejection
  }

  private async q<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready;
    return this.pool.query<R>(sql, params);
  }

  private async tx<T>(fn: (c: Queryable) => Promise<T>): Promise<T> {
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async createQuiz(quiz: NewQuiz): Promise<QuizRecord> {
    const q = quiz.question;
    await this.tx(async (c) => {
      await c.query(
        `INSERT INTO quizzes (id, platform, channel_id, server_id, created_by, question_id, question_json,
                              n_choices, answer, points, opened_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [quiz.id, quiz.platform, quiz.channelId, quiz.serverId ?? null, quiz.createdBy ?? null, q.id, JSON.stringify(q),
          q.choices.length, q.answer, POINTS[q.difficulty], quiz.openedAt, quiz.closesAt],
      );
      await c.query(
        `INSERT INTO asked (platform, channel_id, question_id, asked_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, channel_id, question_id) DO UPDATE SET asked_at = excluded.asked_at`,
        [quiz.platform, quiz.channelId, q.id, quiz.openedAt],
      );
    });
    return { ...quiz, status: 'open' };
  }

  async setQuizMessage(quizId: string, messageId: string): Promise<void> {
    await this.q('UPDATE quizzes SET message_id = $1 WHERE id = $2', [messageId, quizId]);
  }

  async getQuiz(quizId: string): Promise<QuizRecord | undefined> {
    const { rows } = await this.q<QuizRow>('SELECT * FROM quizzes WHERE id = $1', [quizId]);
    return rows[0] && toQuiz(rows[0]);
  }

  async openQuizzes(platform: Platform): Promise<QuizRecord[]> {
    const { rows } = await this.q<QuizRow>(`SELECT * FROM quizzes WHERE platform = $1 AND status = 'open' ORDER BY closes_at`, [platform]);
    return rows.map(toQuiz);
  }

  async recordAnswer(a: NewAnswer): Promise<AnswerOutcome> {
    return this.tx(async (c): Promise<AnswerOutcome> => {
      // FOR SHARE: answers proceed side by side, but a close waits for them (and they for it).
      const { rows } = await c.query<QuizRow>('SELECT * FROM quizzes WHERE id = $1 FOR SHARE', [a.quizId]);
      const row = rows[0];
      if (!row) return { status: 'unknown-quiz' };
      if (row.status !== 'open' || a.at >= row.closes_at) return { status: 'closed' };
      if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice >= row.n_choices) {
        return { status: 'bad-choice', choices: row.n_choices };
      }
      const correct = a.choice === row.answer ? 1 : 0;
      const inserted = await c.query(
        `INSERT INTO answers (quiz_id, user_id, user_name, choice, correct, answered_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (quiz_id, user_id) DO NOTHING`,
        [a.quizId, a.userId, a.userName, a.choice, correct, a.at],
      );
      if (inserted.rowCount === 0) {
        const prev = await c.query<{ choice: number }>('SELECT choice FROM answers WHERE quiz_id = $1 AND user_id = $2', [a.quizId, a.userId]);
        return { status: 'duplicate', previousChoice: prev.rows[0]!.choice };
      }
      const points = correct ? row.points : 0;
      const platform = row.platform as Platform;
      const scopes: ScoreScope[] = [{ kind: 'channel', platform, channelId: row.channel_id }];
      if (row.server_id) scopes.push({ kind: 'server', platform, serverId: row.server_id });
      for (const scope of scopes) await c.query(BUMP_SCORE, [scopeKey(scope), a.userId, a.userName, points, correct, a.at]);
      return { status: 'recorded', correct: correct === 1, answer: row.answer, points };
    });
  }

  private async tally(c: Queryable, row: QuizRow): Promise<QuizResult> {
    const counts = new Array<number>(row.n_choices).fill(0);
    const byChoice = await c.query<{ choice: number; n: number }>(
      'SELECT choice, COUNT(*) AS n FROM answers WHERE quiz_id = $1 GROUP BY choice',
      [row.id],
    );
    for (const r of byChoice.rows) counts[r.choice] = r.n;
    const first = await c.query<{ user_id: string; user_name: string; answered_at: number }>(
      'SELECT user_id, user_name, answered_at FROM answers WHERE quiz_id = $1 AND correct = 1 ORDER BY seq LIMIT 1',
      [row.id],
    );
    const f = first.rows[0];
    return {
      quiz: toQuiz(row),
      counts,
      total: counts.reduce((s, n) => s + n, 0),
      correctCount: counts[row.answer],
      firstCorrect: f && { userId: f.user_id, userName: f.user_name, at: f.answered_at },
    };
  }

  async closeQuiz(quizId: string, at: number): Promise<QuizResult | undefined> {
    return this.tx(async (c) => {
      const { rows } = await c.query<QuizRow>(
        `UPDATE quizzes SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open' RETURNING *`,
        [at, quizId],
      );
      return rows[0] && this.tally(c, rows[0]);
    });
  }

  async quizResult(quizId: string): Promise<QuizResult | undefined> {
    await this.ready;
    const { rows } = await this.pool.query<QuizRow>('SELECT * FROM quizzes WHERE id = $1', [quizId]);
    return rows[0] && this.tally(this.pool as unknown as Queryable, rows[0]);
  }

  async markRevealed(quizId: string, at: number): Promise<void> {
    await this.q('UPDATE quizzes SET revealed_at = $1 WHERE id = $2 AND revealed_at IS NULL', [at, quizId]);
  }

  async unrevealedQuizzes(platform: Platform): Promise<QuizRecord[]> {
    const { rows } = await this.q<QuizRow>(
      `SELECT * FROM quizzes WHERE platform = $1 AND status = 'closed' AND revealed_at IS NULL ORDER BY closed_at`,
      [platform],
    );
    return rows.map(toQuiz);
  }

  async askedQuestions(platform: Platform, channelId: string): Promise<Set<string>> {
    const { rows } = await this.q<{ question_id: string }>('SELECT question_id FROM asked WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return new Set(rows.map((r) => r.question_id));
  }

  async forgetAsked(platform: Platform, channelId: string, questionIds: readonly string[]): Promise<void> {
    await this.q('DELETE FROM asked WHERE platform = $1 AND channel_id = $2 AND question_id = ANY($3::text[])', [platform, channelId, [...questionIds]]);
  }

  async leaderboard(scope: ScoreScope, limit: number): Promise<ScoreRow[]> {
    const { rows } = await this.q<ScoreDbRow>(`${RANKED} ORDER BY rank, updated_at LIMIT $2`, [scopeKey(scope), limit]);
    return rows.map(toScore);
  }

  async scoreOf(scope: ScoreScope, userId: string): Promise<ScoreRow | undefined> {
    const { rows } = await this.q<ScoreDbRow>(`SELECT * FROM (${RANKED}) AS ranked WHERE user_id = $2`, [scopeKey(scope), userId]);
    return rows[0] && toScore(rows[0]);
  }

  async saveSchedule(s: Schedule): Promise<void> {
    await this.q(
      `INSERT INTO schedules (platform, channel_id, server_id, time, time_zone, topic, difficulty, seconds,
                              created_by, created_at, last_slot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         server_id = excluded.server_id, time = excluded.time, time_zone = excluded.time_zone,
         topic = excluded.topic, difficulty = excluded.difficulty, seconds = excluded.seconds,
         created_by = excluded.created_by, created_at = excluded.created_at, last_slot = excluded.last_slot`,
      [s.platform, s.channelId, s.serverId ?? null, s.time, s.timeZone, s.topic ?? null, s.difficulty ?? null, s.seconds,
        s.createdBy, s.createdAt, s.lastSlot ?? null],
    );
  }

  async deleteSchedule(platform: Platform, channelId: string): Promise<boolean> {
    const r = await this.q('DELETE FROM schedules WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return (r.rowCount ?? 0) > 0;
  }

  async getSchedule(platform: Platform, channelId: string): Promise<Schedule | undefined> {
    const { rows } = await this.q<ScheduleRow>('SELECT * FROM schedules WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return rows[0] && toSchedule(rows[0]);
  }

  async listSchedules(platform: Platform): Promise<Schedule[]> {
    const { rows } = await this.q<ScheduleRow>('SELECT * FROM schedules WHERE platform = $1 ORDER BY channel_id', [platform]);
    return rows.map(toSchedule);
  }

  async claimScheduleSlot(platform: Platform, channelId: string, slot: number): Promise<boolean> {
    const r = await this.q(
      `UPDATE schedules SET last_slot = $3 WHERE platform = $1 AND channel_id = $2 AND (last_slot IS NULL OR last_slot < $3)`,
      [platform, channelId, slot],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async claimOnce(key: string, at: number, leaseMs?: number): Promise<boolean> {
    const r = await this.q(
      `INSERT INTO claims (key, claimed_at, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE claims.expires_at IS NOT NULL AND claims.expires_at <= excluded.claimed_at`,
      [key, at, leaseMs === undefined ? null : at + leaseMs],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async completeClaim(key: string): Promise<void> {
    await this.q('UPDATE claims SET expires_at = NULL WHERE key = $1', [key]);
  }

  async releaseClaim(key: string): Promise<void> {
    await this.q('DELETE FROM claims WHERE key = $1', [key]);
  }

  async claimTrigger(id: string, at: number, keepMs = TRIGGER_KEEP_MS): Promise<boolean> {
    await this.q('DELETE FROM triggers WHERE seen_at < $1', [at - keepMs]);
    const r = await this.q('INSERT INTO triggers (id, seen_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, at]);
    return (r.rowCount ?? 0) > 0;
  }

  async acquireUserSlot(userId: string, at: number, limits: UserLimits): Promise<UserRefusal | undefined> {
    return this.tx(async (c) => {
      // A placeholder row first, so that FOR UPDATE has a row to lock even for a new user.
      await c.query(
        `INSERT INTO user_slots (user_id, in_flight, last_start, lease_until) VALUES ($1, 0, $2, 0) ON CONFLICT (user_id) DO NOTHING`,
        [userId, at - limits.cooldownMs],
      );
      const { rows } = await c.query<{ in_flight: number; last_start: number; lease_until: number }>(
        'SELECT in_flight, last_start, lease_until FROM user_slots WHERE user_id = $1 FOR UPDATE',
        [userId],
      );
      const row = rows[0]!;
      const slot = { inFlight: row.in_flight, lastStart: row.last_start, leaseUntil: row.lease_until };
      const refused = judgeUserSlot(slot, at, limits);
      if (refused) return refused;
      const inFlight = slot.leaseUntil > at ? slot.inFlight : 0;
      await c.query('UPDATE user_slots SET in_flight = $2, last_start = $3, lease_until = $4 WHERE user_id = $1', [
        userId, inFlight + 1, at, at + limits.leaseMs,
      ]);
      return undefined;
    });
  }

  async releaseUserSlot(userId: string, at: number): Promise<void> {
    await this.q('UPDATE user_slots SET in_flight = GREATEST(0, in_flight - 1), last_start = $2 WHERE user_id = $1', [userId, at]);
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}
