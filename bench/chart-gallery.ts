// Every chart kind the commands send, as the commands send it, written to docs/charts/ so a
// reviewer can look at them: `npx tsx bench/chart-gallery.ts [outDir]`. The same list drives the
// readability test (tests/render/readability.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One line per chart kind the commands produce (and the variants that lay out differently). */
export const CHART_LINES: readonly string[] = [
  ...['rnn', 'lstm', 'word2vec', 'seq2seq', 'attention', 'transformer'].flatMap((t) => [`/explain topic:${t}`, `/explain topic:${t} depth:deep`]),
  '/explain topic:rnn days:50',
  '/predict values:0,0.5,0.25,1',
  '/predict values:1,0.5,0.25,1 model:rnn',
  '/predict values:12 15 11 18 20 19 25 24 30 28 27 35',
  '/neighbors word:king',
  '/neighbors word:monday k:5',
  '/analogy a:man b:king c:woman',
  '/tokenize text:Hello, tokenizers split unbelievably long words!',
  "/translate text:let's go",
  '/translate text:the cat is on the table model:attention',
  '/translate text:I want to eat with my friends tomorrow at the park',
  '/attention text:the cat sat on the mat because it was tired',
];

/** The step-throughs, pressed from the first step to the last. */
export const STEP_LINES: readonly string[] = ['/explain topic:lstm step:true', '/explain topic:attention step:true'];

const slug = (line: string) => line.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase().slice(0, 60);

async function main(outDir: string) {
  const { commands } = await import('../commands/index.ts');
  const { dispatchButton, dispatchLine } = await import('../src/core/dispatch.ts');
  const { Registry } = await import('../src/core/registry.ts');
  const registry = new Registry(commands);
  const ctx = { platform: 'console', userId: 'gallery', channelId: 'gallery' } as never;
  mkdirSync(outDir, { recursive: true });
  const save = (name: string, images: readonly { data: Uint8Array; filename: string }[] | undefined) =>
    (images ?? []).forEach((img, i) => {
      const file = path.join(outDir, `${name}${images!.length > 1 ? `-${i + 1}` : ''}.png`);
      writeFileSync(file, img.data);
      console.log(file);
    });
  for (const line of CHART_LINES) save(slug(line), (await dispatchLine(registry, line, ctx)).reply.images);
  for (const line of STEP_LINES) {
    let out = await dispatchLine(registry, line, ctx);
    for (let step = 1; out.reply.images; step++) {
      save(`${slug(line)}-${step}`, out.reply.images);
      const next = out.reply.buttons?.[1];
      if (!next) break;
      out = await dispatchButton(registry, next.id, ctx);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main(process.argv[2] ?? fileURLToPath(new URL('../docs/charts/', import.meta.url)));
}
