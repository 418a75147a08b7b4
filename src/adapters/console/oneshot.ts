// Scripted use: one command and exit, or JSON Lines over standard input with models loaded once.
import readline from 'node:readline';
import type { Status } from '../../core/dispatch.ts';
import type { Registry } from '../../core/registry.ts';
import { ansiStyle, plainStyle } from './format.ts';
import { ConsoleSession } from './session.ts';

export function exitCode(status: Status): number {
  return status === 'ok' ? 0 : status === 'user-error' ? 2 : 1;
}

export async function runOnce(registry: Registry, line: string, outDir: string, json: boolean): Promise<number> {
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  // With --json, stdout carries only the Reply; later posts (quiz reveals) go to stderr.
  const print = (text: string) => (json ? process.stderr : process.stdout).write(`${text}\n`);
  const session = new ConsoleSession({ registry, outDir, style: json ? plainStyle : style, print });
  const result = await session.run(line);
  process.stdout.write(json ? `${JSON.stringify(result.json)}\n` : `${result.text}\n`);
  return exitCode(result.outcome.status);
}

/** One JSON Reply per input line; the exit code is the worst status seen. */
export async function runJsonLines(registry: Registry, outDir: string): Promise<number> {
  const session = new ConsoleSession({ registry, outDir, style: plainStyle, print: (t) => process.stderr.write(`${t}\n`) });
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
