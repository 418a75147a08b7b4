// What every adapter calls (console, Discord, Slack): the core dispatcher, run through the bounded
// work queue (slow commands and their buttons as heavy jobs). Refusals (busy, cooldown) come back
// as ordinary Replies.
import { buttonCommand } from '../core/button-id.ts';
import type { ButtonReply, RequestContext } from '../core/command.ts';
import { parseInvocation, userErrorReply, type Invocation, type Outcome } from '../core/dispatch.ts';
import { UserError } from '../core/errors.ts';
import { InlineExecutor, type Executor, type Job } from '../core/pool/executor.ts';
import { DEFAULT_QUEUE, WorkQueue } from '../core/queue.ts';
import { currentRequestId, withRequestId } from '../core/request-id.ts';
import type { Registry } from '../core/registry.ts';
import { metrics as processMetrics, type Metrics } from '../ops/metrics.ts';

export class CoreRunner {
  private readonly inline: InlineExecutor;

  constructor(
    readonly registry: Registry,
    readonly queue: WorkQueue = new WorkQueue(DEFAULT_QUEUE),
    /** Where `worker: true` commands run (a PoolExecutor); everything else runs inline. */
    readonly executor: Executor = new InlineExecutor(registry),
    private readonly metrics: Metrics = processMetrics,
  ) {
    this.inline = new InlineExecutor(registry);
  }

  private execute(command: string, job: Job, ctx: RequestContext): Promise<Outcome<any>> {
    return (this.registry.get(command)?.worker ? this.executor : this.inline).run(job, ctx);
  }

  /**
   * Answer will not come at once: a slow command (or button). A quick one is not deferred just
   * because other work is running: the adapter's timer defers it if it does wait, and an answer
   * inline in the interaction response needs no REST call (discord.js sends at most 50/s).
   */
  shouldDeferAtOnce(command: string, asButton = false): boolean {
    return this.isSlow(command, asButton);
  }

  /** A model job: deferred at once and subject to the per-user limits. */
  isSlow(command: string, asButton = false): boolean {
    const def = this.registry.get(command);
    return def?.slow === true && !(asButton && def.quickButtons === true);
  }

  private async queued<R extends Outcome<any>>(command: string, ctx: RequestContext, run: () => Promise<R>, asButton: boolean): Promise<R> {
    const t0 = performance.now();
    // Keep the adapter's request id (Discord HTTP: the interaction id), or start one here.
    const result = await withRequestId(currentRequestId(), () => this.queue.run(ctx.userId, run, { heavy: this.isSlow(command, asButton) }));
    const known = this.registry.get(command) ? command : 'unknown'; // bounded label values
    if (result.ok) {
      this.metrics.observe(ctx.platform, known, asButton ? 'button' : 'command', result.value.status, (performance.now() - t0) / 1000);
      return result.value;
    }
    this.metrics.refusals.inc({ reason: result.refusal.reason });
    const reply = asButton ? { ...result.refusal.reply, mode: 'new' as const } : result.refusal.reply;
    return { reply, status: 'user-error' } as R;
  }

  command(inv: Invocation, ctx: RequestContext): Promise<Outcome> {
    return this.queued(inv.command, ctx, () => this.execute(inv.command, { kind: 'command', inv }, ctx), false);
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
    const command = buttonCommand(id);
    return this.queued(command, ctx, () => this.execute(command, { kind: 'button', id }, ctx), true);
  }
}
