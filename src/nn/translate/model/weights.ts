// Weights on disk in the tfjs format: model.json-style manifest ("weightsManifest") plus one
// weights.bin, optionally float16-quantised (tf.io.decodeWeights dequantises on load).
import fs from 'node:fs';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';

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

/** IEEE half from a float32 (round to nearest even; overflow → ±inf). */
function toHalf(f: number, view: DataView): number {
  view.setFloat32(0, f);
  const x = view.getUint32(0);
  const sign = (x >>> 16) & 0x8000;
  let exp = ((x >>> 23) & 0xff) - 127 + 15;
  let mant = x & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    let half = mant >> shift;
    if ((mant >> (shift - 1)) & 1 && ((mant & ((1 << (shift - 1)) - 1)) || half & 1)) half++;
    return sign | half;
  }
  let half = sign | (exp << 10) | (mant >> 13);
  if (mant & 0x1000 && (mant & 0xfff || half & 1)) half++;
  return half;
}

export function saveWeights(dir: string, tensors: Map<string, TF.Tensor>, opts: { float16?: boolean; file?: string } = {}): number {
  const file = opts.file ?? 'weights';
  fs.mkdirSync(dir, { recursive: true });
  const specs: WeightSpec[] = [];
  const chunks: Buffer[] = [];
  const view = new DataView(new ArrayBuffer(4));
  for (const [name, t] of tensors) {
    const data = t.dataSync() as Float32Array;
    if (opts.float16) {
      const out = new Uint16Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = toHalf(data[i]!, view);
      chunks.push(Buffer.from(out.buffer));
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
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const named = tf.io.decodeWeights(ab, group.weights as TF.io.WeightsManifestEntry[]);
  return new Map(Object.entries(named));
}
