import { describe, expect, it } from 'vitest';
import { describeScaling, parseValues, unscale } from '../../src/explain/values.ts';

describe('parseValues', () => {
  it('takes commas, spaces or both', () => {
    const r = parseValues('0, 0.5 0.25,1');
    expect(r.ok && r.values.scaled).toEqual([0, 0.5, 0.25, 1]);
    expect(r.ok && r.values.scaling).toBeUndefined();
  });
  it('min–max scales values outside [0, 1] and maps predictions back', () => {
    const r = parseValues('10 20 15 30');
    if (!r.ok) throw new Error(r.message);
    expect(r.values.scaled).toEqual([0, 0.5, 0.25, 1]);
    expect(unscale(r.values, 0.5)).toBe(20);
    expect(describeScaling(r.values)).toContain('(value − 10) / (30 − 10)');
  });
  it('handles all-equal values outside [0, 1]', () => {
    const r = parseValues('5,5,5');
    if (!r.ok) throw new Error(r.message);
    expect(r.values.scaled).toEqual([0, 0, 0]);
    expect(describeScaling(r.values)).toContain('All values are equal');
  });
  it('rejects non-numbers and wrong counts', () => {
    expect(parseValues('1, two').ok).toBe(false);
    expect(parseValues('0x10, 1').ok).toBe(false);
    expect(parseValues('').ok).toBe(false);
    expect(parseValues('1').ok).toBe(false);
  });
});
