import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/nn/word2vec/config.ts';
import { noiseSlot } from '../../../src/nn/word2vec/kernel.ts';
import { Rng } from '../../../src/nn/word2vec/rng.ts';
import { buildNoiseTable, buildSigmoidTable, keepProbabilities, sigmoidLookup } from '../../../src/nn/word2vec/tables.ts';

describe('noise table', () => {
  it('gives each word a share of slots proportional to count^0.75', () => {
    const counts = [1000, 100, 10, 1];
    const size = 1_000_000;
    const table = buildNoiseTable(counts, 0.75, size);
    const z = counts.reduce((a, c) => a + c ** 0.75, 0);
    for (let w = 0; w < counts.length; w++) {
      const share = table.filter((x) => x === w).length / size;
      expect(share).toBeCloseTo(counts[w]! ** 0.75 / z, 3);
    }
  });

  it('flattens the unigram distribution: rare words are drawn more often than their frequency', () => {
    const table = buildNoiseTable([1000, 1], 0.75, 100_000);
    const rareShare = table.filter((x) => x === 1).length / table.length;
    expect(rareShare).toBeGreaterThan(1 / 1001);
    expect(rareShare).toBeCloseTo(1 / (1 + 1000 ** 0.75), 3);
  });
});

describe('noise distribution defaults', () => {
  // CBOW uses fastText's count^0.5 (it closed our CBOW quality gap to fastText on Brown),
  // skip-gram word2vec.c's count^0.75: a word 100× as frequent gets 10× or 31.6× the noise share.
  for (const [arch, ratio] of [['cbow', 10], ['skipgram', 100 ** 0.75]] as const) {
    it(`${arch}: a 100× more frequent word is drawn ${ratio.toFixed(1)}× as often`, () => {
      const table = buildNoiseTable([100, 1], defaultConfig({ arch }).noisePower, 1_000_000);
      const frequent = table.filter((x) => x === 0).length;
      expect(frequent / (table.length - frequent)).toBeCloseTo(ratio, 0);
    });
  }
});

describe('sampler', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws noise words from the table with the table\'s frequencies', () => {
    const counts = [50, 30, 20];
    const table = buildNoiseTable(counts, 0.75, 100_000);
    const rng = new Rng(3);
    const hits = [0, 0, 0];
    const n = 200_000;
    const scale = table.length / 2 ** 32;
    for (let i = 0; i < n; i++) hits[table[noiseSlot(rng.next(), scale)]!]!++; // the kernel's draw
    const z = counts.reduce((a, c) => a + c ** 0.75, 0);
    hits.forEach((h, w) => expect(h / n).toBeCloseTo(counts[w]! ** 0.75 / z, 2));
  });

  it('reaches the end of a full-size (10^7-slot) table as often as its start', () => {
    // Word 1 fills the last 20% of the slots; a biased draw (24 random bits modulo 10^7) gave it 11.9%.
    const table = buildNoiseTable([4, 1], 1, defaultConfig().noiseTableSize);
    const scale = table.length / 2 ** 32;
    const rng = new Rng(11);
    let rare = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) if (table[noiseSlot(rng.next(), scale)] === 1) rare++;
    expect(rare / n).toBeCloseTo(0.2, 2);
  });
});

describe('sub-sampling', () => {
  it('follows word2vec.c: keep = (sqrt(c/(sT)) + 1) · sT/c', () => {
    const T = 1_000_000, s = 1e-3; // sT = 1000
    const keep = keepProbabilities([100_000, 4_000, 1_000, 10], s, T);
    expect(keep[0]).toBeCloseTo((Math.sqrt(100) + 1) / 100, 6); // 0.11: "the" loses 89%
    expect(keep[1]).toBeCloseTo((2 + 1) / 4, 6); // 0.75
    expect(keep[2]).toBeCloseTo(2, 6); // ≥ 1: always kept
    expect(keep[3]).toBeGreaterThan(1);
  });

  it('keeps a frequent word at that rate when compared with the kernel\'s 16-bit uniform draw', () => {
    const [p] = keepProbabilities([100_000], 1e-3, 1_000_000);
    const rng = new Rng(11);
    let kept = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (!(p! < (rng.next() & 0xffff) / 65536)) kept++;
    expect(kept / n).toBeCloseTo(p!, 2);
  });

  it('is off when sample is 0', () => {
    expect([...keepProbabilities([5, 5000], 0, 5005)]).toEqual([1, 1]);
  });
});

describe('sigmoid table', () => {
  it('approximates the logistic function within the table step and clips at ±6', () => {
    const t = buildSigmoidTable();
    for (const x of [-5.9, -1, 0, 0.5, 3, 5.99]) expect(Math.abs(sigmoidLookup(t, x) - 1 / (1 + Math.exp(-x)))).toBeLessThan(0.004);
    expect(sigmoidLookup(t, 7)).toBe(1);
    expect(sigmoidLookup(t, -7)).toBe(0);
  });
});
