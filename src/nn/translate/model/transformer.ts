// A small encoder–decoder transformer: embeddings × √d + sinusoidal positions, multi-head
// self-attention, residual connections with (post-)layer norm, masked decoder self-attention,
// encoder–decoder attention and a final softmax over Spanish words.
import type * as TF from '@tensorflow/tfjs';
import { ParamStore, dense, embed, layerNorm } from './layers.ts';
import { attentionParams, denseParams, feedForwardParams, normParams, type AttentionParams, type DenseParams, type FeedForwardParams, type NormParams } from './params.ts';
import type { TFModule, Tensor } from '../kernels/types.ts';
import { maskedCrossEntropy } from '../kernels/cross-entropy.ts';
import type { Batch } from './rnn.ts';

export interface TransformerConfig {
  kind: 'transformer';
  srcVocab: number;
  tgtVocab: number;
  dModel: number; // d_model, e.g. 128
  heads: number; // e.g. 4 (d_model / heads per head)
  ff: number; // feed-forward width, e.g. 256
  encLayers: number;
  decLayers: number;
  maxLen: number; // longest sequence the positional table covers
}

export interface TransformerEncoded {
  memory: Tensor; // [B, S, D]
  mask: Tensor; // [B, S]
}

/** Attention weights kept for the charts: per layer [B, heads, Tq, Tk]. */
export interface AttentionMaps {
  encoderSelf: Tensor[];
  decoderCross: Tensor[];
}

export interface EncoderLayerParams {
  self: AttentionParams;
  ln1: NormParams;
  ff: FeedForwardParams;
  ln2: NormParams;
}

export interface DecoderLayerParams {
  self: AttentionParams; // masked self-attention
  ln1: NormParams;
  cross: AttentionParams; // encoder–decoder attention
  ln2: NormParams;
  ff: FeedForwardParams;
  ln3: NormParams;
}

export interface TransformerParams {
  srcEmbed: TF.Variable; // [V_src, D]
  tgtEmbed: TF.Variable; // [V, D]
  enc: EncoderLayerParams[];
  dec: DecoderLayerParams[];
  out: DenseParams; // [D, V]
}

export class Transformer {
  readonly params: ParamStore;
  readonly w: TransformerParams;
  readonly pe: Tensor; // [maxLen, D]

  constructor(
    private readonly tf: TFModule,
    readonly config: TransformerConfig,
    seed = 1,
  ) {
    const c = config;
    const p = (this.params = new ParamStore(tf, seed));
    const D = c.dModel;
    // created in the weights file's order (the initialiser's seeds follow it)
    const srcEmbed = p.add('src_embed', [c.srcVocab, D], 'normal');
    const tgtEmbed = p.add('tgt_embed', [c.tgtVocab, D], 'normal');
    const enc = Array.from({ length: c.encLayers }, (_, l): EncoderLayerParams => ({
      self: attentionParams(p, `enc${l}_self`, D),
      ln1: normParams(p, `enc${l}_ln1`, D),
      ff: feedForwardParams(p, `enc${l}_ff`, D, c.ff),
      ln2: normParams(p, `enc${l}_ln2`, D),
    }));
    const dec = Array.from({ length: c.decLayers }, (_, l): DecoderLayerParams => ({
      self: attentionParams(p, `dec${l}_self`, D),
      ln1: normParams(p, `dec${l}_ln1`, D),
      cross: attentionParams(p, `dec${l}_cross`, D),
      ln2: normParams(p, `dec${l}_ln2`, D),
      ff: feedForwardParams(p, `dec${l}_ff`, D, c.ff),
      ln3: normParams(p, `dec${l}_ln3`, D),
    }));
    this.w = { srcEmbed, tgtEmbed, enc, dec, out: denseParams(p, 'out', D, c.tgtVocab) };
    this.pe = tf.keep(positionalEncoding(tf, c.maxLen, c.dModel));
  }

