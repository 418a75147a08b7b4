// Warm-up loads what is shipped and never fails start-up: a failing step is reported and skipped.
import { describe, expect, it } from 'vitest';
import { availableModels } from '../../src/nn/translate/infer/service.ts';
import { warmUp } from '../../src/nn/warmup.ts';

describe('warmUp', () => {
  it('loads every shipped translation model and word2vec, and reports a failing step without throwing', async () => {
    const models = await availableModels();
    const report = await warmUp({
      ok: () => 1,
      broken: () => {
        throw new Error('no fonts here');
      },
    });
    for (const m of models) expect(report.warmed).toContain(`translate:${m}`);
    expect(report.warmed).toContain('ok');
    expect(report.failed).toEqual(['broken']);
    expect(report.ms).toBeGreaterThan(0);
  }, 120_000);
});
