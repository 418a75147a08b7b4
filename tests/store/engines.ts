// The two store engines as test fixtures. PostgreSQL is the local test server (127.0.0.1:5432,
// trust auth, database "test"); every store gets its own schema, dropped when the file is done.
// When the server is unreachable the PostgreSQL half is skipped with the reason printed, unless
// NN_REQUIRE_POSTGRES=1 (set by .ci/run), which turns the skip into a failure. These two variables
// are the test harness's, not the bot's configuration, so they are read here and not in src/config.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { PostgresStore, migratePostgres, poolFor } from '../../src/store/postgres.ts';
import { SqliteStore, migrate } from '../../src/store/sqlite.ts';
import type { Migration } from '../../src/store/migrations.ts';
import type { QuizStore } from '../../src/store/types.ts';
import { tempDbPath } from '../quiz/helpers.ts';

export const TEST_POSTGRES_URL = process.env.NN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_POSTGRES = process.env.NN_REQUIRE_POSTGRES === '1';

/** Why PostgreSQL cannot be used, or undefined when it can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${(err as Error).message || (err as Error).name})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Resolves the PostgreSQL half of a suite: a reason to skip (printed), or a thrown error when
 * NN_REQUIRE_POSTGRES=1 forbids skipping.
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  const reason = await postgresUnavailable();
  if (reason && REQUIRE_POSTGRES) throw new Error(`${reason}, and NN_REQUIRE_POSTGRES=1 requires it`);
  if (reason) console.warn(`[store tests] skipping the PostgreSQL half: ${reason}. Set NN_REQUIRE_POSTGRES=1 to make this a failure.`);
  return reason;
}

const runId = `nn_test_${process.pid}_${randomBytes(3).toString('hex')}`;
let schemas = 0;
const created: string[] = [];

/** A fresh, unused schema name (dropped by dropTestSchemas). */
export function testSchema(): string {
  const name = `${runId}_${++schemas}`;
  created.push(name);
  return name;
}

export async function dropTestSchemas(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  client.on('error', () => undefined);
  try {
    await client.connect();
    for (const s of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL in a schema, for tests that look under the store. */
export async function sqlIn(schema: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, options: `-c search_path=${schema}` });
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A location for a new empty database: a file path or a schema name. */
  location(): string;
  open(location: string, migrations?: readonly Migration[]): Promise<QuizStore>;
  /** Applies migrations to the database at `location` directly; the versions applied. */
  migrate(location: string, migrations: readonly Migration[]): Promise<number[]>;
  /** Runs plain SQL (written to suit both engines) on the database at `location`. */
  exec(location: string, sql: string): Promise<void>;
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  location: () => {
    const file = tempDbPath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return file;
  },
  open: async (file, migrations) => new SqliteStore(file, { synchronous: 'NORMAL', migrations }),
  migrate: async (file, migrations) => {
    const db = new Database(file);
    try {
      return migrate(db, migrations);
    } finally {
      db.close();
    }
  },
  exec: async (file, sql) => {
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  },
};

export const postgresEngine: Engine = {
  name: 'postgres',
  location: testSchema,
  open: async (schema, migrations) => {
    const store = new PostgresStore({ connectionString: TEST_POSTGRES_URL, schema, migrations, max: 5 });
    await store.ready;
    return store;
  },
  migrate: async (schema, migrations) => {
    const pool = poolFor({ connectionString: TEST_POSTGRES_URL, schema, max: 1 });
    try {
      return await migratePostgres(pool, schema, migrations);
    } finally {
      await pool.end();
    }
  },
  exec: async (schema, sql) => void (await sqlIn(schema, sql)),
};
