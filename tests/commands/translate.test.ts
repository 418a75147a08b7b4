// /translate and /attention against the shipped models in models/translate.
import { describe, expect, it } from 'vitest';
import { attention } from '../../commands/attention.ts';
import { joinPieces, translate } from '../../commands/translate.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchButton, dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([translate, attention]);
const run = (line: string) => dispatchLine(registry, line, ctx);
const field = (r: Awaited<ReturnType<typeof run>>, name: string) => r.reply.fields?.find((f) => f.name === name)?.value;

describe('/translate', () => {
  it('"Read as" shows subword pieces inside their words', () => {
    expect(joinPieces(['what', "-'", '-s', 'the', 'back', '-prop', '␣', '-ble', '-u', '?'])).toBe("what·'·s the back·prop ble·u ?");
  });

  it("translates let's go as vamos, with a Translation field and one attention PNG", async () => {
    const r = await run("/translate text:let's go");
    expect(r.status).toBe('ok');
    expect(field(r, 'Translation')).toMatch(/^¡?Vamos[.!]$/);
    expect(r.reply.images).toHaveLength(1);
    expect(r.reply.text).toMatch(/toy model/i);
  }, 30_000);

  it('writes questions with ¿…?, corrects a clear typo in "Read as", copies an unknown word in italics', async () => {
    const q = await run('/translate text:Do you like apples?');
    expect(field(q, 'Translation')).toMatch(/^¿.*\?$/);
    // a word-level model (the open-vocabulary transformer has no unknown words)
    const u = await run('/translate text:I eat the appels and xylophones model:attention');
    expect(u.status).toBe('ok');
    expect(u.reply.text).toContain('Read as: `i eat the apples and xylophones` (`appels` → `apples`)');
    expect(field(u, 'Translation')).toContain('_xylophones_'); // copied, marked, not replaced by an invented word
    expect(u.reply.text).toMatch(/Copied as typed: `xylophones`/);
  }, 30_000);

  it('reads Object.prototype member names as words and refuses them as models (fuzz repros)', async () => {
    const word = await run('/translate text:constructor');
    expect(word.status).toBe('ok');
    const model = await run('/translate text:hi model:__proto__');
    expect(model.status).toBe('user-error');
    expect(model.reply.text).toContain('is not a valid `model`');
    expect(model.reply.text).not.toContain('native code');
    const nul = await run('/translate text:hi\u0000 there');
    expect(nul.status).toBe('ok');
    // 100k-line fuzz repro: alt text (a Discord embed description for the 2nd chart) carried "@here"
    const alt = await run('/translate text:x@here compare:yes');
    expect(alt.reply.images!.length).toBeGreaterThan(1);
    for (const img of alt.reply.images!) expect(img.alt).not.toMatch(/@here/);
  }, 30_000);

  it('pages the vocabulary list (repro: vocab:true was 10,483 characters) with Previous/Next buttons', async () => {
    const first = await run('/translate vocab:true');
    expect(first.status).toBe('ok');
    expect(first.reply.text.length).toBeLessThanOrEqual(2000);
    expect(first.reply.text).toMatch(/Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(first.reply.text)![1]);
    const [prev, next] = first.reply.buttons!;
    expect(prev!.disabled).toBe(true);
    expect(next!.id.length).toBeLessThanOrEqual(100);
    const second = await dispatchButton(registry, next!.id, ctx);
    expect(second.reply.text).toContain(`Page 2 of ${pages}`);
    expect(second.reply.mode).toBe('update');
    const last = await run(`/translate vocab:true page:${pages + 5}`);
    expect(last.reply.text).toContain(`Page ${pages} of ${pages}`);
    expect(last.reply.buttons![1]!.disabled).toBe(true);
    // every word appears on exactly one page
    const words = new Set<string>();
    for (let p = 1; p <= pages; p++) {
      const r = await run(`/translate vocab:true page:${p}`);
      for (const line of r.reply.text.split('\n').filter((l) => l.startsWith('**'))) for (const w of line.replace(/^\*\*.\*\* /, '').split(', ')) words.add(w);
    }
    expect(words.size).toBe(Number(/(\d+) of \1 words/.exec(first.reply.text)![1]));
    // a forged page id is a friendly error, and a prefix title never pings
    expect((await dispatchButton(registry, 'translate:vocab:x:constructor', ctx)).status).toBe('user-error');
    const here = await run('/translate vocab:true text:@here');
    expect(here.reply.title).not.toMatch(/@here/);
  }, 60_000);

  it('copies names, numbers, emoji and URLs through verbatim, and reads chat English', async () => {
    const r = await run('/translate text:im going to the beach w Kowalski and 25 friends 🏖️ https://example.com/x');
    const t = field(r, 'Translation')!;
    for (const verbatim of ['Kowalski', '25', '🏖️', 'https://example.com/x']) expect(t).toContain(verbatim);
    expect(r.reply.text).toContain('`im` → `i\'m`');
    expect(t).not.toMatch(/@everyone|<@/);
    const mention = await run('/translate text:i like @everyone');
    // copied as text, with a zero-width space that stops any platform from reading a mention
    expect(field(mention, 'Translation')).toContain('@\u200beveryone');
    expect(field(mention, 'Translation')).not.toMatch(/@everyone/);
  }, 30_000);

  it('never drops a negation (chat and written English, every shipped model)', async () => {
    const { availableModels } = await import('../../src/nn/translate/infer/service.ts');
    const negated = ['i dont like apples', 'she never eats fish', 'we cant go to the park', "I don't have a car.", 'they are not at home', 'there is no milk', 'my brother doesnt want to study today', 'i will never forget you'];
    for (const m of await availableModels()) {
      for (const text of negated) {
        const r = await run(`/translate text:${text} model:${m}`);
        expect(field(r, 'Translation')!.replace(/_/g, ''), `${m}: ${text}`).toMatch(/\b(no|nunca|ni|nadie|nada|tampoco|ningún|ninguna|jamás)\b/i);
      }
    }
  }, 120_000);

  it('compares the shipped models side by side', async () => {
    const { availableModels } = await import('../../src/nn/translate/infer/service.ts');
    const shipped = await availableModels();
    const r = await run('/translate text:I eat bread compare:true');
    const names = (r.reply.fields ?? []).map((f) => f.name);
    const label = { attention: 'LSTM + attention', transformer: 'transformer', seq2seq: 'plain seq2seq (LSTM, no attention)' } as const;
    expect(names).toEqual(['Translation', ...shipped.map((m) => label[m])]);
    expect(r.reply.images?.length).toBe(shipped.filter((m) => m !== 'seq2seq').length);
    // one line on agreement; when they disagree it says why and points to /explain attention
    expect(r.reply.text).toMatch(/All models agree\.|The models disagree: .*`\/explain attention`/);
    const hard = await run('/translate text:the weather is nice today and my sister wants to study with me compare:true');
    if (shipped.length > 1) expect(hard.reply.text).toMatch(/All models agree\.|The models disagree: .*`\/explain attention`/);
  }, 60_000);

  it('answers empty, punctuation-only and overlong input with a clear message', async () => {
    for (const line of ['/translate text:   ', '/translate text:?!', `/translate text:${'go '.repeat(31)}`]) {
      const r = await run(line);
      expect(r.status).not.toBe('ok');
      expect(r.reply.text).toMatch(/sentence|words|punctuation/i);
      expect(r.reply.text).not.toMatch(/at \w+ \(/); // no stack trace
    }
  }, 30_000);

  it('lists the vocabulary, filtered by prefix', async () => {
    const r = await run('/translate vocab:true text:wa');
    expect(r.reply.text).toContain('water');
    expect(r.reply.text).not.toContain('apple');
  }, 30_000);
});

describe('/attention', () => {
  it('charts the transformer encoder self-attention, averaged or one head', async () => {
    const avg = await run('/attention text:my sister likes the pizza because it is delicious');
    expect(avg.status).toBe('ok');
    expect(avg.reply.images).toHaveLength(1);
    expect(avg.reply.text).toMatch(/heads averaged/);
    const one = await run('/attention text:the dog is in the garden layer:1 head:3');
    expect(one.reply.text).toMatch(/encoder layer 1, head 3 of 4/);
  }, 30_000);
});
