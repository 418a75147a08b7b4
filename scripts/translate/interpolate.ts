// npx tsx scripts/translate/interpolate.ts --base DIR --tuned DIR --alpha 0.5 [--out DIR]
// Weight-space ensembling of a model and its fine-tuned copy (WiSE-FT: Wortsman et al., 2022,
// "Robust fine-tuning of zero-shot models"): θ = (1 − α)·θ_base + α·θ_tuned, parameter by
// parameter. A fine-tuning stage that shifts the data mix (more study talk, less beginner course)
// gains on the new kind and forgets some of the old; the midpoint of the two keeps most of both,
// since both models come from the same weights. Writes float16 weights, the tuned model's
// vocabularies and its metadata with the interpolation recorded (`training.interpolation`).
import fs from 'node:fs';
import path from 'node:path';
import { initBackend, tf } from '../../src/nn/runtime.ts';
import { loadWeights, saveWeights } from '../../src/nn/translate/model/weights.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const baseDir = arg('base');
const tunedDir = arg('tuned');
const alpha = Number(arg('alpha') ?? '0.5');
if (!baseDir || !tunedDir || !(alpha >= 0 && alpha <= 1)) {
  console.error('usage: tsx scripts/translate/interpolate.ts --base DIR --tuned DIR --alpha 0..1 [--out DIR]');
  process.exit(1);
}
const outDir = path.resolve(arg('out') ?? tunedDir);

await initBackend();
const base = loadWeights(tf, path.resolve(baseDir));
const tuned = loadWeights(tf, path.resolve(tunedDir));
const mixed = new Map<string, ReturnType<typeof tf.add>>();
for (const [name, t] of tuned) {
  const b = base.get(name);
  if (!b || b.shape.join() !== t.shape.join()) throw new Error(`${name}: not in ${baseDir} with shape [${t.shape}]`);
  mixed.set(name, tf.tidy(() => b.add(t.sub(b).mul(alpha))));
}
if (base.size !== tuned.size) throw new Error(`${baseDir} has ${base.size} parameters, ${tunedDir} ${tuned.size}`);

// read everything before writing: --out may be the tuned directory itself
const meta = JSON.parse(fs.readFileSync(path.join(tunedDir, 'metadata.json'), 'utf8'));
const extra = ['vocab.json', 'subword.json'].filter((f) => fs.existsSync(path.join(tunedDir, f))).map((f) => [f, fs.readFileSync(path.join(tunedDir, f))] as const);
const bytes = saveWeights(outDir, mixed, { float16: true });
for (const [f, buf] of extra) fs.writeFileSync(path.join(outDir, f), buf);
meta.weightsBytes = bytes;
meta.training.interpolation = { alpha, base: 'the previous stage (the weights this stage started from)', method: 'WiSE-FT (Wortsman et al., 2022): (1 − α)·θ_previous + α·θ_this-stage' };
fs.writeFileSync(path.join(outDir, 'metadata.json'), JSON.stringify(meta, null, 2));
console.error(`wrote ${outDir}: (1 − ${alpha})·${baseDir} + ${alpha}·${tunedDir}, ${(bytes / 1e6).toFixed(2)} MB`);
