import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../src/core/queue.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('WorkQueue', () => {
  it('runs jobs one at a time in arrival order and refuses beyond the bound with a retry time', async () => {
    const q = new WorkQueue({ concurrency: 1, maxQueued: 2, cooldownMs: 0, initialJobMs: 2000 });
    const gate = deferred();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(`start ${name}`);
      if (name === 'a') await gate.promise;
      order.push(`end ${name}`);
      return name;
    };
    const a = q.run('u1', job('a'));
    const b = q.run('u2', job('b'));
    const c = q.run('u3', job('c'));
    const d = await q.run('u4', job('d'));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.refusal.reason).toBe('busy');
      // 3 jobs ahead (1 running + 2 waiting) × 2 s each.
      expect(d.refusal.retryAfterS).toBe(6);
      expect(d.refusal.reply.text).toContain('Try again in 6 s');
      expect(d.refusal.reply.ephemeral).toBe(true);
    }
    gate.resolve();
    expect((await Promise.all([a, b, c])).map((r) => r.ok && r.value)).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(q.stats).toMatchObject({ completed: 3, running: 0, queued: 0, refused: { busy: 1 } });
  });

  it('allows one job in flight per user and enforces a cooldown between them', async () => {
    let now = 0;
    const q = new WorkQueue({ concurrency: 2, maxQueued: 10, cooldownMs: 3000, now: () => now });
    const gate = deferred();
    const first = q.run('ada', () => gate.promise);
    const again = await q.run('ada', () => 1);
    expect(!again.ok && again.refusal.reason).toBe('in-flight');
    gate.resolve();
    await first;
    now = 1000;
    const soon = await q.run('ada', () => 1);
    expect(!soon.ok && soon.refusal.reason).toBe('cooldown');
    expect(!soon.ok && soon.refusal.retryAfterS).toBe(2);
    expect((await q.run('bob', () => 'other users are not held back')).ok).toBe(true);
    now = 3000;
    expect((await q.run('ada', () => 2)).ok).toBe(true);
  });

  it('frees the slot when a job throws', async () => {
    const q = new WorkQueue({ concurrency: 1, maxQueued: 1, cooldownMs: 0 });
    await expect(q.run('u', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await q.run('u', () => 'next')).toEqual({ ok: true, value: 'next' });
  });

  it('lets light jobs overtake waiting heavy ones, without cooldown', async () => {
    const q = new WorkQueue({ concurrency: 1, maxQueued: 10, cooldownMs: 60_000 });
    const gate = deferred();
    const order: string[] = [];
    const job = (name: string, wait?: Promise<void>) => async () => {
      if (wait) await wait;
      order.push(name);
    };
    const all = [
      q.run('a', job('heavy a', gate.promise)),
      q.run('b', job('heavy b')),
      q.run('c', job('light c'), { heavy: false }),
      q.run('c', job('light c again'), { heavy: false }),
    ];
    gate.resolve();
    await Promise.all(all);
    expect(order).toEqual(['heavy a', 'light c', 'light c again', 'heavy b']);
  });
});
