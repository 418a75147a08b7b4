import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { percentile, summarize, writeSection } from '../bench/lib.ts';

describe('bench lib', () => {
  it('computes nearest-rank percentiles', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 95)).toBe(95);
    expect(summarize([3, 1, 2])).toMatchObject({ p50: 2, min: 1, max: 3, mean: 2 });
  });
  it('replaces only its own section of RESULTS.md', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'RESULTS.md');
    writeSection('a', 'alpha 1', file);
    writeSection('b', 'beta 1', file);
    writeSection('a', 'alpha 2', file);
    const doc = readFileSync(file, 'utf8');
    expect(doc).toContain('alpha 2');
    expect(doc).not.toContain('alpha 1');
    expect(doc).toContain('beta 1');
    expect(doc.indexOf('alpha 2')).toBeLessThan(doc.indexOf('beta 1'));
  });
});
