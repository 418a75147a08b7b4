import { describe, expect, it, vi } from 'vitest';
import { autocomplete, dispatch, dispatchButton, dispatchLine } from '../../src/core/dispatch.ts';
import { log } from '../../src/core/log.ts';
import { Registry } from '../../src/core/registry.ts';
import { ctx, registry, translate } from './fixtures.ts';

describe('dispatchLine', () => {
  const reg = registry();
  it('runs a command with validated options', async () => {
    const out = await dispatchLine(reg, "/translate let's go beam:4", ctx);
    expect(out.status).toBe('ok');
    expect(JSON.parse(out.reply.text)).toEqual({ text: "let's go", beam: 4 });
  });
  it('quotes unknown commands and stray text so backticks and mentions cannot break out', async () => {
    const cmd = await dispatchLine(reg, '/x`@everyone`', ctx);
    expect(cmd.reply.text).toContain('There is no command `/xˋ@\u200beveryoneˋ`.');
    const stray = await dispatchLine(reg, '/quiz leaderboard x` <@123>', ctx);
    expect(stray.reply.text).not.toMatch(/<@123>/);
    expect(stray.reply.text.split('\n')[0]!.match(/`/g)!.length % 2).toBe(0);
  });
  it('answers an unknown command with a did-you-mean, as a user error', async () => {
    const out = await dispatchLine(reg, '/translat hi', ctx);
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toContain('There is no command `/translat`. Did you mean `/translate`?');
    expect(out.reply.ephemeral).toBe(true);
  });
  it('turns validation failures into friendly replies with an example', async () => {
    const out = await dispatchLine(reg, '/translate', ctx);
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toBe("⚠️ Missing `text`: English text.\nTry: `/translate text:let's go`");
  });
  it('routes subcommands, with a default one for bare options', async () => {
    expect((await dispatchLine(reg, '/quiz leaderboard', ctx)).reply.text).toBe('leaderboard');
    expect((await dispatchLine(reg, '/quiz topic:lstm seconds:10', ctx)).reply.text).toBe('start {"topic":"lstm","seconds":10}');
    expect((await dispatchLine(reg, '/quiz start topic:rnn', ctx)).reply.text).toBe('start {"topic":"rnn"}');
  });
  it('never shows a handler crash to the user: an apology with an error id, the stack in the log', async () => {
    const spy = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const out = await dispatchLine(reg, '/boom', ctx);
    expect(out.status).toBe('internal-error');
    expect(out.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(out.reply.text).toContain(out.errorId);
    expect(out.reply.text).not.toMatch(/secret|\/srv|at /);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ errorId: out.errorId, err: expect.any(Error) }), 'handler failed');
    spy.mockRestore();
  });
});

describe('dispatch (typed options, as from Discord)', () => {
  it('validates typed values the same way', async () => {
    const reg = registry();
    const ok = await dispatch(reg, { command: 'translate', options: { text: 'hi', beam: 3, compare: true } }, ctx);
    expect(JSON.parse(ok.reply.text)).toEqual({ text: 'hi', beam: 3, compare: true });
    const bad = await dispatch(reg, { command: 'translate', options: { text: 'hi', beam: 30 } }, ctx);
    expect(bad.status).toBe('user-error');
  });
  it('asks for a subcommand when none is given and there is no default', async () => {
    const noDefault = new Registry([{ ...registry().get('quiz')!, defaultSubcommand: undefined }]);
    const out = await dispatch(noDefault, { command: 'quiz', options: {} }, ctx);
    expect(out.reply.text).toContain('`/quiz` needs a subcommand. Choose: `start`, `leaderboard`.');
  });
});

describe('dispatchButton', () => {
  const reg = registry();
  it('routes "<command>:<payload>" to the command', async () => {
    const out = await dispatchButton(reg, 'boom:ok', ctx);
    expect(out.reply).toEqual({ text: 'pressed', mode: 'update' });
  });
  it('answers forged ids and handler errors without crashing', async () => {
    const spy = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    expect((await dispatchButton(reg, 'nope:1', ctx)).reply.text).toMatch(/not one of mine/);
    expect((await dispatchButton(reg, 'no-colon', ctx)).status).toBe('user-error');
    const user = await dispatchButton(reg, 'boom:user', ctx);
    expect(user).toMatchObject({ status: 'user-error', reply: { mode: 'new', ephemeral: true } });
    const crash = await dispatchButton(reg, 'boom:crash', ctx);
    expect(crash.status).toBe('internal-error');
    expect(crash.reply.text).toContain(crash.errorId);
    spy.mockRestore();
  });
});

describe('autocomplete', () => {
  it('filters choices by the typed prefix and never throws', () => {
    const reg = registry();
    expect(autocomplete(reg, 'translate', undefined, 'model', 'tra').map((c) => c.value)).toEqual(['transformer']);
    expect(autocomplete(reg, 'nope', undefined, 'x', '')).toEqual([]);
  });
});

describe('Registry', () => {
  it('refuses bad definitions at start-up', () => {
    expect(() => new Registry([translate, translate])).toThrow(/twice/);
    expect(() => new Registry([{ ...translate, name: 'Bad Name' }])).toThrow(/bad command name/);
    expect(() => new Registry([{ ...translate, options: [{ name: 'a', type: 'string', description: 'x' }, { name: 'b', type: 'string', description: 'y', required: true }] }])).toThrow(/required option "b" after an optional/);
  });
});
