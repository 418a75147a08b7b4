import { describe, expect, it } from 'vitest';
import { DEFAULT_MINUTES, DEFAULT_THREADS, KIND_WEIGHTS, MAX_MINUTES, WORD_MODEL_DIR, parseOptions, stageArgs } from '../../scripts/translate/train-default.ts';

const value = (args: string[], name: string) => args[args.indexOf(`--${name}`) + 1];

describe('npm run train:translate-default', () => {
  it('defaults to the shipped transformer under a 115-minute budget', () => {
    expect(parseOptions([])).toEqual({ minutes: DEFAULT_MINUTES, seed: 1, out: 'models/translate/transformer', warmFraction: 0.1, weights: KIND_WEIGHTS, threads: DEFAULT_THREADS });
    expect(DEFAULT_THREADS).toBeGreaterThanOrEqual(1);
    expect(parseOptions(['--threads', '1'])).toMatchObject({ threads: 1 });
    expect(parseOptions(['--weight', 'study=2,gold=1.5'])).toMatchObject({ weights: 'study=2,gold=1.5' });
    expect(DEFAULT_MINUTES).toBeLessThanOrEqual(MAX_MINUTES);
  });

  it('refuses a budget over the 2-hour cap and other bad values with a message', () => {
    for (const argv of [['--minutes', '121'], ['--minutes', '0'], ['--minutes', 'soon'], ['--seed', '1.5'], ['--warm-fraction', '0.9'], ['--out'], ['--minutes', '--seed', '2'], ['--minuts', '90'], ['--weight', 'study'], ['--weight', 'study=lots'], ['--threads', '0'], ['--threads', '1.5'], ['--threads', 'all']]) {
      const o = parseOptions(argv);
      expect(o).toHaveProperty('error');
      expect((o as { error: string }).error).toMatch(/^--/);
    }
    expect(parseOptions(['--minutes', '120'])).toMatchObject({ minutes: 120 });
  });

  it('spends the warm-start share of the budget on the word-level model, then trains the wild stage from it until the deadline', () => {
    const { a, b } = stageArgs({ minutes: 110, seed: 3, out: 'data/translate/candidate/transformer', warmFraction: 0.1, weights: KIND_WEIGHTS, threads: 2 });
    expect(value(a, 'minutes')).toBe('11');
    expect(value(a, 'out')).toBe(WORD_MODEL_DIR);
    expect(a).not.toContain('--data');
    const bArgs = b(1_800_000_000_000);
    expect(value(bArgs, 'deadline')).toBe('1800000000000');
    expect(value(bArgs, 'init')).toBe(WORD_MODEL_DIR);
    expect(value(bArgs, 'data')).toBe('wild');
    expect(value(bArgs, 'weight')).toBe(KIND_WEIGHTS);
    expect(value(bArgs, 'out')).toBe('data/translate/candidate/transformer');
    expect(bArgs).not.toContain('--minutes'); // the deadline alone ends it, so loading the data counts too
    for (const args of [a, bArgs]) {
      expect(value(args, 'seed')).toBe('3');
      expect(value(args, 'threads')).toBe('2'); // both stages data-parallel
    }
  });
});
