// The only module that speaks SQL. better-sqlite3 is synchronous, so every method below runs
// to completion (commit included) before its promise resolves: an answer is on disk before the
// member is told "recorded". Writes use BEGIN IMMEDIATE so several processes sharing the file
// queue on the write lock (busy_timeout) instead of failing half-way.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../core/command.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { toQuiz, toSchedule, toScore, type QuizRow, type ScheduleRow, type ScoreDbRow } from './rows.ts';
import { scopeKey } from './scope.ts';
import {
  POINTS,
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
  TRIGGER_KEEP_MS,
  judgeUserSlot,
} from './types.ts';

export interface SqliteOptions {
  /**
   * FULL (default) fsyncs the WAL on every commit: an acknowledged answer survives a power cut,
   * not only a killed process. NORMAL survives kill -9 but may lose the last commits on power loss.
   */
  synchronous?: 'FULL' | 'NORMAL';
  migrations?: readonly Migration[];
}

export { scopeKey };

/** Applies pending migrations; returns the versions applied. Exported for the migration test. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}

export class SqliteStore implements QuizStore {
  readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string, options: SqliteOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, options.migrations);
    const db = this.db;
    this.stmt = {
      insertQuiz: db.prepare(`
        INSERT INTO quizzes (id, platform, channel_id, server_id, created_by, question_id, question_json,
                             n_choices, answer, points, opened_at, closes_at)
        VALUES (@id, @platform, @channelId, @serverId, @createdBy, @questionId, @questionJson,
                @nChoices, @answer, @points, @openedAt, @closesAt)`),
      insertAsked: db.prepare(`
        INSERT OR REPLACE INTO asked (platform, channel_id, question_id, asked_at) VALUES (?, ?, ?, ?)`),
      setMessage: db.prepare(`UPDATE quizzes SET message_id = ? WHERE id = ?`),
      getQuiz: db.prepare(`SELECT * FROM quizzes WHERE id = ?`),
      openQuizzes: db.prepare(`SELECT * FROM quizzes WHERE platform = ? AND status = 'open' ORDER BY closes_at`),
      insertAnswer: db.prepare(`
        INSERT INTO answers (quiz_id, user_id, user_name, choice, correct, answered_at)
        VALUES (@quizId, @userId, @userName, @choice, @correct, @at)
        ON CONFLICT (quiz_id, user_id) DO NOTHING`),
      previousChoice: db.prepare(`SELECT choice FROM answers WHERE quiz_id = ? AND user_id = ?`),
      bumpScore: db.prepare(`
        INSERT INTO scores (scope, user_id, user_name, points, answers, correct, streak, best_streak, updated_at)
        VALUES (@scope, @userId, @userName, @points, 1, @correct, @correct, @correct, @at)
        ON CONFLICT (scope, user_id) DO UPDATE SET
          user_name   = excluded.user_name,
          points      = points + excluded.points,
          answers     = answers + 1,
          correct     = correct + excluded.correct,
          streak      = CASE WHEN excluded.correct = 1 THEN streak + 1 ELSE 0 END,
          best_streak = MAX(best_streak, CASE WHEN excluded.correct = 1 THEN streak + 1 ELSE 0 END),
          updated_at  = excluded.updated_at`),
      closeQuiz: db.prepare(`UPDATE quizzes SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'`),
      markRevealed: db.prepare(`UPDATE quizzes SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL`),
      unrevealed: db.prepare(
        `SELECT * FROM quizzes WHERE platform = ? AND status = 'closed' AND revealed_at IS NULL ORDER BY closed_at`,
      ),
      counts: db.prepare(`SELECT choice, COUNT(*) AS n FROM answers WHERE quiz_id = ? GROUP BY choice`),
      firstCorrect: db.prepare(`
        SELECT user_id, user_name, answered_at FROM answers WHERE quiz_id = ? AND correct = 1 ORDER BY seq LIMIT 1`),
      asked: db.prepare(`SELECT question_id FROM asked WHERE platform = ? AND channel_id = ?`),
      forgetAsked: db.prepare(`DELETE FROM asked WHERE platform = ? AND channel_id = ? AND question_id = ?`),
      leaderboard: db.prepare(`
        SELECT user_id, user_name, points, answers, correct, streak, best_streak,
               RANK() OVER (ORDER BY points DESC, correct DESC) AS rank
        FROM scores WHERE scope = ? ORDER BY rank, updated_at LIMIT ?`),
      scoreOf: db.prepare(`
        SELECT * FROM (
          SELECT user_id, user_name, points, answers, correct, streak, best_streak,
                 RANK() OVER (ORDER BY points DESC, correct DESC) AS rank
          FROM scores WHERE scope = ?)
        WHERE user_id = ?`),
      saveSchedule: db.prepare(`
        INSERT INTO schedules (platform, channel_id, server_id, time, time_zone, topic, difficulty, seconds,
                               created_by, created_at, last_slot)
        VALUES (@platform, @channelId, @serverId, @time, @timeZone, @topic, @difficulty, @seconds,
                @createdBy, @createdAt, @lastSlot)
        ON CONFLICT (platform, channel_id) DO UPDATE SET
          server_id = excluded.server_id, time = excluded.time, time_zone = excluded.time_zone,
          topic = excluded.topic, difficulty = excluded.difficulty, seconds = excluded.seconds,
          created_by = excluded.created_by, created_at = excluded.created_at, last_slot = excluded.last_slot`),
      deleteSchedule: db.prepare(`DELETE FROM schedules WHERE platform = ? AND channel_id = ?`),
      getSchedule: db.prepare(`SELECT * FROM schedules WHERE platform = ? AND channel_id = ?`),
      listSchedules: db.prepare(`SELECT * FROM schedules WHERE platform = ? ORDER BY channel_id`),
      claimSlot: db.prepare(`
        UPDATE schedules SET last_slot = @slot
        WHERE platform = @platform AND channel_id = @channelId AND (last_slot IS NULL OR last_slot < @slot)`),
      claim: db.prepare(`
        INSERT INTO claims (key, claimed_at, expires_at) VALUES (@key, @at, @expires)
        ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
        WHERE claims.expires_at IS NOT NULL AND claims.expires_at <= excluded.claimed_at`),
      completeClaim: db.prepare(`UPDATE claims SET expires_at = NULL WHERE key = ?`),
      releaseClaim: db.prepare(`DELETE FROM claims WHERE key = ?`),
      forgetTriggers: db.prepare(`DELETE FROM triggers WHERE seen_at < ?`),
      claimTrigger: db.prepare(`INSERT INTO triggers (id, seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`),
      userSlot: db.prepare(`SELECT in_flight, last_start, lease_until FROM user_slots WHERE user_id = ?`),
      takeSlot: db.prepare(`
        INSERT INTO user_slots (user_id, in_flight, last_start, lease_until) VALUES (@userId, @inFlight, @at, @leaseUntil)
        ON CONFLICT (user_id) DO UPDATE SET
          in_flight = excluded.in_flight, last_start = excluded.last_start, lease_until = excluded.lease_until`),
      releaseSlot: db.prepare(`UPDATE user_slots SET in_flight = MAX(0, in_flight - 1), last_start = ? WHERE user_id = ?`),
    };
  }

  async createQuiz(quiz: NewQuiz): Promise<QuizRecord> {
    const q = quiz.question;
    this.db
      .transaction(() => {
        this.stmt.insertQuiz.run({
          id: quiz.id,
          platform: quiz.platform,
          channelId: quiz.channelId,
          serverId: quiz.serverId ?? null,
          createdBy: quiz.createdBy ?? null,
          questionId: q.id,
          questionJson: JSON.stringify(q),
          nChoices: q.choices.length,
          answer: q.answer,
          points: POINTS[q.difficulty],
          openedAt: quiz.openedAt,
          closesAt: quiz.closesAt,
        });
        this.stmt.insertAsked.run(quiz.platform, quiz.channelId, q.id, quiz.openedAt);
      })
      .immediate();
    return { ...quiz, status: 'open' };
  }

  async setQuizMessage(quizId: string, messageId: string): Promise<void> {
    this.stmt.setMessage.run(messageId, quizId);
  }

  async getQuiz(quizId: string): Promise<QuizRecord | undefined> {
    const row = this.stmt.getQuiz.get(quizId) as QuizRow | undefined;
    return row && toQuiz(row);
  }

  async openQuizzes(platform: Platform): Promise<QuizRecord[]> {
    return (this.stmt.openQuizzes.all(platform) as QuizRow[]).map(toQuiz);
  }

  async recordAnswer(a: NewAnswer): Promise<AnswerOutcome> {
    return this.db
      .transaction((): AnswerOutcome => {
        const row = this.stmt.getQuiz.get(a.quizId) as QuizRow | undefined;
        if (!row) return { status: 'unknown-quiz' };
        if (row.status !== 'open' || a.at >= row.closes_at) return { status: 'closed' };
        if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice >= row.n_choices) {
          return { status: 'bad-choice', choices: row.n_choices };
        }
        const correct = a.choice === row.answer ? 1 : 0;
        const inserted = this.stmt.insertAnswer.run({ ...a, correct });
        if (inserted.changes === 0) {
          const prev = this.stmt.previousChoice.get(a.quizId, a.userId) as { choice: number };
          return { status: 'duplicate', previousChoice: prev.choice };
        }
        const points = correct ? row.points : 0;
        const scopes: ScoreScope[] = [{ kind: 'channel', platform: row.platform as Platform, channelId: row.channel_id }];
        if (row.server_id) scopes.push({ kind: 'server', platform: row.platform as Platform, serverId: row.server_id });
        for (const scope of scopes) {
          this.stmt.bumpScore.run({ scope: scopeKey(scope), userId: a.userId, userName: a.userName, points, correct, at: a.at });
        }
        return { status: 'recorded', correct: correct === 1, answer: row.answer, points };
      })
      .immediate();
  }

  private tally(row: QuizRow): QuizResult {
    const counts = new Array<number>(row.n_choices).fill(0);
    for (const c of this.stmt.counts.all(row.id) as { choice: number; n: number }[]) counts[c.choice] = c.n;
    const first = this.stmt.firstCorrect.get(row.id) as { user_id: string; user_name: string; answered_at: number } | undefined;
    return {
      quiz: toQuiz(row),
      counts,
      total: counts.reduce((s, n) => s + n, 0),
      correctCount: counts[row.answer],
      firstCorrect: first && { userId: first.user_id, userName: first.user_name, at: first.answered_at },
    };
  }

  async closeQuiz(quizId: string, at: number): Promise<QuizResult | undefined> {
    return this.db
      .transaction(() => {
        if (this.stmt.closeQuiz.run(at, quizId).changes === 0) return undefined;
        return this.tally(this.stmt.getQuiz.get(quizId) as QuizRow);
      })
      .immediate();
  }

  async quizResult(quizId: string): Promise<QuizResult | undefined> {
    const row = this.stmt.getQuiz.get(quizId) as QuizRow | undefined;
    return row && this.tally(row);
  }

  async markRevealed(quizId: string, at: number): Promise<void> {
    this.stmt.markRevealed.run(at, quizId);
  }

  async unrevealedQuizzes(platform: Platform): Promise<QuizRecord[]> {
    return (this.stmt.unrevealed.all(platform) as QuizRow[]).map(toQuiz);
  }

  async askedQuestions(platform: Platform, channelId: string): Promise<Set<string>> {
    return new Set((this.stmt.asked.all(platform, channelId) as { question_id: string }[]).map((r) => r.question_id));
  }

  async forgetAsked(platform: Platform, channelId: string, questionIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of questionIds) this.stmt.forgetAsked.run(platform, channelId, id);
    })();
  }

  async leaderboard(scope: ScoreScope, limit: number): Promise<ScoreRow[]> {
    return (this.stmt.leaderboard.all(scopeKey(scope), limit) as ScoreDbRow[]).map(toScore);
  }

  async scoreOf(scope: ScoreScope, userId: string): Promise<ScoreRow | undefined> {
    const row = this.stmt.scoreOf.get(scopeKey(scope), userId) as ScoreDbRow | undefined;
    return row && toScore(row);
  }

  async saveSchedule(s: Schedule): Promise<void> {
    this.stmt.saveSchedule.run({
      platform: s.platform,
      channelId: s.channelId,
      serverId: s.serverId ?? null,
      time: s.time,
      timeZone: s.timeZone,
      topic: s.topic ?? null,
      difficulty: s.difficulty ?? null,
      seconds: s.seconds,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      lastSlot: s.lastSlot ?? null,
    });
  }

  async deleteSchedule(platform: Platform, channelId: string): Promise<boolean> {
    return this.stmt.deleteSchedule.run(platform, channelId).changes > 0;
  }

  async getSchedule(platform: Platform, channelId: string): Promise<Schedule | undefined> {
    const row = this.stmt.getSchedule.get(platform, channelId) as ScheduleRow | undefined;
    return row && toSchedule(row);
  }

  async listSchedules(platform: Platform): Promise<Schedule[]> {
    return (this.stmt.listSchedules.all(platform) as ScheduleRow[]).map(toSchedule);
  }

  async claimScheduleSlot(platform: Platform, channelId: string, slot: number): Promise<boolean> {
    return this.stmt.claimSlot.run({ platform, channelId, slot }).changes > 0;
  }

  async claimOnce(key: string, at: number, leaseMs?: number): Promise<boolean> {
    return this.stmt.claim.run({ key, at, expires: leaseMs === undefined ? null : at + leaseMs }).changes > 0;
  }

  async completeClaim(key: string): Promise<void> {
    this.stmt.completeClaim.run(key);
  }

  async releaseClaim(key: string): Promise<void> {
    this.stmt.releaseClaim.run(key);
  }

  async claimTrigger(id: string, at: number, keepMs = TRIGGER_KEEP_MS): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.stmt.forgetTriggers.run(at - keepMs);
        return this.stmt.claimTrigger.run(id, at).changes > 0;
      })
      .immediate();
  }

  async acquireUserSlot(userId: string, at: number, limits: UserLimits): Promise<UserRefusal | undefined> {
    return this.db
      .transaction(() => {
        const row = this.stmt.userSlot.get(userId) as { in_flight: number; last_start: number; lease_until: number } | undefined;
        const slot = row && { inFlight: row.in_flight, lastStart: row.last_start, leaseUntil: row.lease_until };
        const refused = judgeUserSlot(slot, at, limits);
        if (refused) return refused;
        const inFlight = slot && slot.leaseUntil > at ? slot.inFlight : 0;
        this.stmt.takeSlot.run({ userId, inFlight: inFlight + 1, at, leaseUntil: at + limits.leaseMs });
        return undefined;
      })
      .immediate();
  }

  async releaseUserSlot(userId: string, at: number): Promise<void> {
    this.stmt.releaseSlot.run(at, userId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
