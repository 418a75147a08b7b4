// Loads the shipped models before the first member asks (chat platforms call it at start-up): the
// tensor engine, every translation model with one tiny translation each, the transformer's
// self-attention, the word2vec vectors with one lookup, and any extra steps the caller adds. A model that is missing or fails is
// logged and skipped: warming up never stops the bot from starting.
import { log } from '../core/log.ts';

export interface WarmUpReport {
  ms: number;
  warmed: string[];
  failed: string[];
}

async function step(name: string, report: WarmUpReport, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
    report.warmed.push(name);
  } catch (err) {
    report.failed.push(name);
    log.warn({ err, model: name }, 'warm-up failed; it will load on first use');
  }
}

const WARM_SENTENCE = 'my friends and i are going to the park after school because the weather is nice today';

/** `extra`: more named steps from outside the model code (the chart renderer's fonts, from main). */
export async function warmUp(extra: Readonly<Record<string, () => unknown>> = {}): Promise<WarmUpReport> {
  const t0 = performance.now();
  const report: WarmUpReport = { ms: 0, warmed: [], failed: [] };
  const service = await import('./translate/infer/service.ts');
  const models = await service.availableModels();
  // A sentence of everyday length, so the decoders' code paths are compiled as well as loaded.
  for (const m of models) await step(`translate:${m}`, report, () => service.translateText(WARM_SENTENCE, m));
  if (models.includes('transformer')) await step('attention', report, () => service.selfAttention(WARM_SENTENCE));
  // the typo fixer's list of real English words (~0.2 s to read), before the first unknown word
  await step('english-words', report, async () => (await import('./translate/infer/english-words.ts')).englishWordList());
  await step('word2vec', report, async () => {
    const { shippedVectors } = await import('./word2vec/index.ts');
    shippedVectors().neighbours(['king'], 3);
  });
  for (const [name, run] of Object.entries(extra)) await step(name, report, async () => run());
  report.ms = Math.round(performance.now() - t0);
  log.info(report, 'models warmed up');
  return report;
}
