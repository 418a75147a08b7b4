// The shipped lexicon (npm run data:lexicon) and its use: a word a word-level model cannot read is
// translated through it at the place attention points, and marked.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src/nn/runtime.ts';
import { loadLexicon, translateText } from '../../../src/nn/translate/infer/service.ts';

const file = path.resolve('models/translate/lexicon.tsv');

beforeAll(async () => {
  await initBackend('wasm');
});

describe('the shipped lexicon', () => {
  it('is english<TAB>spanish lines of lower-case words, one entry per English word', () => {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(10_000);
    // one expect over the bad lines: 18,000 × 4 expect calls ran past the 5 s timeout on a busy machine
    const seen = new Set<string>();
    const bad = lines.filter((line) => {
      const [en, es, extra] = line.split('\t');
      const ok = /^[a-z]{3,}$/.test(en!) && /^\p{Ll}+(?: \p{Ll}+)?$/u.test(es ?? '') && extra === undefined && !seen.has(en!);
      seen.add(en!);
      return !ok;
    });
    expect(bad).toEqual([]);
    expect(loadLexicon()?.lookup('recurrent')).toBe('recurrente');
  });

  it('translates a word the attention model cannot read, at the attended place, marked', async () => {
    const r = await translateText('the recurrent cat is big', 'attention');
    const rare = r.rare.find((x) => x.source === 'recurrent');
    expect(rare).toMatchObject({ how: 'lexicon', output: 'recurrente' });
    expect(r.marked).toContain('_recurrente_');
  }, 60_000);
});
