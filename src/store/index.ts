// Opening the store: DATABASE_PATH or data/nn-tutor.db, created (directory included) on first run.
import { SqliteStore, type SqliteOptions } from './sqlite.ts';
import { PostgresStore } from './postgres.ts';
import type { QuizStore } from './types.ts';

export const DEFAULT_DATABASE_PATH = 'data/nn-tutor.db';

export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH;
}

export function openStore(file: string = databasePath(), options?: SqliteOptions): QuizStore {
  return new SqliteStore(file, options);
}

/** PostgreSQL when DATABASE_URL is set (shared by replicas), else the SQLite file at DATABASE_PATH. */
export function openConfiguredStore(config: { DATABASE_URL?: string; DATABASE_PATH: string }): QuizStore {
  return config.DATABASE_URL ? new PostgresStore({ connectionString: config.DATABASE_URL }) : openStore(config.DATABASE_PATH);
}

export type * from './types.ts';
export { POINTS } from './types.ts';
export { SqliteStore, scopeKey } from './sqlite.ts';
export { PostgresStore } from './postgres.ts';
