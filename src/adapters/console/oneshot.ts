// Scripted use: one command and exit, or JSON Lines over standard input with models loaded once.
import type { CoreRunner } from '../runner.ts';
import { ansiStyle, plainStyle, toJsonReply } from './format.ts';
import { exitCode, serveJsonLines } from './lines.ts';
import { ConsoleSession } from './session.ts';

export { exitCode };

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

/** One JSON Reply per input line (framing in lines.ts); the exit code is the worst status seen. */
export async function runJsonLines(
  runner: CoreRunner,
  { outDir, userName }: Pick<OneShotOptions, 'outDir' | 'userName'>,
  input: AsyncIterable<string | Uint8Array> = process.stdin,
  write = (t: string) => void process.stdout.write(t),
): Promise<number> {
  const session = new ConsoleSession({ runner, outDir, style: plainStyle, print: (t) => process.stderr.write(`${t}\n`), userName });
  return serveJsonLines(input, write, {
    run: async (line) => {
      const result = await session.run(line);
      return { json: result.json, status: result.outcome.status };
    },
    show: (outcome) => ({ json: toJsonReply(outcome.reply, outDir), status: outcome.status }),
  });
}
