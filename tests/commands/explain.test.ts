import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainStyle } from '../../src/adapters/console/format.ts';
import { ConsoleSession } from '../../src/adapters/console/session.ts';
import { personalRunner } from '../../src/adapters/start.ts';
import { explain } from '../../commands/explain.ts';
import { predict } from '../../commands/predict.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { autocomplete, dispatchButton, dispatchLine } from '../../src/core/dispatch.ts';
import { LIMITS } from '../../src/core/reply.ts';
import { Registry } from '../../src/core/registry.ts';
import { SHOWCASE_WORDS, shippedVectorsPresent } from '../../src/explain/shipped-neighbours.ts';
import { QUICK_TEXT_LIMIT, TOPIC_IDS } from '../../src/explain/types.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([explain, predict]);
const run = (line: string) => dispatchLine(registry, line, ctx);
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
// The topic renders go through the console adapter, as a member would see them.
const outDir = mkdtempSync(path.join(tmpdir(), 'nn-tutor-explain-'));
const session = new ConsoleSession({ runner: personalRunner(registry), outDir, style: plainStyle, print: () => undefined });
const viaConsole = async (line: string) => (await session.run(line)).outcome;

describe('/explain', () => {
  it('lists every topic with one line each when no topic is given', async () => {
    const out = await run('/explain');
    expect(out.status).toBe('ok');
    for (const id of TOPIC_IDS) expect(out.reply.text).toContain(`\`${id}\``);
  });

  for (const id of TOPIC_IDS) {
    it(`renders ${id} quick within one message, its diagram first and one chart`, async () => {
      const r = await session.run(`/explain topic:${id}`);
      const out = r.outcome;
      expect(out.status).toBe('ok');
      for (const img of r.json.images ?? []) expect(isPng(readFileSync(img.path))).toBe(true);
      expect(out.reply.text.length).toBeLessThanOrEqual(QUICK_TEXT_LIMIT);
      expect(out.reply.fields ?? []).toHaveLength(0);
      const images = out.reply.images ?? [];
      expect(images.length).toBe(id === 'alice-tn' ? 0 : 2);
      for (const img of images) expect(isPng(img.data)).toBe(true);
    });
    it(`renders ${id} deep in sections within platform limits`, async () => {
      const out = await viaConsole(`/explain topic:${id} depth:deep`);
      expect(out.status).toBe('ok');
      const fields = out.reply.fields ?? [];
      expect(fields.length).toBeGreaterThanOrEqual(2);
      expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
      for (const f of fields) {
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      // Discord's embed total is 6,000 characters
      const total = (out.reply.title ?? '').length + out.reply.text.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(6000);
    });
  }

  it('rejects Object.prototype members as topics (repro: /explain topic:constructor crashed)', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const out = await run(`/explain topic:${name}`);
      expect(out.status, name).toBe('user-error');
      expect(out.reply.text).toContain('is not a valid `topic`');
    }
  });

  it('accepts aliases and suggests the right topic for typos', async () => {
    expect((await run('/explain topic:embeddings')).reply.title).toBe((await run('/explain topic:word2vec')).reply.title);
    expect((await run('/explain topic:Word-Embedding')).status).toBe('ok');
    const typo = await run('/explain topic:atention');
    expect(typo.status).toBe('user-error');
    expect(typo.reply.text).toContain('Did you mean `attention`');
  });

  it('autocompletes topics from ids, titles and aliases', () => {
    expect(autocomplete(registry, 'explain', undefined, 'topic', 'emb').map((c) => c.value)).toEqual(['word2vec']);
    expect(autocomplete(registry, 'explain', undefined, 'topic', 'att').map((c) => c.value)).toContain('attention');
    expect(autocomplete(registry, 'explain', undefined, 'topic', '')).toHaveLength(TOPIC_IDS.length);
  });

  it('rnn: the text states 2^days and 0.5^days for the requested days', async () => {
    const out = await run('/explain topic:rnn days:12');
    expect(out.reply.text).toContain('2^12 = **4,096**');
    expect(out.reply.text).toContain(`0.5^12 = **${(0.5 ** 12).toExponential(1)}**`);
  });

  it('answers alice-tn honestly and points to attention', async () => {
    const out = await run('/explain topic:alice-tn');
    expect(out.reply.text).toContain('not a standard term');
    expect(out.reply.text).toContain('Bahdanau');
    expect(out.reply.text).toContain('/explain attention');
  });

  it('shows nearest neighbours only from our shipped vectors, and never fakes them', async () => {
    const text = (await run('/explain topic:word2vec')).reply.text;
    if (!shippedVectorsPresent()) {
      expect(text).toContain('/neighbors will show them');
      return;
    }
    const mod = (await import('../../src/nn/word2vec/' + 'index.ts')) as { shippedVectors(): { neighbours(w: string[], k: number): { word: string; score: number }[] } };
    for (const w of SHOWCASE_WORDS) {
      const expected = mod.shippedVectors().neighbours([w], 3).map((n) => `${n.word} (${n.score.toFixed(2)})`).join(', ');
      expect(text).toContain(`*${w}* → ${expected}`);
    }
  });

  it('never fakes a translation', async () => {
    const joined = (await run('/explain topic:seq2seq depth:deep')).reply.fields!.map((f) => f.value).join(' ');
    const { realRun } = await import('../../src/explain/shipped-translation.ts');
    const real = await realRun('seq2seq');
    // without shipped models it says so; with them it shows exactly what the model outputs
    if (!real) expect(joined).toContain('does not invent its output');
    else expect(joined).toContain(`"${real.english}" → **${real.text}**`);
  });

  it('rejects bad lstm values with an example, and explains scaling', async () => {
    const bad = await run('/explain topic:lstm values:1,x,3');
    expect(bad.status).toBe('user-error');
    expect(bad.reply.text).toContain('`x` is not a number');
    const scaled = await run('/explain topic:lstm values:10,20,15');
    expect(scaled.reply.text).toContain('min–max scaled');
  });
});

