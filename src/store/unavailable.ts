// A database that stops accepting writes while the bot runs (disk full, file made read-only,
// removed, locked for too long) is the operator's problem, not a bug: the member gets a clear
// "scores cannot be saved right now" instead of the generic apology, and the log says why.
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.ts';
import { log } from '../core/log.ts';
import type { QuizStore } from './types.ts';

export class StoreUnavailableError extends UserError {
  constructor(readonly code: string) {
    super('Scores cannot be saved right now: the quiz database is not accepting writes. Nothing was recorded; please try again later.');
    this.name = 'StoreUnavailableError';
  }
}

// SQLite's primary result codes for "the file cannot be written or read now" (extended codes such
// as SQLITE_READONLY_DBMOVED or SQLITE_IOERR_WRITE start with these).
const UNAVAILABLE = ['SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_PERM', 'SQLITE_NOTADB', 'SQLITE_CORRUPT'];

export function isStoreUnavailable(err: unknown): err is InstanceType<typeof Database.SqliteError> {
  return err instanceof Database.SqliteError && UNAVAILABLE.some((c) => err.code === c || err.code.startsWith(`${c}_`));
}

/** `store` whose storage failures reject with StoreUnavailableError; other errors pass through. */
export function guardStore<S extends QuizStore>(store: S): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'close') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (err) {
          if (!isStoreUnavailable(err)) throw err;
          log.error({ err, method: String(prop) }, 'quiz database unavailable');
          throw new StoreUnavailableError(err.code);
        }
      };
    },
  });
}
