// One id per interaction, carried through every await of its handling by AsyncLocalStorage, so the
// logger can stamp it on each line (src/core/log.ts mixin) without threading it through calls.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const store = new AsyncLocalStorage<string>();

/** Runs `fn` with `id` (or a fresh one) as the current request id. */
export function withRequestId<T>(id: string | undefined, fn: () => T): T {
  return store.run(id && id.length <= 64 ? id : randomUUID(), fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore();
}

/** pino's `mixin`: adds `requestId` to every line logged inside withRequestId. */
export function requestIdMixin(): { requestId?: string } {
  const requestId = store.getStore();
  return requestId ? { requestId } : {};
}
