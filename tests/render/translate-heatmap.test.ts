// Issue 16 §3: the /translate heatmap keeps the <EOS> row (the step where the model chose to stop).
import { describe, expect, it } from 'vitest';
import { attentionChart } from '../../commands/translate.ts';
import type { TextTranslation } from '../../src/nn/translate/infer/service.ts';
import { recordLabels } from '../../src/render/label-box.ts';

describe('/translate attention heatmap', () => {
  it('has one row per output word and one for <EOS>', () => {
    const t = { model: 'attention', source: ["let's", 'go'], tokens: ['vamos'], attention: [[0.2, 0.8], [0.1, 0.9]] } as unknown as TextTranslation;
    const { result, charts } = recordLabels(() => attentionChart(t)!);
    expect(result.alt).toContain('vamos <EOS>');
    const rowLabels = charts[0]!.labels.map((l) => l.text);
    expect(rowLabels).toContain('<EOS>');
    expect(rowLabels).toContain('90%');
  });
});
