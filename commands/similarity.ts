// /similarity a:<w1> b:<w2> — cosine similarity of two words, with what the number means.
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { titleText, userText } from '../src/core/escape.ts';
import type { Reply } from '../src/core/reply.ts';
import { shippedVectors } from '../src/nn/word2vec/index.ts';
import { fmtScore, knownWords } from './word2vec-common.ts';

const EXAMPLE = '/similarity a:cat b:dog';

/** Where a cosine sits among this space's scores (thresholds read off the vectors' typical neighbours). */
export function describeCosine(s: number): string {
  if (s >= 0.999) return 'the same word (or vector)';
  if (s >= 0.6) return 'very close: these words share most of their contexts, like near-synonyms or close relatives (good/bad count too)';
  if (s >= 0.4) return 'clearly related: they often appear around the same words';
  if (s >= 0.2) return 'loosely related: some shared contexts';
  return 'unrelated in this space: their contexts barely overlap';
}

export function similarityReply(aText: string, bText: string): Reply {
  const v = shippedVectors();
  const [a] = knownWords(v, aText, EXAMPLE);
  const [b] = knownWords(v, bText, EXAMPLE);
  if (!a || !b || splitCount(aText) > 1 || splitCount(bText) > 1) throw new UserError('a and b take one word each.', EXAMPLE);
  const s = v.similarity(a, b)!;
  const rankB = v.nearest(v.vector(a)!, 1000, new Set([a])).findIndex((n) => n.word === b);
  const rankNote = rankB >= 0 ? ` **${userText(b)}** is number ${rankB + 1} among **${userText(a)}**'s nearest words.` : '';
  return {
    title: titleText(`${a} vs ${b}`),
    text: `Cosine similarity **${fmtScore(s)}** — ${describeCosine(s)}.${rankNote}\nCosine is the angle between the two word vectors: 1 means the same direction, 0 means unrelated, negative means opposite directions (rare in word2vec).`,
  };
}

const splitCount = (t: string) => t.split(/[\s,+]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export const similarity = defineCommand({
  name: 'similarity',
  worker: true,
  description: 'How similar two words are in our word2vec space (cosine)',
  examples: ['/similarity a:cat b:dog', '/similarity a:good b:bad', '/similarity a:king b:cabbage'],
  options: [
    { name: 'a', type: 'string', description: 'first word', required: true, maxLength: 60 },
    { name: 'b', type: 'string', description: 'second word', required: true, maxLength: 60 },
  ],
  handler(req) {
    return similarityReply(String(req.options.a), String(req.options.b));
  },
});
