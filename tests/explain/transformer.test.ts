// Issue 16 §2: /explain transformer names the feed-forward network, layer norm and the decoder's
// masked self-attention, with numbers from the shipped transformer (models/translate).
import { describe, expect, it } from 'vitest';
import { transformerTopic } from '../../src/explain/transformer.ts';
import { modelAvailable, transformerLayer } from '../../src/explain/shipped-translation.ts';

const shipped = await modelAvailable('transformer');

describe.runIf(shipped)('/explain transformer with our trained model', () => {
  it('computes layer 1 of the shipped transformer: masked decoder attention is causal, rows sum to 1', async () => {
    const n = (await transformerLayer())!;
    expect(n.dModel).toBe(128);
    expect(n.ff).toBe(256);
    expect(n.target[0]).toBe('<EOS>');
    n.masked.forEach((row, i) => {
      row.forEach((w, j) => (j > i ? expect(w).toBe(0) : expect(w).toBeGreaterThanOrEqual(0)));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
    expect(n.ffHiddenActive).toBeGreaterThan(0);
    expect(n.ffHiddenActive).toBeLessThan(n.ff);
    expect(n.norm1.std).toBeGreaterThan(0);
  }, 30_000);

  it('the quick reply names feed-forward, layer norm and masked self-attention with the model\'s numbers', async () => {
    const n = (await transformerLayer())!;
    const q = await transformerTopic.explain({ depth: 'quick' });
    expect(q.text).toMatch(/Feed-forward network/);
    expect(q.text).toMatch(/layer normalisation/);
    expect(q.text).toMatch(/masked self-attention/);
    expect(q.text).toContain(`${n.ffHiddenActive} of its ${n.ff} ReLU units`);
    expect(q.text).toContain(`spread ${n.norm1.std.toFixed(2)}`);
  }, 30_000);

  it('the deep reply prints the layer numbers and the masked attention table', async () => {
    const n = (await transformerLayer())!;
    const d = await transformerTopic.explain({ depth: 'deep' });
    const text = (d.sections ?? []).map((s) => s.value).join('\n');
    expect(text).toContain(`${n.ffHiddenActive} of ${n.ff} units on`);
    expect(text).toContain('100%   ·'); // <EOS> sees only itself
    for (const s of d.sections ?? []) expect(s.value.length).toBeLessThanOrEqual(1024);
  }, 30_000);
});