  /** Multi-head attention: q [B, Tq, D], kv [B, Tk, D], bias broadcastable to [B, h, Tq, Tk]. */
  private attention(a: AttentionParams, q: Tensor, kv: Tensor, bias: Tensor): { out: Tensor; weights: Tensor } {
    const tf = this.tf;
    const { heads, dModel: model } = this.config;
    const dh = model / heads;
    const split = (x: Tensor) => {
      const [B, T] = x.shape as [number, number, number];
      return tf.transpose(x.reshape([B, T, heads, dh]), [0, 2, 1, 3]); // [B, h, T, dh]
    };
    const Q = split(dense(tf, q, a.wq, a.bq));
    const K = split(dense(tf, kv, a.wk, a.bk));
    const V = split(dense(tf, kv, a.wv, a.bv));
    const scores = tf.add(tf.mul(tf.matMul(Q as TF.Tensor4D, K as TF.Tensor4D, false, true), 1 / Math.sqrt(dh)), bias); // [B, h, Tq, Tk]
    const weights = tf.softmax(scores);
    const ctx = tf.matMul(weights as TF.Tensor4D, V as TF.Tensor4D); // [B, h, Tq, dh]
    const [B, , Tq] = ctx.shape as [number, number, number, number];
    const merged = tf.transpose(ctx, [0, 2, 1, 3]).reshape([B, Tq, model]);
    return { out: dense(tf, merged, a.wo, a.bo), weights };
  }

  private ffn(f: FeedForwardParams, x: Tensor): Tensor {
    const tf = this.tf;
    return dense(tf, tf.relu(dense(tf, x, f.w1, f.b1)), f.w2, f.b2);
  }

  private norm(n: NormParams, x: Tensor): Tensor {
    return layerNorm(this.tf, x, n.g, n.b);
  }

  private embedWithPositions(table: Tensor, ids: Tensor, offset = 0): Tensor {
    const tf = this.tf;
    const T = ids.shape[1]!;
    const x = tf.mul(embed(tf, table, ids), Math.sqrt(this.config.dModel)); // [B, T, D]
    return tf.add(x, this.pe.slice([offset, 0], [T, this.config.dModel]));
  }

  encode(src: Tensor, mask: Tensor, maps?: AttentionMaps): TransformerEncoded {
    const tf = this.tf;
    let x = this.embedWithPositions(this.w.srcEmbed, src);
    const bias = tf.mul(tf.sub(1, mask), -1e9).reshape([mask.shape[0]!, 1, 1, mask.shape[1]!]); // [B, 1, 1, S]
    for (const layer of this.w.enc) {
      const a = this.attention(layer.self, x, x, bias);
      maps?.encoderSelf.push(a.weights);
      x = this.norm(layer.ln1, tf.add(x, a.out));
      x = this.norm(layer.ln2, tf.add(x, this.ffn(layer.ff, x)));
    }
    return { memory: x, mask };
  }

  /** Decoder over target inputs tgt [B, T] → logits [B, T, V]. */
  decode(tgt: Tensor, enc: TransformerEncoded, maps?: AttentionMaps): Tensor {
    const tf = this.tf;
    const T = tgt.shape[1]!;
    let x = this.embedWithPositions(this.w.tgtEmbed, tgt);
    // causal mask: position t sees positions ≤ t
    const causal = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9).reshape([1, 1, T, T]);
    const crossBias = tf.mul(tf.sub(1, enc.mask), -1e9).reshape([enc.mask.shape[0]!, 1, 1, enc.mask.shape[1]!]);
    for (const layer of this.w.dec) {
      const s = this.attention(layer.self, x, x, causal);
      x = this.norm(layer.ln1, tf.add(x, s.out));
      const c = this.attention(layer.cross, x, enc.memory, crossBias);
      maps?.decoderCross.push(c.weights);
      x = this.norm(layer.ln2, tf.add(x, c.out));
      x = this.norm(layer.ln3, tf.add(x, this.ffn(layer.ff, x)));
    }
    return dense(tf, x, this.w.out.w, this.w.out.b);
  }

  loss(batch: Batch): TF.Scalar {
    const enc = this.encode(batch.src, batch.srcMask);
    return maskedCrossEntropy(this.tf, this.decode(batch.tgtIn, enc), batch.tgtOut, batch.tgtMask);
  }
}

/** PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(…): [maxLen, d]. */
export function positionalEncoding(tf: TFModule, maxLen: number, d: number): Tensor {
  const data = new Float32Array(maxLen * d);
  for (let pos = 0; pos < maxLen; pos++) {
    for (let i = 0; i < d; i += 2) {
      const angle = pos / Math.pow(10000, i / d);
      data[pos * d + i] = Math.sin(angle);
      if (i + 1 < d) data[pos * d + i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(data, [maxLen, d]);
}
