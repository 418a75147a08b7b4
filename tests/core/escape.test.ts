import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineCode, neutraliseMentions, titleText, userText } from '../../src/core/escape.ts';

const ZWSP = '\u200b';

describe('inlineCode', () => {
  it('cannot be broken out of by backticks', () => {
    // The fuzz finding's repro: /help command:x`@everyone` closed the span and put the mention outside.
    const quoted = inlineCode('x`@everyone`');
    expect(quoted).toBe(`\`xˋ@${ZWSP}everyoneˋ\``);
    expect(quoted.match(/`/g)).toHaveLength(2);
    expect(inlineCode('```js')).toBe('`ˋˋˋjs`');
  });
  it('neutralises Discord and Slack mention syntax', () => {
    for (const m of ['@everyone', '@here', '<@123456789012345678>', '<@!1>', '<@&2>', '<#3>', '<!channel>', '<!here>']) {
      expect(inlineCode(m)).not.toMatch(/@(everyone|here)|<[@#!]/);
    }
  });
  it('keeps one line and cuts at max code points without splitting an emoji', () => {
    expect(inlineCode('a\nb\r\nc\u2028d')).toBe('`a b  c d`');
    expect(inlineCode('🙂'.repeat(10), { max: 4 })).toBe('`🙂🙂🙂…`');
    expect(inlineCode('')).toBe(`\`${ZWSP}\``); // `` would not be a code span
  });
  it('is safe in .map with a wrapper (the index is not an option bag)', () => {
    expect(['a`', 'b'].map((w) => inlineCode(w)).join(' ')).toBe('`aˋ` `b`');
  });
});

describe('userText, titleText, escapeMarkdown', () => {
  it('escape markup and mentions in running text', () => {
    expect(userText('**bold** @here\n# heading')).toBe(`\\*\\*bold\\*\\* @${ZWSP}here # heading`);
    expect(escapeMarkdown('a\u0000b `c`')).toBe('ab \\`c\\`');
    expect(titleText('words starting with @everyone\nx')).toBe(`words starting with @${ZWSP}everyone x`);
  });
  it('leave ordinary text alone', () => {
    expect(neutraliseMentions('mail me at a@b.c, 2 < 3')).toBe('mail me at a@b.c, 2 < 3');
    expect(userText("let's go")).toBe("let's go");
  });
});
