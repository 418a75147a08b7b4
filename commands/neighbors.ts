// /neighbors word:<w> [k:1-25] — the nearest words by cosine similarity, with a PCA scatter.
import { defineCommand } from '../src/core/command.ts';
import { inlineCode, titleText, userText } from '../src/core/escape.ts';
import type { Reply } from '../src/core/reply.ts';
import { shippedVectors } from '../src/nn/word2vec/index.ts';
import { farWords, neighboursScatter } from '../src/nn/word2vec/views.ts';
import { renderScatter } from '../src/render/index.ts';
import { fmtScore, knownWords } from './word2vec-common.ts';

const EXAMPLE = '/neighbors word:king';

/** The reply without the chart is what the p95 < 5 ms target measures. */
export function neighborsReply(text: string, k: number, chart = true): Reply {
  const v = shippedVectors();
  const words = knownWords(v, text, EXAMPLE);
  const query = v.mean(words);
  const found = v.nearest(query, k, new Set(words));
  const list = found.map((n, i) => `${i + 1}. **${userText(n.word)}** ${fmtScore(n.score)}`).join('\n');
  const multi = words.length > 1
    ? `These are the neighbours of the **mean** of ${words.map((w) => inlineCode(w)).join(' + ')} (each word's vector averaged), so they lean towards what the words share.\n`
    : '';
  const reply: Reply = {
    title: titleText(`Nearest words to ${words.join(' + ')}`),
    text:
      multi +
      `${list}\n` +
      `Scores are cosine similarities (1 = same direction, 0 = unrelated) over ${v.size.toLocaleString('en')} words. ` +
      `Words land near each other when they appear in similar contexts — which groups synonyms, but also opposites like *good* and *bad*.`,
  };
  if (chart) {
    // No far-away contrast words on the map: PCA would spend its width on them and squeeze the
    // neighbours, whose labels then collide. They are named in the text instead.
    const far = farWords(v, query, 3, new Set([...words, ...found.map((n) => n.word)]));
    reply.text += ` For contrast, far from it: ${far.map((w) => `*${w}*`).join(', ')}.`;
    reply.images = [renderScatter(neighboursScatter(v, words, query, found, []))];
  }
  return reply;
}

export const neighbors = defineCommand({
  name: 'neighbors',
  worker: true,
  description: 'Nearest words in our word2vec space, with a 2-D map (PCA)',
  examples: ['/neighbors word:king', '/neighbors word:monday k:5', '/neighbors word:paris france'],
  options: [
    { name: 'word', type: 'string', description: 'a word, or several for the neighbours of their mean', required: true, maxLength: 200 },
    { name: 'k', type: 'integer', description: 'how many neighbours, 1–25 (default 10)', min: 1, max: 25 },
  ],
  handler(req) {
    return neighborsReply(String(req.options.word), Number(req.options.k ?? 10));
  },
});
