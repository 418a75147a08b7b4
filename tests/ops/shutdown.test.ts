// Graceful shutdown: ordered steps within one deadline; an overrunning step is abandoned.
import { describe, expect, it } from 'vitest';
import { shutdown, waitIdle } from '../../src/ops/shutdown.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('shutdown', () => {
  it('runs the steps in order and reports each', async () => {
    const order: string[] = [];
    const r = await shutdown(
      [
        { name: 'stop taking work', run: () => void order.push('stop') },
        { name: 'drain', run: async () => (await sleep(10), void order.push('drain')) },
        { name: 'close pool', run: () => Promise.reject(new Error('already closed')) },
        { name: 'close db', run: () => void order.push('db') },
      ],
      1000,
    );
    expect(order).toEqual(['stop', 'drain', 'db']);
    expect(r.completed).toEqual(['stop taking work', 'drain', 'close db']);
    expect(r.failed).toEqual(['close pool']);
    expect(r.abandoned).toEqual([]);
  });

  it('abandons a step that overruns the deadline and skips the rest, finishing on time', async () => {
    let remainingSeen = 0;
    const r = await shutdown(
      [
        { name: 'drain', run: (remaining) => ((remainingSeen = remaining), sleep(10_000)) },
        { name: 'close db', run: () => {} },
      ],
      100,
    );
    expect(remainingSeen).toBeGreaterThan(90);
    expect(r.abandoned).toEqual(['drain', 'close db']);
    expect(r.ms).toBeLessThan(1000);
  });

  it('waitIdle resolves when the condition holds, false on timeout', async () => {
    let busy = true;
    setTimeout(() => (busy = false), 30);
    expect(await waitIdle(() => !busy, 1000, 5)).toBe(true);
    expect(await waitIdle(() => false, 30, 5)).toBe(false);
  });
});
