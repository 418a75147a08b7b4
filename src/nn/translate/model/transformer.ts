// A small encoder–decoder transformer: embeddings × √d + sinusoidal positions, multi-head
// self-attention, residual connections with (post-)layer norm, masked decoder self-attention,
// encoder–decoder attention and a final softmax over Spanish words.
import type * as TF from '@tensorflow/tfjs';
import { ParamStore, dense, embed, layerNorm } from './layers.ts';
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

export class Transformer {
  readonly params: ParamStore;
  readonly pe: Tensor; // [maxLen, D]

  constructor(
    private readonly tf: TFModule,
    readonly config: TransformerConfig,
    seed = 1,
  ) {
    const c = config;
    const p = (this.params = new ParamStore(tf, seed));
    p.add('src_embed', [c.srcVocab, c.dModel], 'normal');
    p.add('tgt_embed', [c.tgtVocab, c.dModel], 'normal');
    const attn = (pre: string) => {
      for (const m of ['q', 'k', 'v', 'o']) {
        p.add(`${pre}_w${m}`, [c.dModel, c.dModel]);
        p.add(`${pre}_b${m}`, [c.dModel], 'zeros');
      }
    };
    const norm = (pre: string) => {
      p.add(`${pre}_g`, [c.dModel], 'ones');
      p.add(`${pre}_b`, [c.dModel], 'zeros');
    };
    const ffn = (pre: string) => {
      p.add(`${pre}_w1`, [c.dModel, c.ff]);
      p.add(`${pre}_b1`, [c.ff], 'zeros');
      p.add(`${pre}_w2`, [c.ff, c.dModel]);
      p.add(`${pre}_b2`, [c.dModel], 'zeros');
    };
    for (let l = 0; l < c.encLayers; l++) {
      attn(`enc${l}_self`);
      norm(`enc${l}_ln1`);
      ffn(`enc${l}_ff`);
      norm(`enc${l}_ln2`);
    }
    for (let l = 0; l < c.decLayers; l++) {
      attn(`dec${l}_self`);
      norm(`dec${l}_ln1`);
      attn(`dec${l}_cross`);
      norm(`dec${l}_ln2`);
      ffn(`dec${l}_ff`);
      norm(`dec${l}_ln3`);
    }
    p.add('out_w', [c.dModel, c.tgtVocab]);
    p.add('out_b', [c.tgtVocab], 'zeros');
    this.pe = tf.keep(positionalEncoding(tf, c.maxLen, c.dModel));
  }

  /** Multi-head attention: q [B, Tq, D], kv [B, Tk, D], bias broadcastable to [B, h, Tq, Tk]. */
  private attention(pre: string, q: Tensor, kv: Tensor, bias: Tensor): { out: Tensor; weights: Tensor } {
    const tf = this.tf;
    const { heads, dModel: model } = this.config;
    const dh = model / heads;
    const p = this.params;
    const split = (x: Tensor) => {
      const [B, T] = x.shape as [number, number, number];
      return tf.transpose(x.reshape([B, T, heads, dh]), [0, 2, 1, 3]); // [B, h, T, dh]
    };
    const Q = split(dense(tf, q, p.get(`${pre}_wq`), p.get(`${pre}_bq`)));
    const K = split(dense(tf, kv, p.get(`${pre}_wk`), p.get(`${pre}_bk`)));
    const V = split(dense(tf, kv, p.get(`${pre}_wv`), p.get(`${pre}_bv`)));
    const scores = tf.add(tf.mul(tf.matMul(Q as TF.Tensor4D, K as TF.Tensor4D, false, true), 1 / Math.sqrt(dh)), bias); // [B, h, Tq, Tk]
    const weights = tf.softmax(scores);
    const ctx = tf.matMul(weights as TF.Tensor4D, V as TF.Tensor4D); // [B, h, Tq, dh]
    const [B, , Tq] = ctx.shape as [number, number, number, number];
    const merged = tf.transpose(ctx, [0, 2, 1, 3]).reshape([B, Tq, model]);
    return { out: dense(tf, merged, p.get(`${pre}_wo`), p.get(`${pre}_bo`)), weights };
  }

  private ffn(pre: string, x: Tensor): Tensor {
    const tf = this.tf;
    const p = this.params;
    return dense(tf, tf.relu(dense(tf, x, p.get(`${pre}_w1`), p.get(`${pre}_b1`))), p.get(`${pre}_w2`), p.get(`${pre}_b2`));
  }

  private norm(pre: string, x: Tensor): Tensor {
    return layerNorm(this.tf, x, this.params.get(`${pre}_g`), this.params.get(`${pre}_b`));
  }

  private embedWithPositions(table: string, ids: Tensor, offset = 0): Tensor {
    const tf = this.tf;
    const T = ids.shape[1]!;
    const x = tf.mul(embed(tf, this.params.get(table), ids), Math.sqrt(this.config.dModel)); // [B, T, D]
    return tf.add(x, this.pe.slice([offset, 0], [T, this.config.dModel]));
  }

  encode(src: Tensor, mask: Tensor, maps?: AttentionMaps): TransformerEncoded {
    const tf = this.tf;
    let x = this.embedWithPositions('src_embed', src);
    const bias = tf.mul(tf.sub(1, mask), -1e9).reshape([mask.shape[0]!, 1, 1, mask.shape[1]!]); // [B, 1, 1, S]
    for (let l = 0; l < this.config.encLayers; l++) {
      const a = this.attention(`enc${l}_self`, x, x, bias);
      maps?.encoderSelf.push(a.weights);
      x = this.norm(`enc${l}_ln1`, tf.add(x, a.out));
      x = this.norm(`enc${l}_ln2`, tf.add(x, this.ffn(`enc${l}_ff`, x)));
    }
    return { memory: x, mask };
  }

  /** Decoder over target inputs tgt [B, T] → logits [B, T, V]. */
  decode(tgt: Tensor, enc: TransformerEncoded, maps?: AttentionMaps): Tensor {
    const tf = this.tf;
    const T = tgt.shape[1]!;
    let x = this.embedWithPositions('tgt_embed', tgt);
    // causal mask: position t sees positions ≤ t
    const causal = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9).reshape([1, 1, T, T]);
    const crossBias = tf.mul(tf.sub(1, enc.mask), -1e9).reshape([enc.mask.shape[0]!, 1, 1, enc.mask.shape[1]!]);
    for (let l = 0; l < this.config.decLayers; l++) {
      const s = this.attention(`dec${l}_self`, x, x, causal);
      x = this.norm(`dec${l}_ln1`, tf.add(x, s.out));
      const c = this.attention(`dec${l}_cross`, x, enc.memory, crossBias);
      maps?.decoderCross.push(c.weights);
      x = this.norm(`dec${l}_ln2`, tf.add(x, c.out));
      x = this.norm(`dec${l}_ln3`, tf.add(x, this.ffn(`dec${l}_ff`, x)));
    }
    return dense(tf, x, this.params.get('out_w'), this.params.get('out_b'));
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
