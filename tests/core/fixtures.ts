import { defineCommand, type CommandDef, type RequestContext } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import { Registry } from '../../src/core/registry.ts';

export const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };

export const translate = defineCommand({
  name: 'translate',
  description: 'Translate English to Spanish',
  examples: ["/translate text:let's go"],
  options: [
    { name: 'text', type: 'string', description: 'English text', required: true },
    {
      name: 'model',
      type: 'string',
      description: 'Which model',
      choices: [
        { name: 'attention', value: 'attention' },
        { name: 'transformer', value: 'transformer' },
        { name: 'seq2seq', value: 'seq2seq' },
      ],
      aliases: { tf: 'transformer' },
    },
    { name: 'beam', type: 'integer', description: 'Beam width', min: 1, max: 8 },
    { name: 'temperature', type: 'number', description: 'Softmax temperature', min: 0, max: 2 },
    { name: 'compare', type: 'boolean', description: 'Run all models' },
  ],
  handler: (req) => ({ text: JSON.stringify(req.options) }),
});

export const boom = defineCommand({
  name: 'boom',
  description: 'Always fails',
  examples: ['/boom'],
  options: [],
  handler: () => {
    throw new Error('secret internal detail at /srv/app.ts:12');
  },
  onButton: (req) => {
    if (req.payload === 'user') throw new UserError('That quiz is closed.');
    if (req.payload === 'ok') return { text: 'pressed', mode: 'update' };
    throw new TypeError('broken button');
  },
});

export const quiz = defineCommand({
  name: 'quiz',
  description: 'Quizzes',
  examples: ['/quiz start topic:lstm'],
  defaultSubcommand: 'start',
  subcommands: [
    {
      name: 'start',
      description: 'Post a question',
      options: [
        { name: 'topic', type: 'string', description: 'Topic', choices: [{ name: 'lstm', value: 'lstm' }, { name: 'rnn', value: 'rnn' }] },
        { name: 'seconds', type: 'integer', description: 'Countdown', min: 10, max: 300 },
      ],
      handler: (req) => ({ text: `start ${JSON.stringify(req.options)}` }),
    },
    { name: 'leaderboard', description: 'Top 10', options: [], handler: () => ({ text: 'leaderboard' }) },
  ],
});

export function registry(extra: CommandDef[] = []): Registry {
  return new Registry([translate, boom, quiz, ...extra]);
}
