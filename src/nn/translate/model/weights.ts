// Weights on disk in the tfjs format: model.json-style manifest ("weightsManifest") plus one
// weights.bin, optionally float16-quantised with the repo's one half-precision codec (float16.ts).
import fs from 'node:fs';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { decodeHalf, encodeHalf } from '../../float16.ts';

type TFModule = typeof TF;

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'float16' };
}

export interface WeightsFile {
  format: 'nn-tutor-weights';
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

export function saveWeights(dir: string, tensors: Map<string, TF.Tensor>, opts: { float16?: boolean; file?: string } = {}): number {
  const file = opts.file ?? 'weights';
  fs.mkdirSync(dir, { recursive: true });
  const specs: WeightSpec[] = [];
  const chunks: Buffer[] = [];
  for (const [name, t] of tensors) {
    const data = t.dataSync() as Float32Array;
    if (opts.float16) {
      chunks.push(Buffer.from(encodeHalf(data).buffer));
      specs.push({ name, shape: t.shape, dtype: 'float32', quantization: { dtype: 'float16' } });
    } else {
      chunks.push(Buffer.from(new Float32Array(data).buffer));
      specs.push({ name, shape: t.shape, dtype: 'float32' });
    }
  }
  const bin = Buffer.concat(chunks);
  fs.writeFileSync(path.join(dir, `${file}.bin`), bin);
  const manifest: WeightsFile = { format: 'nn-tutor-weights', weightsManifest: [{ paths: [`${file}.bin`], weights: specs }] };
  fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(manifest));
  return bin.length;
}

export function loadWeights(tf: TFModule, dir: string, file = 'weights'): Map<string, TF.Tensor> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, `${file}.json`), 'utf8')) as WeightsFile;
  const group = manifest.weightsManifest[0]!;
  const buf = fs.readFileSync(path.join(dir, group.paths[0]!));
  const out = new Map<string, TF.Tensor>();
  let offset = 0;
  for (const spec of group.weights) {
    const n = spec.shape.reduce((a, d) => a * d, 1);
    const half = spec.quantization?.dtype === 'float16';
    const bytes = n * (half ? 2 : 4);
    if (offset + bytes > buf.byteLength) throw new Error(`${path.join(dir, group.paths[0]!)}: too short for ${spec.name}`);
    const raw = new Uint8Array(buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + offset + bytes)); // aligned copy
    const values = half ? decodeHalf(new Uint16Array(raw.buffer)) : new Float32Array(raw.buffer);
    out.set(spec.name, tf.tensor(values, spec.shape, 'float32'));
    offset += bytes;
  }
  return out;
}
