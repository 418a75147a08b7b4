// The commands the bot offers, listed explicitly. Each file holds one command's definition and
// handler; the same list drives the console, Discord's command JSON and Slack's manifest.
import type { CommandDef } from '../src/core/command.ts';
import { about } from './about.ts';
import { explain } from './explain.ts';
import { predict } from './predict.ts';
import { helpCommand } from './help.ts';
import { quiz } from './quiz.ts';
import { neighbors } from './neighbors.ts';
import { analogy } from './analogy.ts';
import { similarity } from './similarity.ts';
import { tokenizeCommand } from './tokenize.ts';
import { translate } from './translate.ts';
import { attention } from './attention.ts';

export const commands: readonly CommandDef[] = [
  helpCommand(() => commands),
  about,
  explain,
  predict,
  quiz,
  neighbors,
  analogy,
  similarity,
  tokenizeCommand,
  translate,
  attention,
];
