// The work queue's per-user limits shared through the store, so that a user spreading requests
// over several replicas still gets one heavy job at a time and the cooldown between them.
import type { UserGate } from '../core/queue.ts';
import type { QuizStore, UserLimits } from './types.ts';

/** Default lease: a job whose process died stops counting after this (longer than any model job). */
export const USER_SLOT_LEASE_MS = 120_000;

export function storeGate(
  store: Pick<QuizStore, 'acquireUserSlot' | 'releaseUserSlot'>,
  limits: Partial<UserLimits> & { cooldownMs: number },
  now: () => number = Date.now,
): UserGate {
  const full: UserLimits = { maxInFlight: 1, leaseMs: USER_SLOT_LEASE_MS, ...limits };
  return {
    acquire: (userId) => store.acquireUserSlot(userId, now(), full),
    release: (userId) => store.releaseUserSlot(userId, now()),
  };
}
