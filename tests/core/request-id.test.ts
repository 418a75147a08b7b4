// Every log line of one interaction carries its request id, across awaits and timers.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { currentRequestId, requestIdMixin, withRequestId } from '../../src/core/request-id.ts';

function capture() {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { lines, logger: pino({ mixin: requestIdMixin }, stream) };
}

describe('request ids', () => {
  it('stamps every line of a request, through awaits and timers, and keeps concurrent requests apart', async () => {
    const { lines, logger } = capture();
    const handle = (id: string, delay: number) =>
      withRequestId(id, async () => {
        logger.info('start');
        await new Promise((r) => setTimeout(r, delay));
        logger.child({ platform: 'discord' }).info('after a timer');
        await Promise.resolve();
        logger.info('end');
      });
    await Promise.all([handle('interaction-1', 20), handle('interaction-2', 5)]);
    logger.info('outside');
    await new Promise((r) => setImmediate(r));
    const byId = (id: string) => lines.filter((l) => l.requestId === id).map((l) => l.msg);
    expect(byId('interaction-1')).toEqual(['start', 'after a timer', 'end']);
    expect(byId('interaction-2')).toEqual(['start', 'after a timer', 'end']);
    expect(lines.find((l) => l.msg === 'outside').requestId).toBeUndefined();
  });

  it('makes up an id when none (or an absurdly long one) is given', () => {
    expect(withRequestId(undefined, () => currentRequestId())).toMatch(/^[0-9a-f-]{36}$/);
    expect(withRequestId('x'.repeat(500), () => currentRequestId())).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentRequestId()).toBeUndefined();
  });
});
