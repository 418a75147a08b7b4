// Turning corpus examples into padded id tensors, grouped by length so batches carry little
// padding: source left-padded (the encoder ends on the last word), target right-padded.
import type * as TF from '@tensorflow/tfjs';
import { EOS, PAD, type Vocab } from '../model/vocab.ts';
import type { Batch } from '../model/rnn.ts';
import { Rng } from '../../../core/random.ts';

type TFModule = typeof TF;

export interface Encoded {
  src: number[];
  tgt: number[];
}

export function encodeExamples(examples: { src: string[]; tgt: string[] }[], srcVocab: Vocab, tgtVocab: Vocab): Encoded[] {
  return examples.map((e) => ({ src: srcVocab.encode(e.src), tgt: tgtVocab.encode(e.tgt) }));
}

/** Index groups of about `tokens` target tokens each, similar lengths together, in seeded order. */
export function planBatches(data: Encoded[], tokens: number, seed: number): number[][] {
  const rng = new Rng(seed);
  const order = data.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const batches: number[][] = [];
  const chunk = 8192;
  for (let c = 0; c < order.length; c += chunk) {
    const part = order.slice(c, c + chunk).sort((a, b) => data[a]!.tgt.length - data[b]!.tgt.length || data[a]!.src.length - data[b]!.src.length);
    let cur: number[] = [];
    let maxLen = 0;
    for (const i of part) {
      const len = Math.max(data[i]!.tgt.length + 1, data[i]!.src.length);
      if (cur.length && Math.max(maxLen, len) * (cur.length + 1) > tokens) {
        batches.push(cur);
        cur = [];
        maxLen = 0;
      }
      cur.push(i);
      maxLen = Math.max(maxLen, len);
    }
    if (cur.length) batches.push(cur);
  }
  for (let i = batches.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [batches[i], batches[j]] = [batches[j]!, batches[i]!];
  }
  return batches;
}

/** leftPad: RNN encoders end on the last word; the transformer right-pads (positions start at 0). */
export function makeBatch(tf: TFModule, data: Encoded[], idx: number[], leftPad = true): Batch {
  const S = Math.max(...idx.map((i) => data[i]!.src.length), 1);
  const T = Math.max(...idx.map((i) => data[i]!.tgt.length)) + 1;
  const B = idx.length;
  const src = new Int32Array(B * S);
  const srcMask = new Float32Array(B * S);
  const tgtIn = new Int32Array(B * T);
  const tgtOut = new Int32Array(B * T);
  const tgtMask = new Float32Array(B * T);
  idx.forEach((i, b) => {
    const { src: s, tgt: t } = data[i]!;
    const off = leftPad ? S - s.length : 0;
    s.forEach((id, k) => {
      src[b * S + off + k] = id;
      srcMask[b * S + off + k] = 1;
    });
    tgtIn[b * T] = EOS;
    t.forEach((id, k) => {
      tgtIn[b * T + k + 1] = id;
      tgtOut[b * T + k] = id;
    });
    tgtOut[b * T + t.length] = EOS;
    for (let k = 0; k <= t.length; k++) tgtMask[b * T + k] = 1;
    for (let k = t.length + 1; k < T; k++) tgtIn[b * T + k] = PAD;
  });
  return {
    src: tf.tensor2d(src, [B, S], 'int32'),
    srcMask: tf.tensor2d(srcMask, [B, S]),
    tgtIn: tf.tensor2d(tgtIn, [B, T], 'int32'),
    tgtOut: tf.tensor2d(tgtOut, [B, T], 'int32'),
    tgtMask: tf.tensor2d(tgtMask, [B, T]),
  };
}

export function disposeBatch(b: Batch): void {
  for (const t of Object.values(b)) (t as TF.Tensor).dispose();
}
