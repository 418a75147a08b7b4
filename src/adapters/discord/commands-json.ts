// Command definitions → Discord application-command JSON (what PUT /applications/…/commands takes).
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { MAX_TEXT_LENGTH, type CommandDef, type OptionDef } from '../../core/command.ts';

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<CommandJson['options']>[number];

const TYPE = { string: 3, integer: 4, boolean: 5, number: 10 } as const;
const SUBCOMMAND = 1;

/** Discord caps a string option at 6,000 characters; our validator caps free text lower. */
const DISCORD_MAX_STRING = 6000;

export function optionJson(o: OptionDef): OptionJson {
  const base = { name: o.name, description: o.description, required: o.required ?? false };
  switch (o.type) {
    case 'string': {
      const json: Record<string, unknown> = { ...base, type: TYPE.string };
      if (o.choices?.length) json.choices = o.choices.map((c) => ({ name: c.name.slice(0, 100), value: c.value }));
      else {
        // Discord forbids autocomplete together with choices.
        if (o.autocomplete) json.autocomplete = true;
        json.max_length = Math.min(o.maxLength ?? MAX_TEXT_LENGTH, DISCORD_MAX_STRING);
        if (o.minLength) json.min_length = o.minLength;
      }
      return json as unknown as OptionJson;
    }
    case 'integer':
    case 'number': {
      const json: Record<string, unknown> = { ...base, type: TYPE[o.type] };
      if (o.choices?.length) json.choices = o.choices.map((c) => ({ name: c.name.slice(0, 100), value: c.value }));
      if (o.min !== undefined) json.min_value = o.min;
      if (o.max !== undefined) json.max_value = o.max;
      return json as unknown as OptionJson;
    }
    case 'boolean':
      return { ...base, type: TYPE.boolean } as OptionJson;
  }
}

/** Required options first: Discord rejects a required option after an optional one. */
function ordered(options: readonly OptionDef[]): OptionDef[] {
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

export function commandJson(def: CommandDef): CommandJson {
  const options: OptionJson[] = def.subcommands?.length
    ? def.subcommands.map(
        (s) => ({ type: SUBCOMMAND, name: s.name, description: s.description, options: ordered(s.options).map(optionJson) }) as unknown as OptionJson,
      )
    : ordered(def.options ?? []).map(optionJson);
  return {
    type: 1,
    name: def.name,
    description: def.description,
    options,
    // Usable in servers and in DMs with the bot; installed to servers only.
    contexts: [0, 1],
    integration_types: [0],
  };
}

export function commandsJson(defs: readonly CommandDef[]): CommandJson[] {
  return defs.map(commandJson);
}
