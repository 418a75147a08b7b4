// The quiz feature's entry points. Adapters call startQuizService at start-up (once per platform);
// /quiz handlers call getQuizService, which opens the default store lazily when nobody did.
import type { Outbox, Platform } from '../core/command.ts';
import { config } from '../config.ts';
import { openConfiguredStore, openStore, openStoreForRequest } from '../store/index.ts';
import { PostgresStore } from '../store/postgres.ts';
import type { QuizStore } from '../store/types.ts';
import { bank } from './bank.ts';
import { systemClock, type Clock } from './clock.ts';
import { PgBossScheduler } from './pgboss-scheduler.ts';
import type { SchedulerFactory } from './scheduler.ts';
import { QuizService, type ServiceOptions } from './service.ts';

let current: QuizService | undefined;

/** The store's natural scheduler: a job queue in the same PostgreSQL, or in-process timers with SQLite. */
export function schedulerFor(store: QuizStore): SchedulerFactory | undefined {
  return store instanceof PostgresStore ? PgBossScheduler.factory({ connectionString: store.connectionString }) : undefined;
}

/** DATABASE_URL's PostgreSQL, else the SQLite file; for a request, an unusable file is "cannot be saved". */
function defaultStore(forRequest = false): QuizStore {
  const c = config();
  if (c.DATABASE_URL) return openConfiguredStore(c);
  return forRequest ? openStoreForRequest() : openStore();
}

function service(store: QuizStore, clock: Clock, options: ServiceOptions = {}): QuizService {
  return new QuizService(store, clock, { scheduler: schedulerFor(store), ...options });
}

/**
 * Starts (or joins) the process's quiz service and attaches `outbox` for `platform`: open quizzes
 * of that platform are closed and revealed (or re-armed if still running), missed schedules post
 * once, and daily timers start. Validates the question bank first (throws BankError if bad).
 * Calling it again for another platform reuses the same service, store and clock.
 */
export async function startQuizService(
  outbox: Outbox,
  store?: QuizStore,
  clock?: Clock,
  platform: Platform = 'console',
  options?: ServiceOptions,
): Promise<QuizService> {
  bank();
  current ??= service(store ?? defaultStore(), clock ?? systemClock, options);
  await current.attach(platform, outbox);
  return current;
}

/** The running service, created on first use with the configured store (DATABASE_URL or DATABASE_PATH) and clock. */
export function getQuizService(): QuizService {
  current ??= service(defaultStore(true), systemClock);
  return current;
}

/** For tests: replace (or clear) the process's service. */
export function setQuizService(service: QuizService | undefined): void {
  current = service;
}

/** Stops timers and closes the store (graceful shutdown). */
export async function stopQuizService(): Promise<void> {
  const s = current;
  current = undefined;
  if (s) {
    await s.stop();
    await s.store.close();
  }
}

export { QuizService } from './service.ts';
export { FakeClock, systemClock, type Clock } from './clock.ts';
