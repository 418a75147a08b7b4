// /attention text:<sentence> [layer] [head] — the transformer encoder's self-attention: which
// English words each word looks at (the notes' "it" ↔ "pizza").
import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { inlineCode, neutraliseMentions } from '../src/core/escape.ts';
import { renderHeatmap } from '../src/render/index.ts';
import { unknownLine } from './translate.ts';

const EXAMPLE = '/attention text:my sister likes the pizza because it is delicious';

export const attention = defineCommand({
  name: 'attention',
  worker: true,
  description: "Chart the transformer encoder's self-attention over an English sentence",
  examples: [EXAMPLE, '/attention text:the dog is in the garden layer:1 head:2'],
  slow: true,
  options: [
    { name: 'text', type: 'string', description: 'An English sentence (up to 30 words)', required: true },
    { name: 'layer', type: 'integer', description: 'Encoder layer 1–2 (default 2, the last)', min: 1, max: 2 },
    { name: 'head', type: 'integer', description: 'One head 1–4 (default: all heads averaged)', min: 1, max: 4 },
  ],
  async handler(req) {
    const service = await import('../src/nn/translate/infer/service.ts');
    const text = String(req.options.text ?? '').trim();
    if (!text) throw new UserError('Give me an English sentence.', EXAMPLE);
    if (!(await service.availableModels()).includes('transformer')) throw new UserError('The transformer is not trained yet (npm run train:translate -- --model transformer).');
    const { source, maps, unknown } = await service.selfAttention(text);
    const words = source.filter((t) => t !== '?');
    if (!words.length) throw new UserError('That has no words I can read (only punctuation?).', EXAMPLE);
    if (words.length > service.MAX_WORDS) throw new UserError(`That is ${words.length} words; keep it to ${service.MAX_WORDS}.`, EXAMPLE);
    const layer = Math.min(Number(req.options.layer ?? maps.length), maps.length) - 1;
    const heads = maps[layer]!;
    const head = req.options.head !== undefined ? Math.min(Number(req.options.head), heads.length) - 1 : undefined;
    const values =
      head !== undefined ? heads[head]! : heads[0]!.map((row, i) => row.map((_, j) => heads.reduce((s, h) => s + h[i]![j]!, 0) / heads.length));
    const which = `encoder layer ${layer + 1}, ${head === undefined ? `${heads.length} heads averaged` : `head ${head + 1} of ${heads.length}`}`;
    // the strongest link from each word to another word, as a short reading aid
    const strongest = source
      .map((w, i) => {
        let best = -1;
        values[i]!.forEach((v, j) => {
          if (j !== i && (best < 0 || v > values[i]![best]!)) best = j;
        });
        return best >= 0 ? { w, to: source[best]!, v: values[i]![best]! } : undefined;
      })
      .filter((x): x is { w: string; to: string; v: number } => !!x && x.v >= 0.25)
      .slice(0, 6);
    const image = renderHeatmap({
      title: `Transformer self-attention (${which})`,
      rows: source,
      cols: source,
      values,
      xLabel: 'attends to',
      yLabel: 'word',
      min: 0,
      max: 1,
      valueFormat: 'percent',
      filename: 'self-attention.png',
      alt: neutraliseMentions(`Self-attention weights of the transformer encoder (${which}) for: ${source.join(' ')}.`),
    });
    const lines = [
      `Sentence read as ${inlineCode(source.join(' '))} — ${which}.`,
      'Each row is a word; the row shows how much that word draws on every word of the sentence (rows sum to 100%) to build its new representation.',
      strongest.length ? `Strongest links: ${strongest.map((s) => `${inlineCode(s.w)} → ${inlineCode(s.to)} ${Math.round(s.v * 100)}%`).join(', ')}.` : '',
      unknownLine(unknown),
      '_Our toy transformer (trained on a generated beginner course and Apertium-distilled English→Spanish); try `head:` 1–4 to see heads that specialise._',
    ].filter(Boolean);
    return { title: 'Self-attention', text: lines.join('\n'), images: [image] };
  },
});
