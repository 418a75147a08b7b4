// Fast transformer inference: one decoder step per output token for all beams at once.
// - Self-attention keys/values of the prefix are cached per decoder layer (and reordered with a
//   gather when beams change parents), so a step only runs the new token through the decoder.
// - Encoder–decoder attention reads one sentence shared by all beams, so its keys/values are
//   computed once and folded into two matrices per layer (see crossAttention below).
// - Residual + layer norm is one fused kernel (fused-ops.ts), dense layers are fused matmuls, and
//   logits + attention come back to JS in one dataSync: on wasm, per-op overhead dominates here.
// The full-recompute decoder (Transformer.decode) stays the reference; tests compare the two.
import type * as TF from '@tensorflow/tfjs';
import { tidyObject, type Stepper } from './beam-search.ts';
import { addLayerNorm, appendKeysValues, gatherRows, linear } from '../kernels/fused-ops.ts';
import type { TFModule, Tensor } from '../kernels/types.ts';
import type { DecoderLayerParams, EncoderLayerParams, Transformer } from '../model/transformer.ts';

export interface CrossAttentionChoice {
  layer: number; // decoder layer whose encoder–decoder attention is returned
  head?: number; // one head, or undefined to average the heads
}

interface LayerWeights {
  qkv: Tensor; // [1, D, 3D] self-attention q | k | v in one matmul, q pre-scaled by 1/√dh
  qkvBias: Tensor; // [3D]
  selfOut: Tensor; // [1, D, D]
  ff1: Tensor; // [1, D, ff]
  ff2: Tensor; // [1, ff, D]
}

interface EncoderLayerWeights {
  qkv: Tensor; // [1, D, 3D] q (pre-scaled by 1/√dh) | k | v
  qkvBias: Tensor; // [3D]
  selfOut: Tensor; // [1, D, D]
  ff1: Tensor; // [1, D, ff]
  ff2: Tensor; // [1, ff, D]
}

interface Cache {
  keys: Tensor; // [K, h, t, dh]
  values: Tensor; // [K, h, t, dh]
}

/**
 * Encoder–decoder attention of one decoder layer for a fixed sentence of S tokens, as two
 * matrices. With the sentence's keys Kₕ [S, dh] and values Vₕ [S, dh] per head h, the scores
 * of all heads for a decoder state x [K, D] are x·Wq·M + bq·M where M [D, h·S] is block
 * diagonal with blocks Kₕᵀ/√dh, and the output is softmax(scores)·N·Wo + bo where N [h·S, D]
 * is block diagonal with blocks Vₕ. So a step costs two fused matmuls and a softmax.
 */
interface CrossAttention {
  scores: Tensor; // Wq·M [1, D, h·S]
  scoresBias: Tensor; // bq·M [h·S]
  out: Tensor; // N·Wo [1, h·S, D]
}

export class TransformerDecoder {
  private readonly encoder: EncoderLayerWeights[];
  private readonly srcEmbedding: Tensor; // [V_src, D] source embeddings already × √D
  private readonly layers: LayerWeights[];
  private readonly embedding: Tensor; // [V, D] target embeddings already × √D
  private readonly out: Tensor; // [1, D, V]

  constructor(
    private readonly tf: TFModule,
    private readonly model: Transformer,
  ) {
    const { dModel: D, heads } = model.config;
    const w = model.w;
    const scale = 1 / Math.sqrt(D / heads);
    const w3 = (x: Tensor) => x.reshape([1, ...x.shape]);
    const selfAttention = (layer: EncoderLayerParams | DecoderLayerParams) => ({
      qkv: tf.concat([tf.mul(layer.self.wq, scale), layer.self.wk, layer.self.wv], 1).reshape([1, D, 3 * D]),
      qkvBias: tf.concat([tf.mul(layer.self.bq, scale), layer.self.bk, layer.self.bv]),
      selfOut: w3(layer.self.wo),
      ff1: w3(layer.ff.w1),
      ff2: w3(layer.ff.w2),
    });
    [this.encoder, this.srcEmbedding, this.layers, this.embedding, this.out] = tidyObject(tf, () => [
      w.enc.map(selfAttention),
      tf.mul(w.srcEmbed, Math.sqrt(D)),
      w.dec.map(selfAttention),
      tf.mul(w.tgtEmbed, Math.sqrt(D)),
      w3(w.out.w),
    ] as const);
    for (const t of this.owned()) tf.keep(t);
  }

