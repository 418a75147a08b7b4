// The interactive console chat: a prompt with history, /help, /quit. Works on a terminal and on
// piped input (`printf '/help\n/quit\n' | npm start`). An Adapter like Discord and Slack: its lines
// go through the process's runner and queue.
import readline from 'node:readline';
import type { Outbox } from '../../core/command.ts';
import type { Adapter, AdapterHost } from '../adapter.ts';
import { ansiStyle, plainStyle } from './format.ts';
import { ConsoleSession } from './session.ts';

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', '/q']);

export interface ConsoleChatOptions {
  outDir: string;
  /** False when NO_COLOR is set; colour is only used on a terminal anyway. */
  color: boolean;
  userName?: string;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

export class ConsoleChatAdapter implements Adapter {
  readonly platform = 'console';
  readonly name = 'the console chat';
  readonly audience = 'one';
  readonly finished: Promise<void>;
  private endFinished!: () => void;
  private session?: ConsoleSession;
  private rl?: readline.Interface;
  private closed = false;

  constructor(private readonly opts: ConsoleChatOptions) {
    this.finished = new Promise((resolve) => (this.endFinished = resolve));
  }

  get outbox(): Outbox {
    if (!this.session) throw new Error('the console chat has not started');
    return this.session.context.outbox!;
  }

  async start(host: AdapterHost): Promise<void> {
    const input = this.opts.input ?? process.stdin;
    const output = this.opts.output ?? process.stdout;
    const tty = Boolean(input.isTTY && output.isTTY);
    const style = tty && this.opts.color ? ansiStyle : plainStyle;
    const print = (text: string) => void output.write(`${text}\n\n`);
    this.session = new ConsoleSession({ runner: host.runner, outDir: this.opts.outDir, style, print, userName: this.opts.userName });
    const rl = readline.createInterface({ input, output, terminal: tty, historySize: 200, prompt: 'nn-tutor> ' });
    this.rl = rl;
    rl.on('SIGINT', () => rl.close()); // Ctrl-C leaves like /quit
    print(`${style.bold('nn-tutor')} console chat. Type /help for the commands, /quit to leave. Images are saved under ${this.opts.outDir}/.`);
    rl.on('close', () => (this.closed = true));
    // The iterator buffers lines from now on; they are read on a later turn, after start-up has
    // attached the quiz service to the outbox.
    void this.loop(rl, rl[Symbol.asyncIterator](), this.session, tty, print);
  }

  private async loop(rl: readline.Interface, lines: AsyncIterableIterator<string>, session: ConsoleSession, tty: boolean, print: (text: string) => void): Promise<void> {
    await new Promise((r) => setImmediate(r));
    try {
      if (tty) rl.prompt();
      for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
        const line = raw.trim();
        if (QUIT.has(line.toLowerCase())) break;
        if (line) {
          if (!tty) print(`> ${line}`);
          const { text } = await session.run(line);
          print(text);
        }
        if (tty) rl.prompt();
      }
      print('Bye!');
    } finally {
      rl.close();
      this.endFinished();
    }
  }

  connected(): boolean {
    return this.rl !== undefined && !this.closed;
  }

  async stop(): Promise<void> {
    this.rl?.close();
    this.endFinished();
  }
}
