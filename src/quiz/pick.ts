// Choosing the next question for a channel: bank questions never repeat in a channel until the
// pool (topic + difficulty) is used up; generated questions are mixed in when a model is present.
import type { Platform } from '../core/command.ts';
import { log } from '../core/log.ts';
import type { Difficulty, QuestionSnapshot, QuizStore } from '../store/types.ts';
import type { BankQuestion } from './bank.ts';
import { availableGenerators, type QuestionGenerator } from './generators/index.ts';
import { pickOne, shuffled, type Rng } from './random.ts';
import { TOPIC_LABELS, type Topic } from './topics.ts';

export type Source = 'bank' | 'model' | 'any';

export interface PickOptions {
  topic?: Topic;
  difficulty?: Difficulty;
  source?: Source;
}

export interface PickContext {
  store: QuizStore;
  bank: readonly BankQuestion[];
  generators: readonly QuestionGenerator[];
  rng: Rng;
  /** Share of 'any' quizzes that are generated when a generator is available. */
  generatedShare: number;
}

export type PickResult = { question: QuestionSnapshot } | { problem: string };

/** Shuffles the choices so the right one is not always in the same place. */
export function snapshot(
  q: { id: string; prompt: string; choices: readonly string[]; answer: number; explanation: string },
  topic: Topic,
  difficulty: Difficulty,
  rng: Rng,
): QuestionSnapshot {
  const order = shuffled(
    q.choices.map((_, i) => i),
    rng,
  );
  return {
    id: q.id,
    topic,
    difficulty,
    prompt: q.prompt,
    choices: order.map((i) => q.choices[i]),
    answer: order.indexOf(q.answer),
    explanation: q.explanation,
  };
}

async function fromGenerator(gens: QuestionGenerator[], ctx: PickContext): Promise<QuestionSnapshot> {
  const g = pickOne(gens, ctx.rng);
  return snapshot(await g.generate(ctx.rng), g.topic, g.difficulty, ctx.rng);
}

export async function pickQuestion(
  where: { platform: Platform; channelId: string },
  opts: PickOptions,
  ctx: PickContext,
): Promise<PickResult> {
  const source = opts.source ?? 'any';
  const gens = availableGenerators(ctx.generators, opts.topic).filter(
    (g) => source === 'model' || opts.difficulty === undefined || g.difficulty === opts.difficulty,
  );
  if (source === 'model') {
    if (gens.length > 0) {
      try {
        return { question: await fromGenerator(gens, ctx) };
      } catch (err) {
        log.error({ err }, 'quiz: a question generator failed');
        return { problem: 'Our model could not make a question just now. Try again, or use `source:bank`.' };
      }
    }
    const ready = availableGenerators(ctx.generators).map((g) => TOPIC_LABELS[g.topic]);
    const where = opts.topic ? ` for ${TOPIC_LABELS[opts.topic]}` : '';
    return {
      problem:
        `No model-computed questions are available${where} yet (their models are not trained or not installed).` +
        (ready.length ? ` Try one of: ${[...new Set(ready)].join(', ')}.` : ''),
    };
  }
  if (source === 'any' && gens.length > 0 && ctx.rng() < ctx.generatedShare) {
    try {
      return { question: await fromGenerator(gens, ctx) };
    } catch (err) {
      log.error({ err }, 'quiz: a question generator failed; asking a bank question instead');
    }
  }

  const pool = ctx.bank.filter(
    (q) => (!opts.topic || q.topic === opts.topic) && (!opts.difficulty || q.difficulty === opts.difficulty),
  );
  if (pool.length === 0) {
    return { problem: `There are no ${opts.difficulty ?? ''} questions${opts.topic ? ` on ${TOPIC_LABELS[opts.topic]}` : ''} in the bank. Try another difficulty.` };
  }
  const asked = await ctx.store.askedQuestions(where.platform, where.channelId);
  let fresh = pool.filter((q) => !asked.has(q.id));
  if (fresh.length === 0) {
    // The pool is used up in this channel: start a new round over it.
    await ctx.store.forgetAsked(
      where.platform,
      where.channelId,
      pool.map((q) => q.id),
    );
    fresh = pool;
  }
  const q = pickOne(fresh, ctx.rng);
  return { question: snapshot(q, q.topic, q.difficulty, ctx.rng) };
}
