import { describe, expect, it } from 'vitest';
import { predict } from '../../commands/predict.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([predict]);
const run = (line: string) => dispatchLine(registry, line, ctx);
const predicted = (text: string) => Number(/Next day: \*\*(-?[\d.]+)\*\*/.exec(text)![1]);

describe('/predict', () => {
  it('gets the notes’ two companies right with the LSTM', async () => {
    const a = await run('/predict values:0,0.5,0.25,1');
    const b = await run('/predict values:1,0.5,0.25,1');
    expect(predicted(a.reply.text)).toBeLessThan(0.1);
    expect(predicted(b.reply.text)).toBeGreaterThan(0.9);
    expect(a.reply.images).toHaveLength(1);
    expect(a.reply.text).toMatch(/```\n\s*day\s+input\s+keep%/);
  });

  it('accepts spaces as separators and scales values outside 0–1, mapping the prediction back', async () => {
    const out = await run('/predict values:10 20 15 30');
    expect(out.status).toBe('ok');
    expect(out.reply.text).toContain('(value − 10) / (30 − 10)');
    expect(out.reply.text).toMatch(/in your units/);
  });

  it('shows the RNN and its trouble with day 1', async () => {
    const out = await run('/predict values:1,0.5,0.25,1 model:rnn');
    expect(out.status).toBe('ok');
    expect(out.reply.text).toContain('The trouble with day 1');
    expect(out.reply.text).toMatch(/with day 1 set to 0 the prediction would be -?[\d.]+, with day 1 set to 1 it would be -?[\d.]+/);
  });

  it.each([
    ['values:1', 'Got 1 number'],
    ['values:1,2,abc', '`abc` is not a number'],
    ['values:1,NaN', '`NaN` is not a number'],
    ['values:1,Infinity', '`Infinity` is not a number'],
    ['values:1e400,2', '`1e400` is not a number'],
    [`values:${Array.from({ length: 31 }, () => '0.5').join(',')}`, 'Got 31 numbers'],
  ])('rejects %s with a clear message and an example', async (args, message) => {
    const out = await run(`/predict ${args}`);
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toContain(message);
    expect(out.reply.text).toContain('/predict values:0, 0.5, 0.25, 1');
  });
});