describe('/explain step-through', () => {
  it('posts lstm day 1 with Back disabled and Next carrying the whole state', async () => {
    const out = await run('/explain topic:lstm step:true');
    expect(out.reply.title).toBe('LSTM step-through: day 1 of 4');
    const [back, next] = out.reply.buttons!;
    expect(back!.disabled).toBe(true);
    expect(next!.id).toBe('explain:s:lstm:2:1,0.5,0.25,1');
    for (const b of out.reply.buttons!) expect(b.id.length).toBeLessThanOrEqual(LIMITS.buttonId);
    expect(out.reply.images).toHaveLength(2);
    expect(out.reply.images![0]!.filename).toBe('lstm-cell.png');
  });

  it('Next edits the message to the next step, up to the last, then Next is disabled', async () => {
    let id = 'explain:s:lstm:2:1,0.5,0.25,1';
    for (let day = 2; day <= 4; day++) {
      const out = await dispatchButton(registry, id, ctx);
      expect(out.status).toBe('ok');
      expect(out.reply.mode).toBe('update');
      expect(out.reply.title).toBe(`LSTM step-through: day ${day} of 4`);
      id = out.reply.buttons![1]!.id;
      if (day === 4) {
        expect(out.reply.buttons![1]!.disabled).toBe(true);
        expect(out.reply.text).toContain('the prediction is the final short-term memory');
      }
    }
  });

  it('steps through attention: similarities → softmax → weighted sum per decoder step', async () => {
    const first = await run('/explain topic:attention step:true');
    expect(first.reply.title).toContain('1 of 6, Similarities');
    const second = await dispatchButton(registry, first.reply.buttons![1]!.id, ctx);
    expect(second.reply.title).toContain('2 of 6, Softmax');
    const third = await dispatchButton(registry, second.reply.buttons![1]!.id, ctx);
    expect(third.reply.title).toContain('3 of 6, Weighted sum');
    const back = await dispatchButton(registry, third.reply.buttons![0]!.id, ctx);
    expect(back.reply.title).toBe(second.reply.title);
  });

  it('answers forged or out-of-range ids with a friendly message', async () => {
    // Repro: ids ending in an Object.prototype member (":constructor") crashed the handler.
    for (const id of ['explain:s:attention:1:constructor', 'explain:s:attention:2:__proto__', 'explain:s:attention:1:toString', 'explain:s:lstm:9:1,0.5,0.25,1', 'explain:s:lstm:0:1,0.5', 'explain:s:lstm:1:1,abc', 'explain:s:lstm:1:5,6', 'explain:s:attention:1:eat cake', 'explain:s:rnn:1:x', 'explain:hello']) {
      const out = await dispatchButton(registry, id, ctx);
      expect(out.status).toBe('ok');
      expect(out.reply.text).toContain('out of date or not one of mine');
      expect(out.reply.ephemeral).toBe(true);
    }
  });

  it('offers the buttons as numbered choices in the console', async () => {
    const first = await session.run('/explain topic:lstm step:true');
    expect(first.text).toContain('[2] Next ▶');
    const second = await session.run('2');
    expect(second.outcome.reply.title).toBe('LSTM step-through: day 2 of 4');
  });

  it('says which topics can be stepped through', async () => {
    const out = await run('/explain topic:rnn step:true');
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toContain('`lstm` and `attention`');
  });
});

describe('/explain topic:lstm values', () => {
  it('keeps the quick page within one message for the longest accepted input', async () => {
    const out = await run(`/explain topic:lstm values:${Array.from({ length: 10 }, (_, i) => (i % 3) / 2).join(',')}`);
    expect(out.status).toBe('ok');
    expect(out.reply.text.length).toBeLessThanOrEqual(QUICK_TEXT_LIMIT);
    const tooMany = await run(`/explain topic:lstm values:${Array.from({ length: 11 }, () => 0.5).join(',')}`);
    expect(tooMany.status).toBe('user-error');
    expect(tooMany.reply.text).toContain('give 2 to 10');
  });
});
