// One registry holds the explicit command list; it checks the definitions once, at start-up,
// against the strictest platform rules (Discord's) so deployment never fails later.
import type { CommandDef, OptionDef, SubcommandDef } from './command.ts';

const NAME = /^[a-z0-9_-]{1,32}$/;

function checkOptions(where: string, options: readonly OptionDef[]): void {
  if (options.length > 25) throw new Error(`${where}: more than 25 options`);
  let optionalSeen = false;
  const seen = new Set<string>();
  for (const o of options) {
    if (!NAME.test(o.name)) throw new Error(`${where}: bad option name "${o.name}"`);
    if (seen.has(o.name)) throw new Error(`${where}: option "${o.name}" twice`);
    seen.add(o.name);
    if (!o.description || o.description.length > 100) throw new Error(`${where}.${o.name}: description must be 1–100 chars`);
    if (o.required && optionalSeen) throw new Error(`${where}: required option "${o.name}" after an optional one`);
    if (!o.required) optionalSeen = true;
    if ('choices' in o && o.choices && o.choices.length > 25) throw new Error(`${where}.${o.name}: more than 25 choices`);
  }
}

function checkDef(def: CommandDef): void {
  if (!NAME.test(def.name)) throw new Error(`bad command name "${def.name}"`);
  if (!def.description || def.description.length > 100) throw new Error(`/${def.name}: description must be 1–100 chars`);
  const hasSubs = (def.subcommands?.length ?? 0) > 0;
  if (hasSubs === Boolean(def.handler)) throw new Error(`/${def.name}: give either a handler or subcommands`);
  if (hasSubs && def.options?.length) throw new Error(`/${def.name}: options belong to its subcommands`);
  checkOptions(`/${def.name}`, def.options ?? []);
  for (const s of def.subcommands ?? []) {
    if (!NAME.test(s.name)) throw new Error(`/${def.name}: bad subcommand name "${s.name}"`);
    checkOptions(`/${def.name} ${s.name}`, s.options);
  }
  if (def.defaultSubcommand && !def.subcommands?.some((s) => s.name === def.defaultSubcommand)) {
    throw new Error(`/${def.name}: default subcommand "${def.defaultSubcommand}" does not exist`);
  }
}

export class Registry {
  private readonly byName = new Map<string, CommandDef>();

  constructor(commands: readonly CommandDef[]) {
    for (const def of commands) {
      checkDef(def);
      if (this.byName.has(def.name)) throw new Error(`command /${def.name} registered twice`);
      this.byName.set(def.name, def);
    }
  }

  get(name: string): CommandDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  list(): CommandDef[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

export function subcommandOf(def: CommandDef, name: string | undefined): SubcommandDef | undefined {
  return name === undefined ? undefined : def.subcommands?.find((s) => s.name === name);
}

export function usageOf(def: CommandDef): string {
  return def.examples[0] ?? `/${def.name}`;
}
