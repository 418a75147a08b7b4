// The embedding commands on the shipped vectors (models/word2vec), and /tokenize.
import { describe, expect, it } from 'vitest';
import { analogy } from '../../commands/analogy.ts';
import { neighbors } from '../../commands/neighbors.ts';
import { similarity } from '../../commands/similarity.ts';
import { tokenizeCommand } from '../../commands/tokenize.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { decode } from '../render/png.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([neighbors, analogy, similarity, tokenizeCommand]);
const run = (line: string) => dispatchLine(registry, line, ctx);
const listed = (text: string) => [...text.matchAll(/^\d+\. \*\*([^*]+)\*\* (-?[\d.]+)$/gm)].map((m) => ({ word: m[1]!, score: Number(m[2]) }));

describe('/neighbors', () => {
  it('lists 10 neighbours with descending cosine scores and one scatter PNG', async () => {
    const out = await run('/neighbors word:king');
    expect(out.status).toBe('ok');
    const ns = listed(out.reply.text);
    expect(ns).toHaveLength(10);
    expect(ns.map((n) => n.word)).toContain('queen');
    ns.slice(1).forEach((n, i) => expect(n.score).toBeLessThanOrEqual(ns[i]!.score));
    expect(out.reply.images).toHaveLength(1);
    expect(decode(out.reply.images![0]!.data).width).toBe(640);
  });

  it('puts weekdays nearest to monday', async () => {
    const ns = listed((await run('/neighbors word:Monday k:5')).reply.text).map((n) => n.word);
    const weekdays = ['tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    expect(ns.filter((w) => weekdays.includes(w)).length).toBeGreaterThanOrEqual(3);
  });

  it('uses the mean vector for several words and says so', async () => {
    const out = await run('/neighbors word:paris france k:3');
    expect(out.reply.text).toContain('**mean**');
    expect(listed(out.reply.text)).toHaveLength(3);
  });

  it('answers an unknown word with the nearest spellings, never a crash', async () => {
    const out = await run('/neighbors word:kingg');
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toContain('`kingg`');
    expect(out.reply.text).toContain('`king`');
    const none = await run('/neighbors word:qqqqxqqqq');
    expect(none.status).toBe('user-error');
    expect(none.reply.text).toContain('nothing close in spelling');
  });

  it('rejects k outside 1–25 before the handler runs', async () => {
    expect((await run('/neighbors word:king k:40')).status).toBe('user-error');
  });
});

describe('/analogy and /similarity', () => {
  it('man : king :: woman : ? has queen in the top 5, query words excluded', async () => {
    const out = await run('/analogy a:Man b:king c:woman');
    const top = listed(out.reply.text).map((n) => n.word);
    expect(top).toHaveLength(5);
    expect(top).toContain('queen');
    expect(top).not.toContain('king');
    expect(out.reply.images).toHaveLength(1);
  });

  it('explains a cosine and ranks b among a\'s neighbours', async () => {
    const out = await run('/similarity a:good b:bad');
    expect(out.reply.text).toMatch(/Cosine similarity \*\*0\.\d{3}\*\*/);
    expect(out.reply.text).toMatch(/number \d+ among/);
  });

  it('rejects several words in one slot', async () => {
    const out = await run('/analogy a:man b:king c:old woman');
    expect(out.status).toBe('user-error');
  });
});

describe('/tokenize', () => {
  it('rejects Object.prototype members as encodings, and charts text with NUL in it (two fuzz repros)', async () => {
    const proto = await run('/tokenize text:hi encoding:__proto__');
    expect(proto.status).toBe('user-error');
    expect(proto.reply.text).toContain('is not a valid `encoding`');
    const nul = await run('/tokenize text:a\u0000b');
    expect(nul.status).toBe('ok');
    expect(nul.reply.images).toHaveLength(1);
  });

  it('shows tokens with visible spaces, their ids and the token vs word count', async () => {
    const out = await run('/tokenize text:Hello world');
    expect(out.reply.text).toContain('`Hello` 13225');
    expect(out.reply.text).toContain('`·world` 2375');
    expect(out.reply.text).toContain('**2 tokens** for **2 words**');
    expect(out.reply.text).toContain('sub-words');
    expect(out.reply.images).toHaveLength(1);
  });

  it('splits a rare word into sub-word pieces and differs by encoding', async () => {
    const o = await run('/tokenize text:Tokenization');
    expect(o.reply.text).toContain('`Token` 4421');
    expect(o.reply.text).toContain('`ization` 2860');
    const c = await run('/tokenize text:Tokenization encoding:cl100k_base');
    expect(c.reply.title).toContain('cl100k_base');
  });

  it('groups the byte tokens of one character', async () => {
    const out = await run('/tokenize text:🦜');
    expect(out.status).toBe('ok');
    expect(out.reply.text).toMatch(/`🦜` \d+(\+\d+)*/);
  });
});
