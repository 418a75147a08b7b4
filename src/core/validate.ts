// Every option is checked against its definition before a handler runs, whatever the platform.
import { MAX_TEXT_LENGTH, type Choice, type OptionDef, type OptionValue } from './command.ts';
import { UserError } from './errors.ts';
import { inlineCode } from './escape.ts';
import { didYouMean } from './suggest.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const TRUE = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE = new Set(['false', 'no', 'n', 'off', '0']);

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function choiceList(choices: readonly Choice[]): string {
  return choices.map((c) => `\`${c.value}\``).join(', ');
}

function checkChoice<V extends string | number>(opt: OptionDef & { choices?: readonly Choice<V>[] }, value: V, usage?: string): V {
  const choices = opt.choices;
  if (!choices || choices.length === 0) return value;
  if (choices.some((c) => c.value === value)) return value;
  if (typeof value === 'string') {
    const lc = value.toLowerCase();
    const byValue = choices.find((c) => String(c.value).toLowerCase() === lc || c.name.toLowerCase() === lc);
    if (byValue) return byValue.value;
    const aliases = opt.type === 'string' ? opt.aliases : undefined;
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    if (aliases && Object.hasOwn(aliases, lc)) return aliases[lc] as V;
  }
  const candidates = [...choices.map((c) => String(c.value)), ...Object.keys((opt.type === 'string' && opt.aliases) || {})];
  throw new UserError(
    `${inlineCode(String(value), { max: 40 })} is not a valid \`${opt.name}\`. Choose one of: ${choiceList(choices)}.${didYouMean(String(value), candidates)}`,
    usage,
  );
}

function coerce(opt: OptionDef, raw: unknown, usage?: string): OptionValue {
  switch (opt.type) {
    case 'string': {
      if (typeof raw !== 'string') throw new UserError(`\`${opt.name}\` should be text.`, usage);
      // Control characters (NUL, ESC, …) cannot be shown on any platform and are forbidden in the
      // SVG of a chart: they are dropped; tabs and line breaks stay.
      const value = raw.replace(CONTROL, '').trim();
      const max = opt.maxLength ?? MAX_TEXT_LENGTH;
      const length = [...value].length;
      if (length > max) {
        throw new UserError(`\`${opt.name}\` is too long: ${fmt(length)} characters, and the limit is ${fmt(max)}. Try a shorter text.`, usage);
      }
      if (opt.minLength && length < opt.minLength) {
        throw new UserError(`\`${opt.name}\` is too short: it needs at least ${opt.minLength} characters.`, usage);
      }
      return checkChoice(opt, value, usage);
    }
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
      const kind = opt.type === 'integer' ? 'a whole number' : 'a number';
      if (!Number.isFinite(n) || (opt.type === 'integer' && !Number.isInteger(n))) {
        throw new UserError(`\`${opt.name}\` should be ${kind}, not ${inlineCode(String(raw), { max: 40 })}.`, usage);
      }
      if (opt.min !== undefined && n < opt.min) throw new UserError(`\`${opt.name}\` must be at least ${opt.min} (got ${n}).`, usage);
      if (opt.max !== undefined && n > opt.max) throw new UserError(`\`${opt.name}\` must be at most ${opt.max} (got ${n}).`, usage);
      return checkChoice(opt, n, usage);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      throw new UserError(`\`${opt.name}\` should be true or false, not ${inlineCode(String(raw), { max: 40 })}.`, usage);
    }
  }
}

/** Check raw values (strings from text, typed values from Discord) against the definitions. */
export function validateOptions(
  defs: readonly OptionDef[],
  raw: Readonly<Record<string, unknown>>,
  usage?: string,
): Record<string, OptionValue> {
  const names = defs.map((d) => d.name);
  for (const key of Object.keys(raw)) {
    if (!names.includes(key)) {
      const known = names.length ? ` Options: ${names.map((n) => `\`${n}\``).join(', ')}.` : ' This command takes no options.';
      throw new UserError(`Unknown option ${inlineCode(key, { max: 32 })}.${didYouMean(key, names) || known}`, usage);
    }
  }
  const out: Record<string, OptionValue> = {};
  for (const opt of defs) {
    const value = raw[opt.name];
    const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (missing) {
      if (opt.required) throw new UserError(`Missing \`${opt.name}\`: ${opt.description.replace(/\.$/, "")}.`, usage);
      continue;
    }
    out[opt.name] = coerce(opt, value, usage);
  }
  return out;
}
