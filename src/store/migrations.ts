// Versioned schema migrations, applied in order at start-up, shared by both engines. SQLite keeps
// the version reached in PRAGMA user_version, PostgreSQL in schema_version; each migration runs
// in its own transaction. Never edit a shipped migration: append a new one. The SQL is written
// for SQLite; a Dialect rewrites the few spellings PostgreSQL does not share.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** The migration's SQL as this engine spells it. */
  sql(migration: Migration): string;
}

export const sqliteDialect: Dialect = { name: 'sqlite', sql: (m) => m.sql };

/**
 * Epoch-millisecond columns need 64 bits in PostgreSQL (INTEGER is 32 there, 64 in SQLite), the
 * commit-order key becomes an identity column, and WITHOUT ROWID (a SQLite storage detail) goes.
 */
export const postgresDialect: Dialect = {
  name: 'postgres',
  sql: (m) =>
    m.sql
      .replace(/INTEGER PRIMARY KEY AUTOINCREMENT/g, 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY')
      .replace(/\bINTEGER\b/g, 'BIGINT')
      .replace(/\)\s*WITHOUT ROWID/g, ')'),
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'quizzes, answers, asked history, scores, schedules',
    sql: `
      CREATE TABLE quizzes (
        id            TEXT PRIMARY KEY,
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        server_id     TEXT,
        created_by    TEXT,
        question_id   TEXT NOT NULL,
        question_json TEXT NOT NULL,
        n_choices     INTEGER NOT NULL,
        answer        INTEGER NOT NULL,
        points        INTEGER NOT NULL,
        opened_at     INTEGER NOT NULL,
        closes_at     INTEGER NOT NULL,
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at     INTEGER,
        message_id    TEXT
      );
      CREATE INDEX quizzes_open ON quizzes (platform, status);

      -- seq is the commit order: "who was right first" is the smallest seq among correct answers.
      CREATE TABLE answers (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        quiz_id     TEXT NOT NULL REFERENCES quizzes (id),
        user_id     TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        choice      INTEGER NOT NULL,
        correct     INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        UNIQUE (quiz_id, user_id)
      );

      CREATE TABLE asked (
        platform    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        question_id TEXT NOT NULL,
        asked_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, question_id)
      ) WITHOUT ROWID;

      -- scope is "channel:<platform>:<id>" or "server:<platform>:<id>".
      CREATE TABLE scores (
        scope       TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        points      INTEGER NOT NULL DEFAULT 0,
        answers     INTEGER NOT NULL DEFAULT 0,
        correct     INTEGER NOT NULL DEFAULT 0,
        streak      INTEGER NOT NULL DEFAULT 0,
        best_streak INTEGER NOT NULL DEFAULT 0,
        updated_at  INTEGER NOT NULL,
        PRIMARY KEY (scope, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX scores_rank ON scores (scope, points DESC, correct DESC);

      CREATE TABLE schedules (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        server_id  TEXT,
        time       TEXT NOT NULL,
        time_zone  TEXT NOT NULL,
        topic      TEXT,
        difficulty TEXT,
        seconds    INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_slot  INTEGER,
        PRIMARY KEY (platform, channel_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'remember which closed quizzes were revealed, so a lost reveal is posted at the next start',
    sql: `
      ALTER TABLE quizzes ADD COLUMN revealed_at INTEGER;
      UPDATE quizzes SET revealed_at = closed_at WHERE status = 'closed';
      CREATE INDEX quizzes_unrevealed ON quizzes (platform, status, revealed_at);
    `,
  },
  {
    version: 3,
    name: 'what replicas must agree on: one-time claims (reveals), Slack trigger de-duplication, per-user work slots',
    sql: `
      -- A claim is taken once; with expires_at it is a lease another process may take over after it lapses.
      CREATE TABLE claims (
        key        TEXT PRIMARY KEY,
        claimed_at INTEGER NOT NULL,
        expires_at INTEGER
      );

      -- Slack retries and repeated trigger ids seen recently, so a retry reaching another replica is dropped too.
      CREATE TABLE triggers (
        id      TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX triggers_seen ON triggers (seen_at);

      -- Heavy work per user across replicas: jobs running now and when the last one started (cooldown).
      CREATE TABLE user_slots (
        user_id     TEXT PRIMARY KEY,
        in_flight   INTEGER NOT NULL DEFAULT 0,
        last_start  INTEGER NOT NULL,
        lease_until INTEGER NOT NULL
      );
    `,
  },
];
