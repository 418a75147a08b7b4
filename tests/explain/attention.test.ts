import { describe, expect, it } from 'vitest';
import { attentionDemo } from '../../src/explain/attention.ts';
import { selfAttentionDemo } from '../../src/explain/transformer.ts';
import { parameterCounts, TOY_SEQ2SEQ } from '../../src/explain/toy-seq2seq.ts';

describe('attention numbers', () => {
  it('are dot products of encoder outputs with the decoder memory, softmaxed, then a weighted sum', () => {
    const d = attentionDemo();
    expect(d.steps).toHaveLength(2);
    for (const s of d.steps) {
      const scores = s.keys.map((k) => k[0]! * s.query[0]! + k[1]! * s.query[1]!);
      scores.forEach((sc, i) => expect(s.scores[i]).toBeCloseTo(sc, 12));
      const e = scores.map(Math.exp);
      const z = e[0]! + e[1]!;
      expect(s.weights[0]).toBeCloseTo(e[0]! / z, 12);
      expect(s.weights[1]).toBeCloseTo(e[1]! / z, 12);
      expect(s.attended[0]).toBeCloseTo(s.weights[0]! * s.keys[0]![0]! + s.weights[1]! * s.keys[1]![0]!, 12);
    }
    expect(d.steps.map((s) => s.decoderInput)).toEqual(['<EOS>', 'vamos']);
  });

  it('self-attention: q·k/√d → softmax per word → Σ weights·v, plus the residual', () => {
    const s = selfAttentionDemo();
    const d = 2;
    for (let i = 0; i < 2; i++) {
      const raw = [0, 1].map((j) => (s.q[i]![0]! * s.k[j]![0]! + s.q[i]![1]! * s.k[j]![1]!) / Math.sqrt(d));
      const e = raw.map(Math.exp);
      const w = e.map((x) => x / (e[0]! + e[1]!));
      expect(s.weights[i]![0]).toBeCloseTo(w[0]!, 12);
      const out0 = w[0]! * s.v[0]![0]! + w[1]! * s.v[1]![0]!;
      expect(s.out[i]![0]).toBeCloseTo(out0, 12);
      expect(s.residual[i]![0]).toBeCloseTo(out0 + s.x[i]![0]!, 12);
    }
    // position 0 encodes as [sin 0, cos 0], position 1 as [sin 1, cos 1] when d = 2
    expect(s.positions[0]).toEqual([0, 1]);
    expect(s.positions[1]![0]).toBeCloseTo(Math.sin(1), 12);
    expect(s.positions[1]![1]).toBeCloseTo(Math.cos(1), 12);
  });

  it('counts LSTM parameters as 4 gates × cells × (inputs + cells + 1)', () => {
    const c = parameterCounts(TOY_SEQ2SEQ, 4, 4);
    expect(c.encoder).toBe(4 * 2 * (2 + 2 + 1) * 2);
    expect(c.inputEmbedding).toBe(8);
  });
});
