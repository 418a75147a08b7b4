// Seeded hostile input: command lines built from the registry's own definitions (every command,
// subcommand and option), with values drawn from what users and attackers type — built-in object
// property names, control characters, backticks, mention syntax, 10k-character runs, emoji, RTL —
// and forged button ids. The same seed gives the same lines.
import type { CommandDef, OptionDef } from '../../src/core/command.ts';
import { Rng } from '../../src/core/random.ts';
import type { Registry } from '../../src/core/registry.ts';

/** Names every plain object inherits: a lookup keyed by user text must not find them. */
export const BUILTIN_NAMES = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__lookupSetter__', 'prototype', 'length', 'name', 'then', 'Symbol.iterator',
] as const;

export const MENTIONS = [
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&987654321098765432>', '<#555555555555555555>',
  '<!channel>', '<!here>', '<!everyone>', '<@U0123ABCD>', '<!subteam^S0123>', '@​everyone', 'x@here',
] as const;

export const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\t', '\u001b[31m', '\u007f', '\u0085', '\u009b'] as const;

const MARKUP = ['`', '``', '```', '```js\ncode', '**', '*', '_', '~~', '||spoiler||', '> quote', '# heading', '-# small', '[link](https://example.com)', '\\', '<https://example.com|x>', '&amp;', '&lt;', '</text>', ']]>', '<svg>', '"', "'", '“', '«'] as const;

const UNICODE = [
  '🙂', '👨‍👩‍👧', '🏳️‍🌈', '🇪🇸', 'e\u0301', 'ß', 'İ', 'ﬁ', '中文字', 'مرحبا بالعالم', 'שלום', '\u202e', '\u200f', '\u200b', '\u2060', '\ufeff',
  '\u00a0', '\u3000', '\u2028', '\u2029', '\ud800', '\udfff', '\ufffe', '\uffff', '𝕳𝖊𝖑𝖑𝖔', 'Z̸̡̛a̷l̶g̵o̸',
] as const;

const WORDS = ["let's go", 'hello', 'king', 'queen', 'monday', 'i like apples', 'the cat is on the table', 'dont', 'u', 'pls', 'im hungry', 'woman', 'man', 'xylophone', 'naïve café', 'lstm', 'attention'] as const;

const NUMBERS = ['0', '1', '-1', '2', '10', '0.5', '1e309', '-0', '0x10', 'NaN', 'Infinity', '9999999999999999999999', '1,2,3', '0,0.5,0.25,1', '09:00', '25:61', '', ' '] as const;

function long(rng: Rng): string {
  const unit = rng.pick(['a', 'ab ', '🙂', '`', '@everyone ', '\u0000', 'word ', 'x'.repeat(50), 'ع']);
  const n = rng.pick([1_000, 5_000, 10_000]);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** One hostile fragment. */
export function hostile(rng: Rng): string {
  return rng.weighted<() => string>([
    [3, () => rng.pick(BUILTIN_NAMES)],
    [2, () => rng.pick(MENTIONS)],
    [2, () => `a${rng.pick(CONTROL)}b`],
    [2, () => rng.pick(MARKUP)],
    [2, () => rng.pick(UNICODE)],
    [1, () => rng.pick(NUMBERS)],
    [1, () => long(rng)],
  ])();
}

/** A value: realistic or hostile, sometimes several fragments glued together. */
function mixed(rng: Rng, realistic: () => string): string {
  const parts: string[] = [];
  const n = 1 + rng.int(rng.chance(0.3) ? 4 : 1);
  for (let i = 0; i < n; i++) parts.push(rng.chance(0.45) ? realistic() : hostile(rng));
  return parts.join(rng.pick([' ', '', ' ', '-']));
}

function optionValue(rng: Rng, opt: OptionDef): string {
  switch (opt.type) {
    case 'boolean':
      return mixed(rng, () => rng.pick(['true', 'false', 'yes', 'no', '1', 'off']));
    case 'integer':
    case 'number': {
      const lo = opt.min ?? -10;
      const hi = opt.max ?? 100;
      return mixed(rng, () => (rng.chance(0.7) ? String(lo + rng.int(Math.max(1, hi - lo + 1))) : rng.pick(NUMBERS)));
    }
    case 'string': {
      const choices = [...(opt.choices ?? []).map((c) => String(c.value)), ...Object.keys(opt.aliases ?? {})];
      return mixed(rng, () => (choices.length && rng.chance(0.8) ? rng.pick(choices) : rng.pick(WORDS)));
    }
  }
}

/** The value as typed: bare, or quoted (sometimes unbalanced). */
function typed(rng: Rng, value: string): string {
  if (!rng.chance(0.15)) return value;
  const [open, close] = rng.pick([['"', '"'], ['“', '”'], ["'", "'"], ['«', '»'], ['"', '']]);
  return `${open}${value}${close}`;
}

function commandLine(rng: Rng, def: CommandDef): string {
  const sub = def.subcommands?.length ? rng.pick(def.subcommands) : undefined;
  const options = sub ? sub.options : def.options ?? [];
  const head = `/${def.name}${sub && rng.chance(0.9) ? ` ${sub.name}` : ''}`;
  const parts: string[] = [];
  // Sometimes a bare remainder (fills the main option), sometimes not.
  if (rng.chance(0.25)) parts.push(mixed(rng, () => rng.pick(WORDS)));
  for (const opt of options) {
    if (opt.required ? rng.chance(0.9) : rng.chance(0.35)) parts.push(`${opt.name}:${typed(rng, optionValue(rng, opt))}`);
  }
  if (rng.chance(0.08)) parts.push(`${rng.pick([...BUILTIN_NAMES, 'modle', 'txt', 'x'])}:${hostile(rng)}`); // unknown option
  if (rng.chance(0.05) && options.length) parts.push(`${options[0]!.name}:again`); // given twice
  return [head, ...parts].join(' ');
}

/** A line of the JSON Lines input: a command, a button number, junk, or a blank line. Never contains "\n". */
export function fuzzLine(rng: Rng, registry: Registry): string {
  const commands = registry.list();
  const line = rng.weighted<() => string>([
    [80, () => commandLine(rng, rng.pick(commands))],
    [6, () => String(1 + rng.int(6))], // press a button of the last reply
    [4, () => `/${rng.pick([...BUILTIN_NAMES, 'hepl', 'QUIZ', ''])} ${hostile(rng)}`],
    [4, () => hostile(rng)],
    [3, () => rng.pick(['', ' ', '\u00a0', '\ufeff', '\u3000', '\u2028', '\t', ' \u200b '])], // blank
    [3, () => `${commandLine(rng, rng.pick(commands))}\r${commandLine(rng, rng.pick(commands))}`], // bare CR: still one line
  ])();
  return line.replace(/\n/g, ' ');
}

/** A forged button id: a real command's prefix with a payload that may look almost right. */
export function forgedButtonId(rng: Rng, registry: Registry): string {
  const names = registry.list().filter((d) => d.onButton).map((d) => d.name);
  const payload = rng.weighted<() => string>([
    [3, () => `s:${rng.pick(['lstm', 'attention', 'rnn', ...BUILTIN_NAMES])}:${rng.pick(['0', '1', '2', '99', '999', '-1', 'x'])}:${rng.chance(0.5) ? rng.pick(BUILTIN_NAMES) : hostile(rng)}`],
    [2, () => `a:${rng.chance(0.5) ? 'AAAAAAAA' : rng.pick(BUILTIN_NAMES)}:${rng.pick(['0', '1', '3', '9', '99', 'x'])}`],
    [2, () => `vocab:${rng.pick(['0', '1', '2', '8', '9999', '-1'])}:${rng.chance(0.5) ? rng.pick(BUILTIN_NAMES) : hostile(rng)}`],
    [2, () => hostile(rng)],
  ])();
  const prefix = rng.chance(0.9) ? rng.pick(names) : rng.pick([...BUILTIN_NAMES, 'help', '']);
  return `${prefix}:${payload}`.slice(0, rng.chance(0.8) ? 100 : 10_000);
}
