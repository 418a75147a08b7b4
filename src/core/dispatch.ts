// The one place where commands and button clicks are run: look up, validate, call, and turn
// any failure into a Reply. Adapters only translate platform events into these calls.
import { parseButtonId } from './button-id.ts';
import type { ButtonReply, Choice, CommandDef, CommandRequest, OptionDef, RequestContext } from './command.ts';
import { UserError, newErrorId } from './errors.ts';
import { inlineCode } from './escape.ts';
import { log } from './log.ts';
import { parseCommandLine, parseOptions, pickSubcommand } from './parse.ts';
import { subcommandOf, usageOf, type Registry } from './registry.ts';
import type { Reply } from './reply.ts';
import { didYouMean } from './suggest.ts';
import { validateOptions } from './validate.ts';

export type Status = 'ok' | 'user-error' | 'internal-error';

export interface Outcome<R extends Reply = Reply> {
  reply: R;
  status: Status;
  errorId?: string;
}

/** A command with its options already split out (Discord gives them typed; text gives strings). */
export interface Invocation {
  command: string;
  subcommand?: string;
  options: Readonly<Record<string, unknown>>;
}

export function userErrorReply(err: UserError): Reply {
  const hint = err.hint ? `\nTry: \`${err.hint}\`` : '';
  return { text: `⚠️ ${err.message}${hint}`, ephemeral: true };
}

export function internalErrorReply(errorId: string): Reply {
  return {
    text: `😵 Sorry, something went wrong on my side. Please try again; if it keeps happening, quote error id \`${errorId}\`.`,
    ephemeral: true,
  };
}

async function guard<R extends Reply>(what: string, run: () => Promise<R>, fallback: (r: Reply) => R): Promise<Outcome<R>> {
  try {
    return { reply: await run(), status: 'ok' };
  } catch (err) {
    if (err instanceof UserError) return { reply: fallback(userErrorReply(err)), status: 'user-error' };
    const errorId = newErrorId();
    log.error({ err, errorId, what }, 'handler failed');
    return { reply: fallback(internalErrorReply(errorId)), status: 'internal-error', errorId };
  }
}

function findCommand(registry: Registry, name: string): CommandDef {
  const def = registry.get(name);
  if (def) return def;
  throw new UserError(`There is no command ${inlineCode('/' + name, { max: 33 })}.${didYouMean('/' + name, registry.names().map((n) => '/' + n))}`, '/help');
}

function resolve(def: CommandDef, subcommand: string | undefined) {
  if (!def.subcommands?.length) return { options: def.options ?? [], handler: def.handler!, subcommand: undefined };
  const name = subcommand ?? def.defaultSubcommand;
  const sub = subcommandOf(def, name);
  if (!sub) {
    const names = def.subcommands.map((s) => s.name);
    const what = name ? `\`/${def.name}\` has no ${inlineCode(name, { max: 32 })}.${didYouMean(name, names)}` : `\`/${def.name}\` needs a subcommand.`;
    throw new UserError(`${what} Choose: ${names.map((n) => `\`${n}\``).join(', ')}.`, usageOf(def));
  }
  return { options: sub.options, handler: sub.handler, subcommand: sub.name };
}

/** Run an invocation whose options are already split out (Discord, tests, bench). */
export function dispatch(registry: Registry, inv: Invocation, ctx: RequestContext): Promise<Outcome> {
  return guard(`/${inv.command}`, async () => {
    const def = findCommand(registry, inv.command);
    const { options, handler, subcommand } = resolve(def, inv.subcommand);
    const request: CommandRequest = {
      ...ctx,
      command: def.name,
      subcommand,
      options: validateOptions(options, inv.options, usageOf(def)),
    };
    return handler(request);
  }, (r) => r);
}

/** Split a typed line into an invocation (console and Slack text). */
export function parseInvocation(registry: Registry, line: string): Invocation {
  const { command, rest } = parseCommandLine(line);
  const def = findCommand(registry, command);
  if (!def.subcommands?.length) return { command: def.name, options: parseOptions(def.options ?? [], rest, usageOf(def)) };
  const picked = pickSubcommand(def, rest);
  if (picked.subcommand === undefined) {
    resolve(def, picked.word || undefined); // throws a helpful error
    throw new UserError(`Choose a subcommand.`, usageOf(def));
  }
  const sub = subcommandOf(def, picked.subcommand)!;
  return { command: def.name, subcommand: sub.name, options: parseOptions(sub.options, picked.rest, usageOf(def)) };
}

/** Run a command typed as text: `/translate text:let's go`. */
export async function dispatchLine(registry: Registry, line: string, ctx: RequestContext): Promise<Outcome> {
  let inv: Invocation;
  try {
    inv = parseInvocation(registry, line);
  } catch (err) {
    if (err instanceof UserError) return { reply: userErrorReply(err), status: 'user-error' };
    throw err;
  }
  return dispatch(registry, inv, ctx);
}

/** Run a button click: ids are "<command>:<payload>". */
export function dispatchButton(registry: Registry, id: string, ctx: RequestContext): Promise<Outcome<ButtonReply>> {
  return guard(`button ${id.slice(0, 100)}`, async () => {
    const parsed = parseButtonId(id);
    const def = parsed ? registry.get(parsed.command) : undefined;
    if (!parsed || !def?.onButton) throw new UserError('That button is not one of mine, or it has expired. Run the command again.');
    return def.onButton({ ...ctx, payload: parsed.payload });
  }, (r) => ({ ...r, mode: 'new' as const }));
}

/** Suggestions for an option being typed (Discord autocomplete); never throws. */
export function autocomplete(registry: Registry, command: string, subcommand: string | undefined, option: string, partial: string): Choice<string>[] {
  try {
    const def = registry.get(command);
    if (!def) return [];
    const options: readonly OptionDef[] = subcommand ? subcommandOf(def, subcommand)?.options ?? [] : def.options ?? [];
    const opt = options.find((o) => o.name === option);
    if (!opt || opt.type !== 'string') return [];
    if (opt.autocomplete) return opt.autocomplete(partial).slice(0, 25);
    const p = partial.toLowerCase();
    return (opt.choices ?? []).filter((c) => c.name.toLowerCase().includes(p) || c.value.toLowerCase().includes(p)).slice(0, 25);
  } catch (err) {
    log.warn({ err, command, option }, 'autocomplete failed');
    return [];
  }
}
