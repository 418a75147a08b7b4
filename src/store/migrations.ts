// Versioned schema migrations, applied in order at start-up. PRAGMA user_version holds the
// version reached; each migration runs in its own transaction. Never edit a shipped migration:
// append a new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
