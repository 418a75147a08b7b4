// The quiz flow: start a quiz, take answers, close and reveal when the countdown ends, keep the
// daily schedules. State lives in the store; timers are only reminders, so a restart (or a lost
// timer) never loses an answer: open quizzes are closed and revealed when the service attaches.
import { randomBytes } from 'node:crypto';
import type { ButtonReply, ButtonRequest, MessageRef, Outbox, Platform } from '../core/command.ts';
import { log } from '../core/log.ts';
import type { Reply } from '../core/reply.ts';
import type { QuizRecord, QuizResult, QuizStore, Schedule, ScoreScope } from '../store/types.ts';
import { bank as shippedBank, type BankQuestion } from './bank.ts';
import { systemClock, type Clock } from './clock.ts';
import { GENERATORS, type QuestionGenerator } from './generators/index.ts';
import { LETTERS, leaderboardReply, questionReply, revealReply, statsReply } from './messages.ts';
import { pickQuestion, type PickOptions } from './pick.ts';
import type { Rng } from './random.ts';
import { TimerScheduler, type Scheduler, type SchedulerFactory } from './scheduler.ts';

export const DEFAULT_SECONDS = 30;
export const MIN_SECONDS = 10;
export const MAX_SECONDS = 300;

export interface Where {
  platform: Platform;
  channelId: string;
  serverId?: string;
}

export interface StartOptions extends PickOptions {
  seconds?: number;
}

export interface ServiceOptions {
  bank?: readonly BankQuestion[];
  generators?: readonly QuestionGenerator[];
  rng?: Rng;
  /** Share of quizzes that are model-generated when a generator is available (default 0.25). */
  generatedShare?: number;
  /** Who reminds the service of reveals and daily slots (default: in-process timers on `clock`). */
  scheduler?: SchedulerFactory;
}

/** A reveal being posted is claimed for this long; if its poster dies, another process may post it after. */
export const REVEAL_LEASE_MS = 60_000;

export type StartResult = { quiz: QuizRecord; reply: Reply } | { problem: string };

const ANSWER_PAYLOAD = /^a:([A-Za-z0-9_-]{8}):(\d{1,2})$/;

function ephemeral(text: string): ButtonReply {
  return { text, ephemeral: true, mode: 'new' };
}

export function newQuizId(): string {
  return randomBytes(6).toString('base64url');
}

export class QuizService {
  private readonly outboxes = new Map<Platform, Outbox>();
  /** The outbox of the request that started a quiz (console sessions, tests). */
  private readonly quizOutboxes = new Map<string, Outbox>();
  private readonly closing = new Map<string, Promise<void>>();
  readonly scheduler: Scheduler;
  private readonly bank: readonly BankQuestion[];

  constructor(
    readonly store: QuizStore,
    readonly clock: Clock = systemClock,
    private readonly opts: ServiceOptions = {},
  ) {
    this.bank = opts.bank ?? shippedBank();
    const factory = opts.scheduler ?? ((st, cl, handlers) => new TimerScheduler(st, cl, handlers));
    this.scheduler = factory(store, clock, {
      reveal: (quizId) => this.finish(quizId),
      post: (s) => this.postScheduled(s),
      recover: (platform) => this.recover(platform),
    });
  }

  /** Gives the service a way to post on a platform; reveals overdue quizzes and starts schedules there. */
  async attach(platform: Platform, outbox: Outbox): Promise<void> {
    const first = !this.outboxes.has(platform);
    this.outboxes.set(platform, outbox);
    if (!first) return;
    await this.recover(platform, true);
    await this.scheduler.start(platform);
  }

  /**
   * Reveals what should have been revealed (closed but never posted, or open past closesAt), e.g.
   * after a crash here or in another replica; with `arm`, running quizzes get their reminders.
   */
  async recover(platform: Platform, arm = false): Promise<void> {
    const outbox = this.outboxes.get(platform);
    if (!outbox) return;
    for (const quiz of await this.store.unrevealedQuizzes(platform)) {
      const result = await this.store.quizResult(quiz.id);
      if (result) await this.reveal(result, outbox);
    }
    for (const quiz of await this.store.openQuizzes(platform)) {
      if (quiz.closesAt <= this.clock.now()) await this.finish(quiz.id);
      else if (arm) this.arm(quiz);
    }
  }

  isAttached(platform: Platform): boolean {
    return this.outboxes.has(platform);
  }

  /** Stops reminders (a job queue hands unfinished jobs back to other replicas). */
  async stop(): Promise<void> {
    await this.scheduler.stop();
  }

