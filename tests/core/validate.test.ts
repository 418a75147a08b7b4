import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { validateOptions } from '../../src/core/validate.ts';
import { translate } from './fixtures.ts';

const defs = translate.options!;
const v = (raw: Record<string, unknown>) => validateOptions(defs, raw, "/translate text:let's go");
const msg = (raw: Record<string, unknown>) => {
  try {
    v(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).message;
  }
  throw new Error('expected a UserError');
};

describe('validateOptions', () => {
  it('coerces text values to the declared types', () => {
    expect(v({ text: ' hi ', beam: '4', temperature: '0.5', compare: 'yes' })).toEqual({ text: 'hi', beam: 4, temperature: 0.5, compare: true });
    expect(v({ text: 'hi', compare: false, beam: 2 })).toEqual({ text: 'hi', compare: false, beam: 2 });
  });
  it('reports a missing required option with its description', () => {
    expect(msg({})).toBe('Missing `text`: English text.');
    expect(msg({ text: '   ' })).toBe('Missing `text`: English text.');
  });
  it('caps free text at 500 characters, counting code points', () => {
    expect(v({ text: '🤖'.repeat(500) }).text).toHaveLength(1000); // 500 emoji = 1000 UTF-16 units
    expect(msg({ text: 'a'.repeat(10_000) })).toMatch(/too long: 10,000 characters, and the limit is 500/);
  });
  it('rejects wrong types', () => {
    expect(msg({ text: 'x', beam: 'four' })).toMatch(/`beam` should be a whole number, not `four`/);
    expect(msg({ text: 'x', beam: '2.5' })).toMatch(/whole number/);
    expect(msg({ text: 'x', temperature: 'NaN' })).toMatch(/should be a number/);
    expect(msg({ text: 'x', compare: 'maybe' })).toMatch(/true or false/);
    expect(msg({ text: 42 })).toMatch(/should be text/);
  });
  it('enforces min and max', () => {
    expect(msg({ text: 'x', beam: '0' })).toBe('`beam` must be at least 1 (got 0).');
    expect(msg({ text: 'x', beam: 9 })).toBe('`beam` must be at most 8 (got 9).');
  });
  it('accepts choices by value, case-insensitively, and by alias', () => {
    expect(v({ text: 'x', model: 'Transformer' }).model).toBe('transformer');
    expect(v({ text: 'x', model: 'TF' }).model).toBe('transformer');
  });
  it('rejects an unknown choice, listing the choices and the nearest one', () => {
    expect(msg({ text: 'x', model: 'transfomer' })).toBe(
      '`transfomer` is not a valid `model`. Choose one of: `attention`, `transformer`, `seq2seq`. Did you mean `transformer`?',
    );
    expect(msg({ text: 'x', model: 'zzz' })).not.toMatch(/Did you mean/);
  });
  it('rejects unknown options with a suggestion', () => {
    expect(msg({ text: 'x', modle: 'attention' })).toMatch(/Unknown option `modle`. Did you mean `model`\?/);
  });
  it('never takes an Object.prototype member for an alias (constructor, __proto__, toString…)', () => {
    // Repro: `/explain topic:constructor` matched `lc in aliases` and crashed the handler.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      expect(msg({ text: 'hi', model: name })).toMatch(/is not a valid `model`/);
    }
    expect(v({ text: 'hi', model: 'TF' }).model).toBe('transformer'); // a real alias still works
  });
  it('quotes bad values so a backtick cannot end the code span, and drops control characters', () => {
    const m = msg({ text: 'hi', model: 'x`@everyone`' });
    expect(m.startsWith('`xˋ@\u200beveryoneˋ` is not a valid `model`')).toBe(true);
    expect(v({ text: 'a\u0000b\u001b[31mc' }).text).toBe('ab[31mc');
  });
});
