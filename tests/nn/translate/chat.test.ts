import { describe, expect, it } from 'vitest';
import { CHAT_WORDS, normalizeChat } from '../../../src/nn/translate/model/chat.ts';
import { normalizeEnglish } from '../../../src/nn/translate/model/text.ts';

const read = (text: string) => normalizeEnglish(normalizeChat(text).text).tokens;

describe('chat input', () => {
  it('rewrites the chat table: contractions without apostrophes and shorthand', () => {
    const table: [string, string[]][] = [
      ['im tired', ['i', 'am', 'tired']],
      ['i dont know', ['i', 'do', 'not', 'know']],
      ['we cant go', ['we', 'can', 'not', 'go']],
      ['he wont eat', ['he', 'will', 'not', 'eat']],
      ['whats that', ['what', 'is', 'that', '?']],
      ['thats good', ['that', 'is', 'good']],
      ['ill call u', ['i', 'will', 'call', 'you']],
      ['ive got ur book', ['i', 'have', 'got', 'your', 'book']],
      ['it isnt late', ['it', 'is', 'not', 'late']],
      ['she didnt come', ['she', 'did', 'not', 'come']],
      ['pls help me thx', ['please', 'help', 'me', 'thanks']],
      ['plz wait', ['please', 'wait']],
      ['idk', ['i', 'do', 'not', 'know']],
      ['i study bc i want to', ['i', 'study', 'because', 'i', 'want', 'to']],
      ['im busy rn', ['i', 'am', 'busy', 'right', 'now']],
      ['whats the diff between the algos', ['what', 'is', 'the', 'difference', 'between', 'the', 'algorithms', '?']],
      ['hey did u watch the lec vid', ['hi', 'did', 'you', 'watch', 'the', 'lecture', 'video', '?']],
      ['hey guys so what do u think', ['hi', 'guys', 'so', 'what', 'do', 'you', 'think', '?']],
      ['ok i will do it', ['ok', 'i', 'will', 'do', 'it']],
    ];
    for (const [chat, tokens] of table) expect(read(chat), chat).toEqual(tokens);
    for (const [from, to] of Object.entries(CHAT_WORDS)) expect(to, from).not.toBe(from);
  });

  it('leaves words that are Object properties alone', () => {
    expect(normalizeChat('constructor toString __proto__ hasOwnProperty').changes).toEqual([]);
  });

  it('keeps "ill" the adjective after am/feel, and records every rewrite', () => {
    expect(read('i feel ill')).toEqual(['i', 'feel', 'ill']);
    expect(normalizeChat('im sure u r right').changes).toEqual([{ from: 'im', to: "i'm" }, { from: 'u', to: 'you' }, { from: 'r', to: 'are' }]);
  });

  it('reads a question typed without a question mark, lower case, no final punctuation', () => {
    expect(read('do u like pizza')).toEqual(['do', 'you', 'like', 'pizza', '?']);
    expect(read('Where Is The Station')).toEqual(['where', 'is', 'the', 'station', '?']);
    expect(read('i like pizza')).toEqual(['i', 'like', 'pizza']);
  });

  it('sets emoji, URLs, code and mentions aside verbatim, in place', () => {
    const c = normalizeChat('look 😀 at https://example.com/a?b=1 and `x.y()` @ana 👍🏽');
    expect(c.slots).toEqual(['😀', 'https://example.com/a?b=1', '`x.y()`', '@ana', '👍🏽']);
    expect(normalizeEnglish(c.text).tokens).toEqual(['look', 'zzslotazz', 'at', 'zzslotbzz', 'and', 'zzslotczz', 'zzslotdzz', 'zzslotezz']);
  });
});

describe('platform markup and technical terms', () => {
  it('sets Discord and Slack mentions, channels and links aside whole', () => {
    const c = normalizeChat('hey <@123> see <#C1|general> and <https://x.org/a|notes> <!here>');
    expect(c.slots).toEqual(['<@123>', '<#C1|general>', '<https://x.org/a|notes>', '<!here>']);
  });

  it('never corrects a technical term as a typo', () => {
    const correct = (w: string) => ({ relu: 'rely', lstm: 'last', gpu: 'gap' })[w];
    const c = normalizeChat('the relu after the lstm on my gpu', correct);
    expect(c.changes).toEqual([]);
    expect(normalizeChat('teh relu', (w) => (w === 'teh' ? 'the' : undefined)).changes).toEqual([{ from: 'teh', to: 'the' }]);
  });
});

describe('chat noises and shorthand', () => {
  it('keeps laughter as typed (a verbatim slot), and reads tbh/omg/nvm as words', () => {
    const chat = normalizeChat('omg the loss went down lol tbh i expected worse hahaha');
    expect(chat.slots).toEqual(['lol', 'hahaha']);
    expect(chat.text).toContain('oh my god');
    expect(chat.text).toContain('to be honest');
    expect(normalizeChat('the lollipop was hard').slots).toEqual([]);
  });
});

describe('runs of marks', () => {
  it('reads "!!!" and "?!?" as one mark', () => {
    expect(normalizeChat('happy bday anna!!! 🎉').text).toBe('happy birthday anna! zzslotazz');
    expect(normalizeChat('is it due today?!?').text).toBe('is it due today?');
  });
});

describe('an added question mark', () => {
  it('goes before trailing emoji and laughter', () => {
    expect(normalizeChat('is the lstm slow lol 😅').text).toBe('is the lstm slow ? zzslotazz zzslotbzz');
    expect(normalizeChat('where is the room').text).toBe('where is the room ?');
  });

  it('is not added to an order that starts with a negative auxiliary, only to a negative question', () => {
    for (const order of ['dont forget the meeting at 5 😅', 'dont worry', 'cant stop now', "don't touch my notes"]) expect(normalizeChat(order).addedQuestionMark).toBe(false);
    for (const question of ['dont u think its too long', "can't we meet later", 'isnt it due today', 'doesnt that overfit']) expect(normalizeChat(question).addedQuestionMark).toBe(true);
  });
});
