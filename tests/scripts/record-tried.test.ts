import { describe, expect, it } from 'vitest';
import { triedEntry } from '../../scripts/translate/record-tried.ts';

const wild = (all: number) => ({ bleu: { course: 80, chat: 30, study: 30, long: 40, all }, loops: 0, truncations: 1, copiedWords: 20 });
const candidate = {
  meta: { training: { seconds: 5000, steps: 1800, validLoss: 1.5, warmStart: { stage: { seconds: 1300 } }, totalSeconds: 6300, oneCommand: { command: 'npm run train:translate-default -- --minutes 112', wallSeconds: 6720 } } },
  evalDoc: { results: { transformer: { test: { bleu: 94.1, exact: 0.8, sentences: 2000 }, long: { bleu: 85, exact: 0.3, sentences: 500 }, greedy: { test: { bleu: 93 }, long: { bleu: 84 } } } } },
  wildDoc: { results: { transformer: wild(43.5) } },
};

describe('eval:translate-tried', () => {
  it('records a candidate from its eval files, beside the shipped model measured by the same code', () => {
    const e = triedEntry({ what: 'gold ×1', shipped: false, why: 'generated test BLEU below 95', date: '2026-12-03' }, candidate, wild(42.4));
    expect(e).toMatchObject({ command: 'npm run train:translate-default -- --minutes 112', wallMinutes: 112, stages: { wordWarmStartSeconds: 1300, wildSeconds: 5000, wildSteps: 1800, validLoss: 1.5 }, shipped: false });
    expect(e.wild.bleu.all).toBe(43.5);
    expect(e.shippedWildSameCode?.bleu.all).toBe(42.4);
    expect(e.test.bleu).toBe(94.1);
  });

  it('refuses a checkout that was not evaluated', () => {
    expect(() => triedEntry({ what: 'x', shipped: false, why: '', date: '2026-12-03' }, { ...candidate, wildDoc: { results: {} } })).toThrow(/eval:translate-wild/);
  });
});
