// The interactive console chat: a prompt with history, /help, /quit. Works on a terminal and on
// piped input (`printf '/help\n/quit\n' | npm start`).
import readline from 'node:readline';
import type { Outbox } from '../../core/command.ts';
import type { Registry } from '../../core/registry.ts';
import { ansiStyle, plainStyle } from './format.ts';
import { ConsoleSession } from './session.ts';

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', '/q']);

/** `onReady` receives the chat's outbox so features can post later (quiz reveals, schedules). */
export async function runChat(registry: Registry, outDir: string, onReady?: (outbox: Outbox) => Promise<void>): Promise<number> {
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const style = tty && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  const print = (text: string) => process.stdout.write(`${text}\n\n`);
  const session = new ConsoleSession({ registry, outDir, style, print });
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: tty, historySize: 200, prompt: 'nn-tutor> ' });

  rl.on('SIGINT', () => rl.close()); // Ctrl-C leaves like /quit
  print(`${style.bold('nn-tutor')} console chat. Type /help for the commands, /quit to leave. Images are saved under ${outDir}/.`);
  // Iterate from here: lines piped in while onReady awaits (e.g. a database connection) are kept.
  const lines = rl[Symbol.asyncIterator]();
  await onReady?.(session.context.outbox!);
  if (tty) rl.prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      if (!tty) print(`> ${line}`);
      const { text } = await session.run(line);
      print(text);
    }
    if (tty) rl.prompt();
  }
  rl.close();
  print('Bye!');
  return 0;
}
