// /tokenize text:<text> [encoding:o200k_base|cl100k_base] — how a GPT tokenizer cuts text.
import { defineCommand } from '../src/core/command.ts';
import { inlineCode, type Reply } from '../src/core/reply.ts';
import { countWords, ENCODINGS, tokenize, type Encoding } from '../src/nn/word2vec/tokenize.ts';
import { renderTokenStrip, showWhitespace } from '../src/render/index.ts';

const MAX_LISTED = 60;

export async function tokenizeReply(text: string, encoding: Encoding = 'o200k_base'): Promise<Reply> {
  const { ids, pieces } = await tokenize(text, encoding);
  const words = countWords(text);
  const shown = pieces.slice(0, MAX_LISTED);
  const list = shown.map((p) => `${inlineCode(showWhitespace(p.text))} ${p.ids.join('+')}`).join('  ');
  const more = pieces.length > MAX_LISTED ? `\n…and ${pieces.length - MAX_LISTED} more (all in the picture).` : '';
  const multi = pieces.some((p) => p.ids.length > 1)
    ? '\nA box with several ids is one character the tokenizer stores as several byte tokens.'
    : '';
  return {
    title: `${ids.length} tokens, ${words} words (${encoding})`,
    text:
      `${list}${more}\n` +
      `**${ids.length} tokens** for **${words} words** (${(ids.length / Math.max(1, words)).toFixed(2)} tokens a word) with ${encoding}, the tokenizer of ${ENCODINGS[encoding].models}. ` +
      `· marks a space, ⏎ a line break: a leading space belongs to the token after it.${multi}\n` +
      `Why sub-words: our toy models use a fixed word list, so an unknown word is simply lost. ` +
      `A GPT tokenizer starts from bytes and merges frequent pairs (byte-pair encoding), so common words are one token, ` +
      `rare ones split into familiar pieces, and *any* text — typos, code, emoji — can be written with a vocabulary of ${encoding === 'o200k_base' ? '~200k' : '~100k'} tokens.`,
    images: [renderTokenStrip({ tokens: pieces.map((p) => ({ text: p.text, id: p.ids[0]! })), title: `${ids.length} tokens (${encoding})` })],
  };
}

export const tokenizeCommand = defineCommand({
  name: 'tokenize',
  description: 'See how a GPT tokenizer cuts text into tokens (o200k_base or cl100k_base)',
  examples: ['/tokenize text:Tokenization splits unbelievable words', '/tokenize text:naïve café 🙂 encoding:cl100k_base'],
  options: [
    { name: 'text', type: 'string', description: 'the text to tokenize', required: true },
    {
      name: 'encoding',
      type: 'string',
      description: 'o200k_base (GPT-4o, default) or cl100k_base (GPT-4)',
      choices: [
        { name: 'o200k_base', value: 'o200k_base' },
        { name: 'cl100k_base', value: 'cl100k_base' },
      ],
      aliases: { o200k: 'o200k_base', cl100k: 'cl100k_base', 'gpt-4o': 'o200k_base', 'gpt-4': 'cl100k_base' },
    },
  ],
  handler(req) {
    return tokenizeReply(String(req.options.text), (req.options.encoding as Encoding | undefined) ?? 'o200k_base');
  },
});
