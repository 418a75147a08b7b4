// The syllabus topics a quiz can be about, with the spellings members are likely to type.
import type { Choice } from '../core/command.ts';
import type { Difficulty } from '../store/types.ts';

export const TOPICS = ['rnn', 'lstm', 'word2vec', 'seq2seq', 'attention', 'transformer'] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABELS: Record<Topic, string> = {
  rnn: 'Recurrent networks',
  lstm: 'LSTM',
  word2vec: 'Word embeddings / word2vec',
  seq2seq: 'Seq2seq (encoder–decoder)',
  attention: 'Attention',
  transformer: 'Transformer',
};

export const TOPIC_CHOICES: readonly Choice<string>[] = TOPICS.map((t) => ({ name: TOPIC_LABELS[t], value: t }));

export const TOPIC_ALIASES: Readonly<Record<string, Topic>> = {
  rnns: 'rnn',
  recurrent: 'rnn',
  lstms: 'lstm',
  embedding: 'word2vec',
  embeddings: 'word2vec',
  w2v: 'word2vec',
  'encoder-decoder': 'seq2seq',
  translation: 'seq2seq',
  transformers: 'transformer',
  'self-attention': 'transformer',
  gpt: 'transformer',
};

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const satisfies readonly Difficulty[];

export const DIFFICULTY_CHOICES: readonly Choice<string>[] = DIFFICULTIES.map((d) => ({ name: d, value: d }));

export function isTopic(x: unknown): x is Topic {
  return typeof x === 'string' && (TOPICS as readonly string[]).includes(x);
}
