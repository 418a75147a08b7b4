import { describe, expect, it } from 'vitest';
import { dot, gradientFactor, positionalEncoding, positionalEncodingRow, sci, seededRandom, softmax, weightedSum } from '../../src/explain/math.ts';

describe('demo math', () => {
  it('softmax gives e^s / Σ e^s and sums to 1', () => {
    const p = softmax([1, 2, 3]);
    const z = Math.E + Math.E ** 2 + Math.E ** 3;
    expect(p[0]).toBeCloseTo(Math.E / z, 12);
    expect(p[2]).toBeCloseTo(Math.E ** 3 / z, 12);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });

  it('dot product and weighted sum', () => {
    expect(dot([1, 2], [3, -4])).toBe(-5);
    expect(weightedSum([0.25, 0.75], [[4, 0], [0, 4]])).toEqual([1, 3]);
  });

  it('positional encoding follows sin(pos/10000^(2k/d)) and cos for odd dims', () => {
    expect(positionalEncoding(0, 0, 8)).toBe(0);
    expect(positionalEncoding(0, 1, 8)).toBe(1);
    expect(positionalEncoding(3, 0, 8)).toBeCloseTo(Math.sin(3), 12);
    expect(positionalEncoding(3, 1, 8)).toBeCloseTo(Math.cos(3), 12);
    expect(positionalEncoding(5, 4, 8)).toBeCloseTo(Math.sin(5 / 10000 ** (4 / 8)), 12);
    expect(positionalEncoding(5, 5, 8)).toBeCloseTo(Math.cos(5 / 10000 ** (4 / 8)), 12);
    expect(positionalEncodingRow(2, 4)).toHaveLength(4);
  });

  it('gradient factor is w^n exactly', () => {
    expect(gradientFactor(2, 10)).toBe(1024);
    expect(gradientFactor(0.5, 10)).toBe(1 / 1024);
    expect(sci(1024)).toBe('1,024');
    expect(sci(0.5 ** 20)).toBe('9.5e-7');
  });

  it('seeded random is deterministic and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
