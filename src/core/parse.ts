// Text commands as chat users type them: `/translate text:let's go model:transformer`, or with a
// bare remainder that fills the first required string option: `/translate let's go`.
// Used by the console and by Slack (whose slash commands arrive as one string).
import type { CommandDef, OptionDef } from './command.ts';
import { UserError } from './errors.ts';
import { inlineCode } from './escape.ts';
import { editDistance } from './suggest.ts';

export interface ParsedLine {
  command: string;
  /** Everything after the command name, untouched. */
  rest: string;
}

export function parseCommandLine(line: string): ParsedLine {
  const trimmed = line.trim();
  const m = /^\/?(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  if (!m) throw new UserError('Type a command, for example `/help`.');
  return { command: m[1].toLowerCase(), rest: m[2] };
}

const QUOTES: readonly [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['«', '»'],
];

/** Index just past the quote that closes a value opened with a quote at `at`, or -1. */
function closingQuote(rest: string, at: number): number {
  const pair = QUOTES.find(([open]) => rest.startsWith(open, at));
  if (!pair) return -1;
  const re = new RegExp(`${pair[1]}(?=\\s|$)`, 'gu');
  re.lastIndex = at + pair[0].length;
  const m = re.exec(rest);
  return m ? m.index + pair[1].length : -1;
}

function unquote(value: string): string {
  const v = value.trim();
  for (const [open, close] of QUOTES) {
    if (v.length >= 2 && v.startsWith(open) && v.endsWith(close)) return v.slice(open.length, -close.length);
  }
  return v;
}

interface OptionStart {
  name: string;
  at: number; // index of the name
  valueAt: number; // index after the colon
}

function findOptionStarts(rest: string, known: ReadonlySet<string>): { starts: OptionStart[]; nearMisses: string[][] } {
  const starts: OptionStart[] = [];
  const nearMisses: string[][] = [];
  const re = /(^|\s)([A-Za-z][\w-]*):/gu;
  let quotedUntil = -1; // a quoted value may contain "name:" text
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const name = m[2].toLowerCase();
    const at = m.index + m[1].length;
    if (at < quotedUntil) continue;
    if (known.has(name)) {
      const valueAt = at + m[2].length + 1;
      starts.push({ name, at, valueAt });
      quotedUntil = closingQuote(rest, valueAt);
    } else {
      const close = [...known].filter((k) => editDistance(name, k) <= (k.length > 4 ? 2 : 1));
      if (close.length > 0) nearMisses.push([m[2], ...close]);
    }
  }
  return { starts, nearMisses };
}

/** The option definitions a bare remainder may fill, best first. */
function remainderTarget(options: readonly OptionDef[], given: ReadonlySet<string>): OptionDef | undefined {
  const free = options.filter((o) => !given.has(o.name));
  return (
    free.find((o) => o.type === 'string' && o.required) ??
    free.find((o) => o.required) ??
    free.find((o) => o.type === 'string')
  );
}

/** Split `rest` into raw option strings for `options`. Validation happens later. */
export function parseOptions(options: readonly OptionDef[], rest: string, usage: string): Record<string, string> {
  const known = new Set(options.map((o) => o.name));
  const { starts, nearMisses } = findOptionStarts(rest, known);
  const values: Record<string, string> = {};
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1].at : rest.length;
    if (Object.hasOwn(values, s.name)) throw new UserError(`The option \`${s.name}\` is given twice.`, usage);
    values[s.name] = unquote(rest.slice(s.valueAt, end));
  }
  const remainder = rest.slice(0, starts.length > 0 ? starts[0].at : rest.length).trim();
  if (remainder) {
    // A near-miss like `modle:x` at the very start is a typo, not text to translate.
    const miss = nearMisses.find(([typed]) => remainder.startsWith(`${typed}:`));
    if (miss) throw new UserError(`Unknown option ${inlineCode(miss[0], { max: 32 })}. Did you mean \`${miss[1]}\`?`, usage);
    const target = remainderTarget(options, new Set(Object.keys(values)));
    if (!target) {
      const names = options.map((o) => `\`${o.name}:\``).join(', ');
      throw new UserError(
        options.length
          ? `I did not understand ${inlineCode(remainder, { max: 40 })}. Give options as name:value (${names}).`
          : `This command takes no options, but got ${inlineCode(remainder, { max: 40 })}.`,
        usage,
      );
    }
    values[target.name] = unquote(remainder);
  } else if (nearMisses.length > 0 && starts.length === 0) {
    const [typed, best] = nearMisses[0];
    throw new UserError(`Unknown option ${inlineCode(typed, { max: 32 })}. Did you mean \`${best}\`?`, usage);
  }
  return values;
}

/** For commands with subcommands: which one, and the text left for its options. */
export function pickSubcommand(def: CommandDef, rest: string): { subcommand: string; rest: string } | { subcommand: undefined; word: string } {
  const subs = def.subcommands ?? [];
  const m = /^(\S+)\s*([\s\S]*)$/u.exec(rest.trim());
  const first = m?.[1].toLowerCase() ?? '';
  if (subs.some((s) => s.name === first)) return { subcommand: first, rest: m![2] };
  if (def.defaultSubcommand) return { subcommand: def.defaultSubcommand, rest };
  return { subcommand: undefined, word: first };
}
