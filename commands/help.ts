import { defineCommand, type CommandDef, type OptionDef } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { inlineCode } from '../src/core/escape.ts';
import type { Reply } from '../src/core/reply.ts';
import { didYouMean } from '../src/core/suggest.ts';

function describeOption(o: OptionDef): string {
  const kind = 'choices' in o && o.choices?.length ? o.choices.map((c) => c.value).join(' | ') : o.type;
  const range =
    o.type === 'integer' || o.type === 'number'
      ? [o.min !== undefined ? `≥ ${o.min}` : '', o.max !== undefined ? `≤ ${o.max}` : ''].filter(Boolean).join(', ')
      : '';
  return `- \`${o.name}:\` ${o.required ? '(required) ' : ''}${o.description} — ${kind}${range ? ` (${range})` : ''}`;
}

function commandHelp(def: CommandDef): Reply {
  const parts: string[] = [def.description];
  if (def.subcommands?.length) {
    for (const s of def.subcommands) {
      parts.push('', `**/${def.name} ${s.name}** — ${s.description}`, ...s.options.map(describeOption));
    }
  } else if (def.options?.length) {
    parts.push('', '**Options**', ...def.options.map(describeOption));
  }
  parts.push('', '**Examples**', ...def.examples.map((e) => `\`${e}\``));
  return { title: `/${def.name}`, text: parts.join('\n') };
}

/** /help lists the registered commands; it receives them lazily to avoid an import cycle. */
export function helpCommand(list: () => readonly CommandDef[]): CommandDef {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or show one command’s options and examples',
    examples: ['/help', '/help translate'],
    options: [
      {
        name: 'command',
        type: 'string',
        description: 'A command to explain, e.g. translate',
        maxLength: 40,
        autocomplete: (p) => list().filter((c) => c.name.startsWith(p.replace(/^\//, '').toLowerCase())).map((c) => ({ name: c.name, value: c.name })),
      },
    ],
    handler(req) {
      const commands = list();
      const wanted = typeof req.options.command === 'string' ? req.options.command.replace(/^\//, '').toLowerCase() : undefined;
      if (wanted) {
        const def = commands.find((c) => c.name === wanted);
        if (!def) throw new UserError(`There is no command ${inlineCode('/' + wanted, { max: 41 })}.${didYouMean(wanted, commands.map((c) => c.name))}`, '/help');
        return commandHelp(def);
      }
      const lines = commands.map((c) => `- **/${c.name}** — ${c.description}\n  e.g. \`${c.examples[0] ?? `/${c.name}`}\``);
      return {
        title: 'nn-tutor commands',
        text: [
          'I run small sequence models of our own and show how they work.',
          '',
          ...lines,
          '',
          'Options are written `name:value`; a bare text fills the main option (`/translate let’s go`). `/help <command>` shows its options.',
        ].join('\n'),
      };
    },
  });
}
