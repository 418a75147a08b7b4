// A registry that exercises every adapter path: fast, slow, late (defer after the timer), failing,
// long text, charts with fields and buttons, autocomplete, subcommands, button updates, Outbox posts.
import { defineCommand, type CommandDef, type MessageRef } from '../../src/core/command.ts';
import { UserError } from '../../src/core/errors.ts';
import type { ImageAttachment } from '../../src/core/reply.ts';

export const png = (name: string): ImageAttachment => ({
  data: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...Buffer.from(name)]),
  filename: name,
  alt: `a chart called ${name}`,
  width: 10,
  height: 10,
});

export const HOSTILE = '<!channel> @here @everyone <@U123> <https://evil.example|click> & **bold** *it* `code`';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const lastPosted: { ref?: MessageRef } = {};

export const fixtureCommands: CommandDef[] = [
  defineCommand({
    name: 'echo',
    description: 'Echo text back unescaped (to test platform escaping)',
    examples: ['/echo text:hello'],
    options: [{ name: 'text', type: 'string', description: 'What to say', required: true }],
    handler: (req) => ({ text: `You said: ${String(req.options.text)}` }),
  }),
  defineCommand({
    name: 'slowchart',
    description: 'A slow command with a chart',
    examples: ['/slowchart'],
    slow: true,
    options: [],
    handler: async () => {
      await sleep(120); // longer than the refusal grace, so a slow command is deferred
      return { title: 'Slow chart', text: 'done', images: [png('attention map.png')] };
    },
  }),
  defineCommand({
    name: 'late',
    description: 'Not declared slow, but takes longer than the defer timer',
    examples: ['/late'],
    options: [],
    handler: async () => {
      await sleep(250);
      return { text: 'late but here' };
    },
  }),
  defineCommand({
    name: 'boom',
    description: 'Always fails',
    examples: ['/boom'],
    options: [],
    handler: () => {
      throw new Error('secret detail /srv/x.ts:1');
    },
  }),
  defineCommand({
    name: 'slowboom',
    description: 'A slow command that fails after the defer',
    examples: ['/slowboom'],
    slow: true,
    options: [],
    handler: async () => {
      await sleep(120);
      throw new Error('late failure');
    },
  }),
  defineCommand({
    name: 'long',
    description: 'A very long answer',
    examples: ['/long'],
    options: [],
    handler: () => ({ text: Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n') }),
  }),
  defineCommand({
    name: 'chart',
    description: 'Title, fields, two images and seven buttons',
    examples: ['/chart'],
    options: [],
    handler: () => ({
      title: 'Attention',
      text: 'Two **charts**.',
      fields: [
        { name: 'loss', value: '0.42', inline: true },
        { name: 'steps', value: '1,000', inline: true },
      ],
      images: [png('a.png'), png('b.png')],
      buttons: Array.from({ length: 7 }, (_, i) => ({ id: `chart:${i}`, label: `Option ${i}`, style: i === 0 ? 'primary' : 'secondary' })),
    }),
    onButton: (req) =>
      req.payload === '0' ? { text: `updated by ${req.payload}`, mode: 'update' } : { text: `new answer ${req.payload}`, mode: 'new', ephemeral: req.payload === '1' },
  }),
  defineCommand({
    name: 'pick',
    description: 'Autocomplete and typed options',
    examples: ['/pick word:lstm count:3 ratio:0.5 loud:true'],
    options: [
      { name: 'word', type: 'string', description: 'A word', required: true, autocomplete: (p) => ['lstm', 'gru', 'attention'].filter((w) => w.startsWith(p)).map((w) => ({ name: w, value: w })) },
      { name: 'count', type: 'integer', description: 'How many', min: 1, max: 5 },
      { name: 'ratio', type: 'number', description: 'A ratio', min: 0, max: 1 },
      { name: 'loud', type: 'boolean', description: 'Shout' },
      { name: 'model', type: 'string', description: 'Which', choices: [{ name: 'LSTM', value: 'lstm' }, { name: 'Transformer', value: 'transformer' }] },
    ],
    handler: (req) => ({ text: `picked ${JSON.stringify(req.options)}` }),
  }),
  defineCommand({
    name: 'game',
    description: 'Subcommands',
    examples: ['/game start level:2'],
    subcommands: [
      { name: 'start', description: 'Start', options: [{ name: 'level', type: 'integer', description: 'Level', min: 1, max: 3 }], handler: (req) => ({ text: `started ${String(req.options.level ?? 1)}`, buttons: [{ id: 'game:stop', label: 'Stop' }] }) },
      { name: 'stop', description: 'Stop', options: [], handler: () => ({ text: 'stopped' }) },
    ],
    onButton: (req) => {
      if (req.payload === 'stop') return { text: 'stopped by button', mode: 'update' };
      throw new UserError('That game has ended.');
    },
  }),
  defineCommand({
    name: 'announce',
    description: 'Posts and edits a message through the Outbox',
    examples: ['/announce'],
    options: [],
    handler: async (req) => {
      const ref = await req.outbox!.post(req.channelId, { text: 'question', images: [png('q.png')] });
      await req.outbox!.edit!(ref, { text: 'question (revealed)' });
      lastPosted.ref = ref;
      return { text: 'posted', ephemeral: true };
    },
  }),
];