  private owned(): Tensor[] {
    const layer = (w: EncoderLayerWeights) => [w.qkv, w.qkvBias, w.selfOut, w.ff1, w.ff2];
    return [this.srcEmbedding, this.embedding, this.out, ...this.encoder.flatMap(layer), ...this.layers.flatMap(layer)];
  }

  /**
   * The encoder over one sentence (Transformer.encode with fused kernels and no padding mask):
   * memory [1, S, D]. `maps` collects each layer's self-attention weights [h, S, S].
   */
  encode(ids: readonly number[], maps?: Tensor[]): Tensor {
    const tf = this.tf;
    const { heads, dModel: D, encLayers } = this.model.config;
    const dh = D / heads;
    const S = ids.length;
    let x = tf.add(gatherRows(tf, this.srcEmbedding, ids), this.model.pe.slice([0, 0], [S, D])).reshape([1, S, D]);
    for (let l = 0; l < encLayers; l++) {
      const w = this.encoder[l]!;
      const layer = this.model.w.enc[l]!;
      const qkv = tf.transpose(linear(tf, x, w.qkv, w.qkvBias).reshape([S, 3, heads, dh]), [1, 2, 0, 3]); // [3, h, S, dh]
      const [q, k, v] = tf.unstack(qkv) as TF.Tensor3D[];
      const weights = tf.softmax(tf.matMul(q!, k!, false, true)); // [h, S, S]
      maps?.push(weights);
      const ctx = tf.transpose(tf.matMul(weights, v!), [1, 0, 2]).reshape([1, S, D]);
      x = addLayerNorm(tf, x, linear(tf, ctx, w.selfOut, layer.self.bo), layer.ln1.g, layer.ln1.b);
      const ff = linear(tf, linear(tf, x, w.ff1, layer.ff.b1, 'relu'), w.ff2, layer.ff.b2);
      x = addLayerNorm(tf, x, ff, layer.ln2.g, layer.ln2.b);
    }
    return x;
  }

  /** Encode the source ids (one sentence) and return a stepper for beam search over it. */
  start(ids: readonly number[], choice: CrossAttentionChoice): Stepper {
    const tf = this.tf;
    const { heads, dModel: D, decLayers } = this.model.config;
    const dh = D / heads;
    const S = ids.length;
    const cross = this.crossAttention(ids);
    const layer = Math.min(Math.max(choice.layer, 0), decLayers - 1);
    const head = choice.head === undefined ? undefined : Math.min(Math.max(choice.head, 0), heads - 1);
    const empty = tf.zeros([1, heads, 0, dh]);
    let caches: Cache[] = Array.from({ length: decLayers }, () => ({ keys: empty, values: empty }));
    let t = 0;
    const disposeCaches = () => tf.dispose(caches.flatMap((c) => [c.keys, c.values]).filter((x) => x !== empty));

    const step = (prev: number[], parents: number[]) => {
      const K = prev.length;
      const out = tidyObject(tf, () => {
        const pe = this.model.pe.slice([t, 0], [1, D]);
        let x: Tensor = tf.add(gatherRows(tf, this.embedding, prev), pe).reshape([1, K, D]);
        const next: Cache[] = [];
        let chart: Tensor | undefined;
        for (let l = 0; l < decLayers; l++) {
          const w = this.layers[l]!;
          const params = this.model.w.dec[l]!;
          // masked self-attention: this token over the cached prefix (each beam its parent's) and itself
          const a = appendKeysValues(tf, linear(tf, x, w.qkv, w.qkvBias), caches[l]!.keys, caches[l]!.values, parents);
          next.push({ keys: a.keys, values: a.values });
          const selfW = tf.softmax(tf.matMul(a.q as TF.Tensor4D, a.keys as TF.Tensor4D, false, true)); // [K, h, 1, t+1]
          const ctx = tf.matMul(selfW as TF.Tensor4D, a.values as TF.Tensor4D).reshape([1, K, D]);
          x = addLayerNorm(tf, x, linear(tf, ctx, w.selfOut, params.self.bo), params.ln1.g, params.ln1.b);
          // encoder–decoder attention (precomputed per sentence)
          const c = cross[l]!;
          const crossW = tf.softmax(linear(tf, x, c.scores, c.scoresBias).reshape([K, heads, S])); // [K, h, S]
          if (l === layer) chart = crossW;
          x = addLayerNorm(tf, x, linear(tf, crossW.reshape([1, K, heads * S]), c.out, params.cross.bo), params.ln2.g, params.ln2.b);
          // feed-forward
          const ff = linear(tf, linear(tf, x, w.ff1, params.ff.b1, 'relu'), w.ff2, params.ff.b2);
          x = addLayerNorm(tf, x, ff, params.ln3.g, params.ln3.b);
        }
        // log-softmax as wasm's native Softmax + Log: tf.logSoftmax is 6 kernels, JS 2× slower
        const logProbs = tf.log(tf.softmax(linear(tf, x, this.out, this.model.w.out.b))); // [1, K, V]
        return { flat: tf.concat([logProbs.reshape([-1]), chart!.reshape([-1])]), next };
      });
      disposeCaches();
      caches = out.next;
      t++;
      const all = out.flat.dataSync() as Float32Array; // the step's one read back
      out.flat.dispose();
      const V = (all.length - K * heads * S) / K;
      return {
        logProbs: Array.from({ length: K }, (_, k) => all.subarray(k * V, (k + 1) * V)),
        attention: Array.from({ length: K }, (_, k) => pickHeads(all.subarray(K * V + k * heads * S, K * V + (k + 1) * heads * S), heads, S, head)),
      };
    };
    return {
      step,
      dispose: () => {
        disposeCaches();
        caches = [];
        tf.dispose([empty, ...cross.flatMap((c) => [c.scores, c.scoresBias, c.out])]);
      },
    };
  }

