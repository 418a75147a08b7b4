import type { Field, ImageAttachment } from '../core/reply.ts';

export const TOPIC_IDS = ['rnn', 'lstm', 'word2vec', 'seq2seq', 'attention', 'transformer', 'alice-tn'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
export type Depth = 'quick' | 'deep';

export interface ExplainInput {
  depth: Depth;
  /** rnn: how many days to unroll. */
  days?: number;
  /** lstm: the sequence to run (already scaled to [0, 1]). */
  values?: readonly number[];
}

/** quick: text ≤ 1,500 chars + at most one chart. deep: intro text + one field per section. */
export interface Explanation {
  title: string;
  text: string;
  sections?: Field[];
  image?: ImageAttachment;
}

export interface Topic {
  id: TopicId;
  title: string;
  /** One line for the topic list. */
  summary: string;
  explain(input: ExplainInput): Explanation | Promise<Explanation>;
}

export const QUICK_TEXT_LIMIT = 1500;
