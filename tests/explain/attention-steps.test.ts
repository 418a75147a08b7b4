// Issue 16 §2: /explain attention step:true steps through our TRAINED attention model on the
// user's sentence, up to the word each decoder step picks and the final <EOS>.
import { describe, expect, it } from 'vitest';
import { explain } from '../../commands/explain.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { dispatchButton, dispatchLine } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { modelAvailable } from '../../src/explain/shipped-translation.ts';
import { trainedAttention } from '../../src/explain/attention-trained.ts';

const ctx: RequestContext = { platform: 'test', userId: 'u1', userName: 'Ada', channelId: 'c1' };
const registry = new Registry([explain]);
const shipped = await modelAvailable('attention');

describe.runIf(shipped)('attention step-through on the trained model', () => {
  it('decodes the user\'s sentence: softmax rows sum to 1, weighted sum = Σ weight × encoder output', async () => {
    const d = (await trainedAttention('the cat is on the table'))!;
    expect(d.target).toEqual(['el', 'gato', 'está', 'en', 'la', 'mesa', '<EOS>']);
    for (const s of d.steps) {
      expect(s.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const sum = s.attended.map((_, k) => s.weights.reduce((acc, w, i) => acc + w * s.keys[i]![k]!, 0));
      sum.forEach((v, k) => expect(s.attended[k]!).toBeCloseTo(v, 4));
      const dots = s.keys.map((key) => key.reduce((acc, x, k) => acc + x * s.query[k]!, 0));
      dots.forEach((v, i) => expect(s.scores[i]!).toBeCloseTo(v, 3));
    }
    // "gato" is written while looking at "cat"
    expect(d.steps[1]!.weights[1]!).toBeGreaterThan(0.9);
  }, 30_000);

  it('walks every stage to the chosen word and ends on <EOS>', async () => {
    let out = await dispatchLine(registry, '/explain topic:attention step:true text:the cat is on the table', ctx);
    expect(out.status).toBe('ok');
    expect(out.reply.title).toBe('Attention step-through: 1 of 21, Similarities');
    expect(out.reply.text).toContain('our trained attention model');
    expect(out.reply.text).not.toContain('untrained');
    const texts: string[] = [out.reply.text];
    while (!out.reply.buttons![1]!.disabled && texts.length < 21) {
      out = await dispatchButton(registry, out.reply.buttons![1]!.id, ctx);
      texts.push(out.reply.text);
    }
    expect(texts).toHaveLength(21);
    expect(texts[2]).toMatch(/→ \*\*el\*\* \d+(\.\d)?%/);
    expect(texts[20]).toContain('→ **el gato está en la mesa**');
  }, 60_000);

  it('answers words the model does not know with a friendly message', async () => {
    const out = await dispatchLine(registry, '/explain topic:attention step:true text:the zorblax is here', ctx);
    expect(out.status).toBe('user-error');
    expect(out.reply.text).toContain('does not know "zorblax"');
  }, 30_000);
});
