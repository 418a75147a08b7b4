// One console user's conversation: runs typed lines through the runner (queue and dispatcher), remembers the last
// buttons so that typing their number presses them, and prints messages posted later (Outbox).
import type { MessageRef, Outbox, RequestContext } from '../../core/command.ts';
import type { Outcome } from '../../core/dispatch.ts';
import type { Button, Reply } from '../../core/reply.ts';
import type { CoreRunner } from '../runner.ts';
import { formatReply, toJsonReply, type JsonReply, type Style } from './format.ts';

export interface SessionOptions {
  /** The process's runner: console lines wait in the same queue as every platform's. */
  runner: CoreRunner;
  outDir: string;
  style: Style;
  /** Where asynchronous messages (quiz reveals) are written. */
  print: (text: string) => void;
  userName?: string;
}

export interface LineResult {
  outcome: Outcome;
  json: JsonReply;
  text: string;
}

export class ConsoleSession {
  private lastButtons: Button[] = [];
  private posted = 0;
  readonly context: RequestContext;

  constructor(private readonly opts: SessionOptions) {
    const outbox: Outbox = {
      post: async (channelId: string, reply: Reply): Promise<MessageRef> => {
        this.opts.print(this.show(reply).text);
        return { platform: 'console', channelId, messageId: String(++this.posted) };
      },
      edit: async (_ref: MessageRef, reply: Reply) => {
        this.opts.print(this.show(reply).text);
      },
    };
    this.context = {
      platform: 'console',
      userId: 'console-user',
      userName: opts.userName ?? 'you',
      channelId: 'console',
      outbox,
    };
  }

  private show(reply: Reply): { json: JsonReply; text: string } {
    if (reply.buttons?.length) this.lastButtons = reply.buttons;
    const json = toJsonReply(reply, this.opts.outDir);
    return { json, text: formatReply(json, reply, this.opts.style) };
  }

  /** A command line, or a number pressing one of the last reply's buttons. */
  async run(line: string): Promise<LineResult> {
    const press = /^\s*(?:\/press\s+)?(\d{1,2})\s*$/.exec(line);
    let outcome: Outcome;
    if (press) {
      const n = Number(press![1]);
      const button = this.lastButtons[n - 1];
      outcome = button && !button.disabled
        ? await this.opts.runner.button(button.id, this.context)
        : {
            status: 'user-error',
            reply: {
              text: this.lastButtons.length
                ? `⚠️ There is no button ${n}. Choose 1–${this.lastButtons.length}.`
                : '⚠️ There are no buttons to press yet. Try `/help`.',
              ephemeral: true,
            },
          };
    } else {
      outcome = await this.opts.runner.line(line, this.context);
    }
    return { outcome, ...this.show(outcome.reply) };
  }
}
