// Writes every /explain architecture diagram as a PNG under docs/diagrams/ (or the directory given):
// the quick-reply diagram of each topic and the step-through highlights, for the docs and the issue,
// and the /translate animate:true GIF of the shipped transformer (when its model is present).
//   npx tsx scripts/render-diagrams.ts [dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageAttachment } from '../src/core/reply.ts';
import { attentionDemo } from '../src/explain/attention.ts';
import { attentionDiagramImage, lstmDiagramImage, topicDiagram } from '../src/explain/diagrams.ts';
import { DEFAULT_LSTM_INPUT } from '../src/explain/lstm.ts';
import { TOPIC_IDS } from '../src/explain/types.ts';
import { availableModels, translateText } from '../src/nn/translate/infer/service.ts';
import { renderDecodingGif } from '../src/render/diagram/decoding.ts';

const dir = process.argv[2] ?? 'docs/diagrams';
mkdirSync(dir, { recursive: true });
const save = (name: string, img: ImageAttachment) => {
  writeFileSync(join(dir, name), img.data);
  console.log(`${join(dir, name)}  ${img.width}×${img.height}  ${img.alt.slice(0, 90)}…`);
};
for (const id of TOPIC_IDS) {
  const img = topicDiagram(id, { depth: 'quick' });
  if (img) save(`${id}.png`, img);
}
for (const part of ['forget', 'input', 'output'] as const) save(`lstm-step-${part}.png`, lstmDiagramImage(DEFAULT_LSTM_INPUT, 1, [part]));
const demo = attentionDemo();
for (const stage of ['scores', 'softmax', 'sum'] as const) save(`attention-step-${stage}.png`, attentionDiagramImage(demo, 0, stage));

if ((await availableModels()).includes('transformer')) {
  const t = await translateText('my mother works in the hospital', 'transformer', { beam: 4 });
  save('decoding-transformer.gif', renderDecodingGif({ model: 'transformer', source: t.source, output: t.tokens, attention: t.attention }));
}
