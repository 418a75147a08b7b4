// Inside one layer of the shipped transformer, for /explain transformer: the numbers of the
// position-wise feed-forward network, the two add & layer-norm steps of encoder layer 1, and the
// decoder's masked self-attention, computed with the trained weights on a real sentence.
import type * as TF from '@tensorflow/tfjs';
import { EOS } from '../model/vocab.ts';
import { Transformer } from '../model/transformer.ts';
import { dense, embed, layerNorm } from '../model/layers.ts';
import type { AttentionParams } from '../model/params.ts';
import { pieceLabel } from './subword-text.ts';
import { getTranslator } from './service.ts';

export interface LayerNumbers {
  english: string;
  source: string[]; // source pieces as labels
  target: string[]; // decoder inputs: <EOS> then the output pieces
  dModel: number;
  ff: number;
  heads: number;
  /** Encoder layer 1, the first source piece (vectors cut to `shown` numbers). */
  word: string;
  input: number[]; // embedding·√d + position, [shown]
  attention: number[]; // self-attention output (after the output projection), [shown]
  norm1: { mean: number; std: number; out: number[] }; // stats of x + attention, LayerNorm(x + attention)
  ffHiddenActive: number; // ReLU units > 0 of `ff`
  ffOut: number[]; // W2·ReLU(W1·x + b1) + b2, [shown]
  norm2: { mean: number; std: number; out: number[] };
  /** Decoder layer 1 masked self-attention, heads averaged: [target][target]; 0 above the diagonal. */
  masked: number[][];
}

const SHOWN = 4;
const head = (t: TF.Tensor) => Array.from(t.dataSync()).slice(0, SHOWN);

export async function transformerLayerNumbers(english: string): Promise<LayerNumbers | undefined> {
  const t = await getTranslator('transformer');
  if (!(t.model instanceof Transformer) || !t.subword) return undefined;
  const m = t.model;
  const tf = (await import('../../runtime.ts')).tf;
  const src = t.subword.src.encode(english, new Map(), { nameSlots: true });
  const out = t.translateTokens(src.pieces, { beam: 1 });
  const { dModel: D, heads, ff } = m.config;
  const srcIds = t.srcVocab.encode(src.pieces);
  const tgtIds = [EOS, ...t.tgtVocab.encode(out.tokens)];
  return tf.tidy(() => {
    const pe = (n: number) => m.pe.slice([0, 0], [n, D]);
    const embedded = (table: TF.Tensor, ids: number[]) => tf.add(tf.mul(embed(tf, table, tf.tensor2d([ids], [1, ids.length], 'int32')), Math.sqrt(D)), pe(ids.length)); // [1, T, D]
    const attend = (a: AttentionParams, x: TF.Tensor, bias?: TF.Tensor) => {
      const [, T] = x.shape as [number, number, number];
      const dh = D / heads;
      const split = (y: TF.Tensor) => tf.transpose(y.reshape([1, T, heads, dh]), [0, 2, 1, 3]); // [1, h, T, dh]
      const q = split(dense(tf, x, a.wq, a.bq));
      const k = split(dense(tf, x, a.wk, a.bk));
      const v = split(dense(tf, x, a.wv, a.bv));
      let scores = tf.mul(tf.matMul(q as TF.Tensor4D, k as TF.Tensor4D, false, true), 1 / Math.sqrt(dh)); // [1, h, T, T]
      if (bias) scores = tf.add(scores, bias);
      const weights = tf.softmax(scores);
      const ctx = tf.transpose(tf.matMul(weights as TF.Tensor4D, v as TF.Tensor4D), [0, 2, 1, 3]).reshape([1, T, D]);
      return { out: dense(tf, ctx, a.wo, a.bo), weights };
    };
    const stats = (y: TF.Tensor) => {
      const { mean, variance } = tf.moments(y, -1);
      return { mean: mean.dataSync()[0]!, std: Math.sqrt(variance.dataSync()[0]!) };
    };
    const first = (y: TF.Tensor) => y.slice([0, 0, 0], [1, 1, D]); // [1, 1, D]: the first piece

    const L = m.w.enc[0]!;
    const x = embedded(m.w.srcEmbed, srcIds);
    const a = attend(L.self, x);
    const sum1 = tf.add(x, a.out);
    const n1 = layerNorm(tf, sum1, L.ln1.g, L.ln1.b);
    const hidden = tf.relu(dense(tf, n1, L.ff.w1, L.ff.b1)); // [1, S, ff]
    const ffOut = dense(tf, hidden, L.ff.w2, L.ff.b2);
    const sum2 = tf.add(n1, ffOut);
    const n2 = layerNorm(tf, sum2, L.ln2.g, L.ln2.b);

    const T = tgtIds.length;
    const causal = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9).reshape([1, 1, T, T]);
    const dec = attend(m.w.dec[0]!.self, embedded(m.w.tgtEmbed, tgtIds), causal);
    const masked = (tf.mean(dec.weights, 1).arraySync() as number[][][])[0]!; // [T, T]

    return {
      english,
      source: src.pieces.map((p) => pieceLabel(p, src.slots)),
      target: ['<EOS>', ...out.tokens.map((p) => pieceLabel(p))],
      dModel: D,
      ff,
      heads,
      word: pieceLabel(src.pieces[0]!, src.slots),
      input: head(first(x)),
      attention: head(first(a.out)),
      norm1: { ...stats(first(sum1)), out: head(first(n1)) },
      ffHiddenActive: Array.from(hidden.slice([0, 0, 0], [1, 1, ff]).dataSync()).filter((h) => h > 0).length,
      ffOut: head(first(ffOut)),
      norm2: { ...stats(first(sum2)), out: head(first(n2)) },
      masked,
    };
  });
}