  /** Creates a quiz and returns the question to post; its reveal goes through `outbox` (or the platform's). */
  async start(where: Where, opts: StartOptions, startedBy: string, outbox?: Outbox): Promise<StartResult> {
    const picked = await pickQuestion(where, opts, {
      store: this.store,
      bank: this.bank,
      generators: this.opts.generators ?? GENERATORS,
      rng: this.opts.rng ?? Math.random,
      generatedShare: this.opts.generatedShare ?? 0.25,
    });
    if ('problem' in picked) return picked;
    const seconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.round(opts.seconds ?? DEFAULT_SECONDS)));
    const now = this.clock.now();
    const quiz = await this.store.createQuiz({
      id: newQuizId(),
      platform: where.platform,
      channelId: where.channelId,
      serverId: where.serverId,
      createdBy: startedBy,
      question: picked.question,
      openedAt: now,
      closesAt: now + seconds * 1000,
    });
    if (outbox) this.quizOutboxes.set(quiz.id, outbox);
    this.arm(quiz);
    return { quiz, reply: questionReply(quiz) };
  }

  /** Starts a quiz and posts it through the outbox itself (schedules), remembering the message to edit. */
  async post(where: Where, opts: StartOptions, startedBy: string, outbox: Outbox): Promise<StartResult> {
    const started = await this.start(where, opts, startedBy, outbox);
    if ('problem' in started) return started;
    try {
      const ref = await outbox.post(where.channelId, started.reply);
      await this.store.setQuizMessage(started.quiz.id, ref.messageId);
      started.quiz.messageId = ref.messageId;
    } catch (err) {
      // Never posted: close it quietly so it is not revealed to a channel that never saw it.
      this.cancel(started.quiz.id);
      await this.store.closeQuiz(started.quiz.id, this.clock.now());
      await this.store.markRevealed(started.quiz.id, this.clock.now());
      throw err;
    }
    return started;
  }

  /** A click on an answer button. Ids carry no trust: everything is checked against the store. */
  async answer(req: ButtonRequest): Promise<ButtonReply> {
    const m = ANSWER_PAYLOAD.exec(req.payload);
    if (!m) return ephemeral('⚠️ That button is not one of my quiz buttons. Nothing was recorded.');
    const [, quizId, choiceText] = m;
    const quiz = await this.store.getQuiz(quizId);
    if (!quiz) return ephemeral('⚠️ I do not know that quiz (it may have expired). Nothing was recorded. Start a new one with `/quiz start`.');
    if (quiz.platform !== req.platform || quiz.channelId !== req.channelId) {
      return ephemeral('⚠️ That button belongs to a quiz in another channel. Nothing was recorded.');
    }
    const at = this.clock.now();
    const outcome = await this.store.recordAnswer({ quizId, userId: req.userId, userName: req.userName, choice: Number(choiceText), at });
    const left = Math.max(1, Math.ceil((quiz.closesAt - at) / 1000));
    switch (outcome.status) {
      case 'recorded':
        return ephemeral(
          outcome.correct
            ? `✅ Right! +${outcome.points} point${outcome.points === 1 ? '' : 's'}. The explanation comes in ${left} s.`
            : `❌ Not this time: you chose ${LETTERS[Number(choiceText)]}. The answer comes in ${left} s.`,
        );
      case 'duplicate':
        return ephemeral(`You already answered this quiz (you chose ${LETTERS[outcome.previousChoice]}). One answer per member.`);
      case 'closed':
        if (quiz.status === 'open') void this.finish(quizId); // its timer was lost (e.g. a restart): reveal now
        return ephemeral('⌛ This quiz is closed, so answers no longer count. Start a new one with `/quiz start`.');
      case 'bad-choice':
        return ephemeral(`⚠️ That is not one of this quiz's ${outcome.choices} choices. Nothing was recorded.`);
      case 'unknown-quiz':
        return ephemeral('⚠️ I do not know that quiz. Nothing was recorded.');
    }
  }

  /** Closes a quiz and posts the reveal. Safe to call twice or from two places: one closer wins. */
  finish(quizId: string): Promise<void> {
    let p = this.closing.get(quizId);
    if (!p) {
      p = this.doFinish(quizId).finally(() => this.closing.delete(quizId));
      this.closing.set(quizId, p);
    }
    return p;
  }

  private async doFinish(quizId: string): Promise<void> {
    this.cancel(quizId);
    const quiz = await this.store.getQuiz(quizId);
    if (!quiz || quiz.status !== 'open') return;
    const outbox = this.quizOutboxes.get(quizId) ?? this.outboxes.get(quiz.platform);
    if (!outbox) {
      // Nowhere to reveal yet: it stays open (answers already stop at closesAt) until attach().
      log.info({ quizId }, 'quiz: no outbox to reveal on; left for the next start-up');
      return;
    }
    const result = await this.store.closeQuiz(quizId, this.clock.now());
    this.quizOutboxes.delete(quizId);
    if (result) await this.reveal(result, outbox);
  }

  private async reveal(result: QuizResult, outbox: Outbox): Promise<void> {
    const { quiz } = result;
    // Several processes may reach this for one quiz (its closer, another replica's recovery): one posts.
    const claim = `reveal:${quiz.id}`;
    if (!(await this.store.claimOnce(claim, this.clock.now(), REVEAL_LEASE_MS))) return;
    if (quiz.createdBy === 'schedule' && !quiz.messageId) {
      // post() records the message as soon as it is posted: its poster died before posting, so
      // nobody saw the question (the slot is posted again with a new quiz). Nothing to reveal.
      log.warn({ quizId: quiz.id }, 'quiz: a scheduled quiz that was never posted is closed without a reveal');
      await this.store.markRevealed(quiz.id, this.clock.now());
      await this.store.completeClaim(claim);
      return;
    }
    try {
      let edited = false;
      if (quiz.messageId && outbox.edit) {
        const ref: MessageRef = { platform: quiz.platform, channelId: quiz.channelId, messageId: quiz.messageId };
        try {
          await outbox.edit(ref, revealReply(result, true));
          edited = true;
        } catch (err) {
          log.warn({ err, quizId: quiz.id }, 'quiz: editing the question failed; posting the reveal instead');
        }
      }
      // Keyed: if this process dies after posting but before markRevealed, the lease lapses and
      // another replica posts again; Discord then returns the first message instead of a second.
      if (!edited) await outbox.post(quiz.channelId, revealReply(result, false), { key: `reveal:${quiz.id}` });
      await this.store.markRevealed(quiz.id, this.clock.now());
      await this.store.completeClaim(claim);
    } catch (err) {
      // Left unrevealed in the store: the next start-up (or another replica's recovery) posts it.
      log.error({ err, quizId: quiz.id }, 'quiz: posting the reveal failed');
      await this.store.releaseClaim(claim).catch(() => undefined);
    }
  }

  private arm(quiz: QuizRecord): void {
    this.scheduler.revealAt(quiz.id, quiz.closesAt).catch((err: unknown) => {
      // Not lost: recovery (next start-up, or a replica's periodic sweep) reveals it.
      log.error({ err, quizId: quiz.id }, 'quiz: could not schedule the reveal');
    });
  }

  private cancel(quizId: string): void {
    this.scheduler.cancelReveal(quizId);
  }

  /** Quizzes waiting for their countdown in this process, for tests. */
  pendingQuizzes(): string[] {
    return this.scheduler.pendingReveals();
  }

  private async postScheduled(s: Schedule): Promise<void> {
    const outbox = this.outboxes.get(s.platform);
    if (!outbox) return;
    const where = { platform: s.platform, channelId: s.channelId, serverId: s.serverId };
    const started = await this.post(where, { topic: s.topic as PickOptions['topic'], difficulty: s.difficulty, seconds: s.seconds }, 'schedule', outbox);
    if ('problem' in started) log.warn({ channel: s.channelId, problem: started.problem }, 'quiz: scheduled quiz not posted');
  }

  async leaderboard(where: Where & { userId: string }, scopeKind: 'channel' | 'server'): Promise<Reply> {
    let note: string | undefined;
    let scope: ScoreScope = { kind: 'channel', platform: where.platform, channelId: where.channelId };
    let name = 'this channel';
    if (scopeKind === 'server') {
      if (where.serverId) {
        scope = { kind: 'server', platform: where.platform, serverId: where.serverId };
        name = where.platform === 'slack' ? 'this workspace' : 'this server';
      } else {
        note = 'There is no server here (a DM or the console), so this is the channel board.';
      }
    }
    const [rows, me] = await Promise.all([this.store.leaderboard(scope, 10), this.store.scoreOf(scope, where.userId)]);
    return leaderboardReply(name, rows, me, note);
  }

  async stats(where: Where & { userId: string; userName: string }): Promise<Reply> {
    const scopes: { scope: string; key: ScoreScope }[] = [
      { scope: 'This channel', key: { kind: 'channel', platform: where.platform, channelId: where.channelId } },
    ];
    if (where.serverId) {
      scopes.push({
        scope: where.platform === 'slack' ? 'This workspace' : 'This server',
        key: { kind: 'server', platform: where.platform, serverId: where.serverId },
      });
    }
    const rows = await Promise.all(scopes.map(async (s) => ({ scope: s.scope, row: await this.store.scoreOf(s.key, where.userId) })));
    return statsReply(where.userName, rows);
  }
}
