// The topic list: ids, aliases (accepted spellings), the one-line index, and autocomplete.
import type { Choice } from '../core/command.ts';
import { aliceTnTopic } from './alice-tn.ts';
import { attentionTopic } from './attention.ts';
import { lstmTopic } from './lstm.ts';
import { rnnTopic } from './rnn.ts';
import { seq2seqTopic } from './seq2seq.ts';
import { transformerTopic } from './transformer.ts';
import type { Topic, TopicId } from './types.ts';
import { word2vecTopic } from './word2vec.ts';

export const TOPICS: readonly Topic[] = [rnnTopic, lstmTopic, word2vecTopic, seq2seqTopic, attentionTopic, transformerTopic, aliceTnTopic];

export function getTopic(id: TopicId): Topic {
  return TOPICS.find((t) => t.id === id)!;
}

export const TOPIC_CHOICES: readonly Choice<string>[] = TOPICS.map((t) => ({ name: t.id, value: t.id }));

/** Lower-case spellings people type, mapped to a topic id (the core's validator applies them). */
export const TOPIC_ALIASES: Readonly<Record<string, TopicId>> = {
  recurrent: 'rnn',
  rnns: 'rnn',
  'recurrent-neural-network': 'rnn',
  lstms: 'lstm',
  'long-short-term-memory': 'lstm',
  embeddings: 'word2vec',
  embedding: 'word2vec',
  'word-embedding': 'word2vec',
  'word-embeddings': 'word2vec',
  w2v: 'word2vec',
  'skip-gram': 'word2vec',
  cbow: 'word2vec',
  'encoder-decoder': 'seq2seq',
  'sequence-to-sequence': 'seq2seq',
  'seq-2-seq': 'seq2seq',
  attn: 'attention',
  'self-attention': 'transformer',
  transformers: 'transformer',
  alice: 'alice-tn',
  alicetn: 'alice-tn',
  'alice-tn-networks': 'alice-tn',
};

/** Topics whose id, title or aliases contain what was typed so far (ids first). */
export function autocompleteTopic(partial: string): Choice<string>[] {
  const p = partial.trim().toLowerCase();
  if (!p) return [...TOPIC_CHOICES];
  const hits = new Set<TopicId>();
  for (const t of TOPICS) if (t.id.includes(p) || t.title.toLowerCase().includes(p)) hits.add(t.id);
  for (const [alias, id] of Object.entries(TOPIC_ALIASES)) if (alias.includes(p)) hits.add(id);
  return TOPICS.filter((t) => hits.has(t.id)).map((t) => ({ name: `${t.id}: ${t.title}`.slice(0, 100), value: t.id }));
}

export function topicIndex(): string {
  return TOPICS.map((t) => `- \`${t.id}\`: ${t.summary}`).join('\n');
}
