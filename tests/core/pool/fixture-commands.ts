// Commands for the pool tests: one flagged `worker: true` and one not, each saying which thread ran it.
import { threadId } from 'node:worker_threads';
import { defineCommand, type CommandDef } from '../../../src/core/command.ts';

export const commands: readonly CommandDef[] = [
  defineCommand({
    name: 'where',
    description: 'Which thread runs a worker command',
    examples: ['/where'],
    worker: true,
    options: [],
    handler: (req) => ({ text: `thread ${threadId}`, images: [{ data: new Uint8Array([137, 80, 78, 71]), filename: 'x.png', alt: req.userName, width: 1, height: 1 }] }),
    onButton: (req) => ({ text: `button ${req.payload} on thread ${threadId}`, mode: 'update' }),
  }),
  defineCommand({
    name: 'here',
    description: 'Which thread runs an ordinary command',
    examples: ['/here'],
    options: [],
    handler: () => ({ text: `thread ${threadId}` }),
  }),
  defineCommand({
    name: 'crash',
    description: 'A worker command whose handler throws',
    examples: ['/crash'],
    worker: true,
    options: [],
    handler: () => {
      throw new Error('model exploded');
    },
  }),
];
