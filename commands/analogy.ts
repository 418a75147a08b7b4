// /analogy a:<man> b:<king> c:<woman> — "a is to b as c is to ?" by 3CosAdd, with the offsets drawn.
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { titleText, userText } from '../src/core/escape.ts';
import type { Reply } from '../src/core/reply.ts';
import { shippedMetadata, shippedVectors } from '../src/nn/word2vec/index.ts';
import { analogyScatter } from '../src/nn/word2vec/views.ts';
import { renderScatter } from '../src/render/index.ts';
import { fmtScore, knownWords } from './word2vec-common.ts';

const EXAMPLE = '/analogy a:man b:king c:woman';

function oneWord(text: string): string {
  const v = shippedVectors();
  const words = knownWords(v, text, EXAMPLE);
  if (words.length !== 1) throw new UserError(`Each of a, b and c takes one word; got ${words.length} in one of them.`, EXAMPLE);
  return words[0]!;
}

export function analogyReply(aText: string, bText: string, cText: string, chart = true): Reply {
  const v = shippedVectors();
  const [a, b, c] = [oneWord(aText), oneWord(bText), oneWord(cText)];
  const answers = v.analogy(a, b, c, 5);
  const list = answers.map((n, i) => `${i + 1}. **${userText(n.word)}** ${fmtScore(n.score)}`).join('\n');
  return {
    title: titleText(`${a} is to ${b} as ${c} is to …`),
    text:
      `${list}\n` +
      `How: take the vector of **${userText(b)}**, subtract **${userText(a)}**, add **${userText(c)}** (3CosAdd), and list the words closest to the result by cosine; ` +
      `the three query words are left out. If the offset ${a} → ${b} means something (like "male → royal male"), the same offset from ${c} lands near the answer. ` +
      accuracyNote(),
    images: chart ? [renderScatter(analogyScatter(v, a, b, c, answers))] : undefined,
  };
}

interface AnalogyEval {
  correct: number;
  covered: number;
  total: number;
}

/** The recorded Google-analogy evaluation, when the model card has one with all three counts. */
function analogyEval(): AnalogyEval | undefined {
  const a = (shippedMetadata().evaluation as { analogy?: Partial<AnalogyEval> } | undefined)?.analogy;
  return a && [a.correct, a.covered, a.total].every((n) => typeof n === 'number' && n > 0) ? (a as AnalogyEval) : undefined;
}

/** Accuracy over the questions whose words we know, and what share of ALL questions that is. */
export function accuracyNote(): string {
  const e = analogyEval();
  if (!e) return '';
  const n = (x: number) => x.toLocaleString('en');
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  return (
    `On these vectors the top answer is right for ${pct(e.correct / e.covered)} of the ${n(e.covered)} Google analogy questions whose words are all in our vocabulary ` +
    `(${((100 * e.correct) / e.total).toFixed(1)}% of all ${n(e.total)}; 3CosAdd), so expect misses.`
  );
}

export const analogy = defineCommand({
  name: 'analogy',
  worker: true,
  description: 'a is to b as c is to ? — word-vector arithmetic (3CosAdd)',
  examples: ['/analogy a:man b:king c:woman', '/analogy a:france b:paris c:italy', '/analogy a:big b:bigger c:small'],
  options: [
    { name: 'a', type: 'string', description: 'first word, e.g. man', required: true, maxLength: 60 },
    { name: 'b', type: 'string', description: 'what a becomes, e.g. king', required: true, maxLength: 60 },
    { name: 'c', type: 'string', description: 'the word to transform the same way, e.g. woman', required: true, maxLength: 60 },
  ],
  handler(req) {
    return analogyReply(String(req.options.a), String(req.options.b), String(req.options.c));
  },
});
