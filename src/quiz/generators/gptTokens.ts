// "How many GPT-2 tokens is this sentence?": the sentence is assembled at request time and the
// answer is what GPT-2's byte-pair tokenizer (gpt-tokenizer, r50k_base) actually produces.
import { createHash } from 'node:crypto';
import { inlineCode } from '../../core/reply.ts';
import { numericDistractors } from './distractors.ts';
import type { GeneratedQuestion, QuestionGenerator } from './types.ts';
import { pickOne, type Rng } from '../random.ts';

const SUBJECTS = [
  'The encoder',
  'Our tiny transformer',
  'An unbelievably patient LSTM',
  'The decoder',
  'Every attention head',
  'A word2vec embedding',
  'The recurrent network',
  'Backpropagation',
  'The tokenizer',
  'Positional encoding',
];
const VERBS = ['reads', 'forgets', 'remembers', 'translates', 'attends to', 'compresses', 'predicts', 'embeds', 'reweights'];
const OBJECTS = [
  'the whole sentence at once',
  "yesterday's stock price",
  'Spanish verbs like comeríamos',
  "each word's neighbours",
  'the end-of-sentence token',
  'three days of prices',
  'unusually long paragraphs',
  'the vanishing gradient',
  'pizza, ovens and pronouns',
  'Supercalifragilistic words',
];

type Encoder = { encode(text: string): number[]; decode(tokens: number[]): string };
let encoder: Promise<Encoder> | undefined;

/** GPT-2's tokenizer, loaded on first use (≈0.2 s) so /help stays fast. */
export function gpt2(): Promise<Encoder> {
  encoder ??= import('gpt-tokenizer/encoding/r50k_base') as Promise<Encoder>;
  return encoder;
}

export function composeSentence(rng: Rng): string {
  return `${pickOne(SUBJECTS, rng)} ${pickOne(VERBS, rng)} ${pickOne(OBJECTS, rng)}.`;
}

export async function tokenQuestion(sentence: string, rng: Rng): Promise<GeneratedQuestion> {
  const enc = await gpt2();
  const tokens = enc.encode(sentence);
  // A token can be part of a multi-byte character: show those as ? rather than a broken glyph.
  const pieces = tokens.map((t) => enc.decode([t]).replace(/\uFFFD/g, '?').replace(/ /g, '·') || '?');
  const words = sentence.split(/\s+/).length;
  const wrong = numericDistractors(tokens.length, 3, rng, [words, Math.round(sentence.length / 4)]);
  const hash = createHash('sha1').update(sentence).digest('hex').slice(0, 10);
  return {
    id: `gen:gpt-tokens:${hash}`,
    prompt: `How many tokens does GPT-2's tokenizer split this sentence into?\n${inlineCode(sentence)}`,
    choices: [String(tokens.length), ...wrong.map(String)],
    answer: 0,
    explanation:
      `Running GPT-2's byte-pair tokenizer gives ${tokens.length} tokens for ${words} words ` +
      `(· marks a leading space): \`${pieces.join(' | ')}\`. Common words with their leading space are ` +
      `one token each, punctuation is its own token, and rare or long words break into several pieces.`,
  };
}

export const gptTokens: QuestionGenerator = {
  id: 'gpt-tokens',
  topic: 'transformer',
  difficulty: 'medium',
  title: 'How many GPT-2 tokens is this sentence? (gpt-tokenizer)',
  available: () => true,
  generate: (rng) => tokenQuestion(composeSentence(rng), rng),
};
