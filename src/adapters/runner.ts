// What every adapter calls (console, Discord, Slack): the core dispatcher, run through the bounded
// work queue (slow commands and their buttons as heavy jobs). Refusals (busy, cooldown) come back
// as ordinary Replies.
import { buttonCommand } from '../core/button-id.ts';
import type { ButtonReply, RequestContext } from '../core/command.ts';
import { dispatch, dispatchButton, parseInvocation, userErrorReply, type Invocation, type Outcome } from '../core/dispatch.ts';
import { UserError } from '../core/errors.ts';
import { DEFAULT_QUEUE, WorkQueue } from '../core/queue.ts';
import type { Registry } from '../core/registry.ts';

export class CoreRunner {
  constructor(
    readonly registry: Registry,
    readonly queue: WorkQueue = new WorkQueue(DEFAULT_QUEUE),
  ) {}

  /** Answer will not come at once: a slow command, or other work is running/waiting ahead of it. */
  shouldDeferAtOnce(command: string): boolean {
    return this.isSlow(command) || this.queue.stats.running > 0 || this.queue.stats.queued > 0;
  }

  isSlow(command: string): boolean {
    return this.registry.get(command)?.slow === true;
  }

  private async queued<R extends Outcome<any>>(command: string, userId: string, run: () => Promise<R>, asButton: boolean): Promise<R> {
    const result = await this.queue.run(userId, run, { heavy: this.isSlow(command) });
    if (result.ok) return result.value;
    const reply = asButton ? { ...result.refusal.reply, mode: 'new' as const } : result.refusal.reply;
    return { reply, status: 'user-error' } as R;
  }

  command(inv: Invocation, ctx: RequestContext): Promise<Outcome> {
    return this.queued(inv.command, ctx.userId, () => dispatch(this.registry, inv, ctx), false);
  }

  /** A typed line (console, Slack): the text parser, then the same path as Discord's typed options. */
  async line(line: string, ctx: RequestContext): Promise<Outcome> {
    let inv: Invocation;
    try {
      inv = parseInvocation(this.registry, line);
    } catch (err) {
      if (err instanceof UserError) return { reply: userErrorReply(err), status: 'user-error' };
      throw err;
    }
    return this.command(inv, ctx);
  }

  button(id: string, ctx: RequestContext): Promise<Outcome<ButtonReply>> {
    return this.queued(buttonCommand(id), ctx.userId, () => dispatchButton(this.registry, id, ctx), true);
  }
}
