import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { parseCommandLine, parseOptions } from '../../src/core/parse.ts';
import { translate } from './fixtures.ts';

const opts = translate.options!;
const parse = (rest: string) => parseOptions(opts, rest, '/translate text:hi');

describe('parseCommandLine', () => {
  it('splits the command name from the rest, lower-casing the name', () => {
    expect(parseCommandLine('  /Translate text:Hi there ')).toEqual({ command: 'translate', rest: 'text:Hi there' });
    expect(parseCommandLine('help')).toEqual({ command: 'help', rest: '' });
  });
  it('refuses an empty line', () => {
    expect(() => parseCommandLine('   ')).toThrow(UserError);
  });
});

describe('parseOptions', () => {
  it('reads named options whose values run to the next option', () => {
    expect(parse("text:let's go model:transformer")).toEqual({ text: "let's go", model: 'transformer' });
    expect(parse("model:seq2seq text:let's go now beam:4")).toEqual({ model: 'seq2seq', text: "let's go now", beam: '4' });
  });
  it('fills the first required string option with a bare remainder', () => {
    expect(parse("let's go")).toEqual({ text: "let's go" });
    expect(parse("let's go model:attention")).toEqual({ text: "let's go", model: 'attention' });
  });
  it('strips matching quotes, lets quoted values hold option-like text, keeps apostrophes', () => {
    expect(parse('text:"model:seq2seq is my text" beam:2')).toEqual({ text: 'model:seq2seq is my text', beam: '2' });
    expect(parse('text:“curly quotes”')).toEqual({ text: 'curly quotes' });
    expect(parse("text:don't stop")).toEqual({ text: "don't stop" });
  });
  it('keeps unicode and emoji intact', () => {
    expect(parse('text:naïve café 🤖 über model:tf')).toEqual({ text: 'naïve café 🤖 über', model: 'tf' });
  });
  it('keeps a 10,000-character value whole (the validator rejects it later)', () => {
    const long = 'a'.repeat(10_000);
    expect(parse(`text:${long}`).text).toHaveLength(10_000);
  });
  it('treats colons inside text as text when the name is not an option', () => {
    expect(parse('text:meet at 10:30 today')).toEqual({ text: 'meet at 10:30 today' });
  });
  it('rejects an option given twice', () => {
    expect(() => parse('text:a text:b')).toThrow(/given twice/);
  });
  it('suggests the option meant by a near miss at the start', () => {
    expect(() => parse('modle:transformer')).toThrow(/Unknown option `modle`. Did you mean `model`\?/);
  });
  it('says what it did not understand when a command takes no options', () => {
    expect(() => parseOptions([], 'stray words', '/about')).toThrow(/takes no options/);
  });
});
