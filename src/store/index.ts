// Opening the store: DATABASE_PATH (default in src/config.ts), its folders made on first run after
// the path has been checked; storage failures later become StoreUnavailableError.
import { config, ConfigError } from '../config.ts';
import { log } from '../core/log.ts';
import { prepareDatabasePath } from './path-check.ts';
import { SqliteStore, type SqliteOptions } from './sqlite.ts';
import { PostgresStore } from './postgres.ts';
import type { QuizStore } from './types.ts';
import { guardStore, isStoreUnavailable, StoreUnavailableError } from './unavailable.ts';

export function databasePath(): string {
  return config().DATABASE_PATH;
}

/**
 * Checks the path, then opens and migrates. Throws ConfigError naming DATABASE_PATH and the reason
 * when the file cannot be used (start-up turns it into exit code 2).
 */
export function openStore(file: string = databasePath(), options?: SqliteOptions): QuizStore {
  prepareDatabasePath(file);
  try {
    return guardStore(new SqliteStore(file, options));
  } catch (err) {
    if (!isStoreUnavailable(err)) throw err;
    throw new ConfigError('DATABASE_PATH', `(${file}) cannot be opened as a SQLite database: ${err.message} (${err.code})`);
  }
}

/** openStore() for a request (the first /quiz of a one-shot run): an unusable path is the member's "cannot be saved". */
export function openStoreForRequest(): QuizStore {
  try {
    return openStore();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    log.error({ err: err.message }, 'quiz database cannot be opened');
    throw new StoreUnavailableError('open');
  }
}

/** PostgreSQL when DATABASE_URL is set (shared by replicas), else the SQLite file at DATABASE_PATH. */
export function openConfiguredStore(config: { DATABASE_URL?: string; DATABASE_PATH: string }): QuizStore {
  return config.DATABASE_URL ? new PostgresStore({ connectionString: config.DATABASE_URL }) : openStore(config.DATABASE_PATH);
}

export type * from './types.ts';
export { POINTS } from './types.ts';
export { SqliteStore, scopeKey } from './sqlite.ts';
export { StoreUnavailableError } from './unavailable.ts';
export { PostgresStore } from './postgres.ts';
