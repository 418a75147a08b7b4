// Scripted use: one command and exit, or JSON Lines over standard input with models loaded once.
import readline from 'node:readline';
import type { Status } from '../../core/dispatch.ts';
import type { CoreRunner } from '../runner.ts';
import { ansiStyle, plainStyle } from './format.ts';
import { ConsoleSession } from './session.ts';

export function exitCode(status: Status): number {
  return status === 'ok' ? 0 : status === 'user-error' ? 2 : 1;
}

export interface OneShotOptions {
  outDir: string;
  json: boolean;
  /** False when NO_COLOR is set. */
  color: boolean;
  userName?: string;
}

export async function runOnce(runner: CoreRunner, line: string, { outDir, json, color, userName }: OneShotOptions): Promise<number> {
  const style = process.stdout.isTTY && color ? ansiStyle : plainStyle;
  // With --json, stdout carries only the Reply; later posts (quiz reveals) go to stderr.
  const print = (text: string) => (json ? process.stderr : process.stdout).write(`${text}\n`);
  const session = new ConsoleSession({ runner, outDir, style: json ? plainStyle : style, print, userName });
  const result = await session.run(line);
  process.stdout.write(json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
  return exitCode(result.outcome.status);
}

/** One JSON Reply per input line; the exit code is the worst status seen. */
export async function runJsonLines(runner: CoreRunner, { outDir, userName }: Pick<OneShotOptions, 'outDir' | 'userName'>): Promise<number> {
  const session = new ConsoleSession({ runner, outDir, style: plainStyle, print: (t) => process.stderr.write(`${t}\n`), userName });
  let worst = 0;
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    const result = await session.run(line);
    process.stdout.write(`${JSON.stringify({ ...result.json, status: result.outcome.status })}\n`);
    const code = exitCode(result.outcome.status);
    worst = worst === 1 || code === 1 ? 1 : Math.max(worst, code);
  }
  return worst;
}