  /** Encode one sentence and fold each decoder layer's encoder–decoder attention (see CrossAttention). */
  private crossAttention(ids: readonly number[]): CrossAttention[] {
    const tf = this.tf;
    const { heads, dModel: D, decLayers } = this.model.config;
    const dh = D / heads;
    const S = ids.length;
    const layers = this.model.w.dec;
    const kv = tf.tidy(() => {
      const memory = this.encode(ids).reshape([S, D]);
      const parts: Tensor[] = [];
      for (const { cross } of layers) {
        parts.push(tf.add(tf.matMul(memory as TF.Tensor2D, cross.wk as TF.Tensor2D), cross.bk));
        parts.push(tf.add(tf.matMul(memory as TF.Tensor2D, cross.wv as TF.Tensor2D), cross.bv));
      }
      return tf.stack(parts); // [2·layers, S, D]
    });
    const all = kv.dataSync() as Float32Array;
    kv.dispose();
    return Array.from({ length: decLayers }, (_, l) => {
      const keys = all.subarray(2 * l * S * D, (2 * l + 1) * S * D); // [S, D]
      const values = all.subarray((2 * l + 1) * S * D, (2 * l + 2) * S * D);
      const M = new Float32Array(D * heads * S); // [D, h·S]
      const N = new Float32Array(heads * S * D); // [h·S, D]
      const scale = 1 / Math.sqrt(dh);
      for (let h = 0; h < heads; h++) {
        for (let s = 0; s < S; s++) {
          for (let j = 0; j < dh; j++) {
            const f = h * dh + j; // feature of head h
            M[f * heads * S + h * S + s] = keys[s * D + f]! * scale;
            N[(h * S + s) * D + f] = values[s * D + f]!;
          }
        }
      }
      return tf.tidy(() => {
        const m = tf.tensor2d(M, [D, heads * S]);
        return {
          scores: tf.matMul(layers[l]!.cross.wq as TF.Tensor2D, m).reshape([1, D, heads * S]),
          // a fresh rank-1 tensor: wasm's fused matmul checks the rank its bias was created with
          scoresBias: tf.sum(tf.mul(layers[l]!.cross.bq.reshape([D, 1]), m), 0),
          out: tf.matMul(tf.tensor2d(N, [heads * S, D]), layers[l]!.cross.wo as TF.Tensor2D).reshape([1, heads * S, D]),
        };
      });
    });
  }

  dispose(): void {
    this.tf.dispose(this.owned());
  }
}

/** Attention over S source tokens from per-head weights [h, S]: one head, or their mean. */
function pickHeads(w: Float32Array, heads: number, S: number, head?: number): Float32Array {
  if (head !== undefined) return w.slice(head * S, (head + 1) * S);
  const out = new Float32Array(S);
  for (let h = 0; h < heads; h++) for (let s = 0; s < S; s++) out[s]! += w[h * S + s]! / heads;
  return out;
}
