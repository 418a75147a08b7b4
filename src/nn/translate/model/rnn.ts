// The notes' two LSTM translators in one small class:
// - seq2seq: embedding → 2-layer LSTM encoder → context (each layer's h and c) → 2-layer LSTM
//   decoder started with <EOS>, trained with teacher forcing;
// - attention: the same, plus dot-product attention over the encoder's top-layer outputs at
//   every decoder step (similarity → softmax → weighted sum → concat with the decoder state →
//   fully connected layer).
import type * as TF from '@tensorflow/tfjs';
import { maskedCrossEntropy } from '../kernels/cross-entropy.ts';
import { ParamStore, dense, embed, lstmLayer } from './layers.ts';
import { denseParams, type DenseParams } from './params.ts';
import { lstmStep } from '../kernels/lstm-cell.ts';
import type { LSTMState, LSTMWeights, TFModule, Tensor } from '../kernels/types.ts';

export interface RnnConfig {
  kind: 'seq2seq' | 'attention';
  srcVocab: number;
  tgtVocab: number;
  embed: number; // embedding size, e.g. 128
  hidden: number; // LSTM size, e.g. 256
  layers: number; // 2 in the notes
}

export interface Batch {
  src: Tensor; // [B, S] ids, left-padded
  srcMask: Tensor; // [B, S] 1 = token
  tgtIn: Tensor; // [B, T] <EOS> y1 … yn (right-padded)
  tgtOut: Tensor; // [B, T] y1 … yn <EOS>
  tgtMask: Tensor; // [B, T]
}

export interface Encoded {
  outs: Tensor; // [B, S, H] top-layer outputs
  mask: Tensor; // [B, S]
  states: LSTMState[]; // per layer, the context handed to the decoder
}

export interface StepOut {
  logProbs: Tensor; // [B, V]
  states: LSTMState[];
  attention?: Tensor; // [B, S]
}

export interface RnnParams {
  srcEmbed: TF.Variable; // [V_src, E]
  tgtEmbed: TF.Variable; // [V, E]
  enc: LSTMWeights[]; // per layer
  dec: LSTMWeights[];
  att?: DenseParams; // attention's fully connected layer [2H, H] (the attention model only)
  out: DenseParams; // [H, V]
}

export class RnnTranslator {
  readonly params: ParamStore;
  readonly w: RnnParams;

  constructor(
    private readonly tf: TFModule,
    readonly config: RnnConfig,
    seed = 1,
  ) {
    const c = config;
    const p = (this.params = new ParamStore(tf, seed));
    // N(0, 1) embeddings (as PyTorch's nn.Embedding): with std 0.1 the input signal reaching the
    // second LSTM layer at init is ~1e-3 and training sits at the unigram loss for hundreds of steps.
    // Parameters are created in the weights file's order (the initialiser's seeds follow it).
    const srcEmbed = p.add('src_embed', [c.srcVocab, c.embed], 'normal', 1);
    const tgtEmbed = p.add('tgt_embed', [c.tgtVocab, c.embed], 'normal', 1);
    const lstm = (name: string, inDim: number): LSTMWeights => {
      const wx = p.add(`${name}_wx`, [inDim, 4 * c.hidden]);
      const wh = p.add(`${name}_wh`, [c.hidden, 4 * c.hidden]);
      // forget-gate bias 1 (gates are ordered i, f, o, g)
      const init = tf.concat([tf.zeros([c.hidden]), tf.ones([c.hidden]), tf.zeros([2 * c.hidden])]);
      const b = p.add(`${name}_b`, [4 * c.hidden], 'zeros');
      b.assign(init);
      init.dispose();
      return { wx, wh, b };
    };
    const layers = (side: string) => Array.from({ length: c.layers }, (_, l) => lstm(`${side}${l}`, l === 0 ? c.embed : c.hidden));
    const enc = layers('enc');
    const dec = layers('dec');
    const att = c.kind === 'attention' ? denseParams(p, 'att', 2 * c.hidden, c.hidden) : undefined;
    this.w = { srcEmbed, tgtEmbed, enc, dec, att, out: denseParams(p, 'out', c.hidden, c.tgtVocab) };
  }

  private zeroState(batch: number): LSTMState {
    return { h: this.tf.zeros([batch, this.config.hidden]), c: this.tf.zeros([batch, this.config.hidden]) };
  }

  encode(src: Tensor, mask: Tensor): Encoded {
    const tf = this.tf;
    let x = embed(tf, this.w.srcEmbed, src); // [B, S, E]
    const states: LSTMState[] = [];
    for (const layer of this.w.enc) {
      const { out, state } = lstmLayer(tf, layer, x, this.zeroState(src.shape[0]!), mask);
      states.push(state);
      x = out; // [B, S, H]
    }
    return { outs: x, mask, states };
  }

  /**
   * Attention over encoder outputs for decoder states q [B, T, H]:
   * scores = q·encᵀ [B, T, S] → softmax (pads masked) → context = weights·enc [B, T, H].
   */
  attend(q: Tensor, enc: Encoded): { mixed: Tensor; weights: Tensor } {
    const tf = this.tf;
    const scores = tf.matMul(q as TF.Tensor3D, enc.outs as TF.Tensor3D, false, true); // [B, T, S]
    const bias = tf.mul(tf.sub(1, enc.mask), -1e9).expandDims(1); // [B, 1, S]
    const weights = tf.softmax(tf.add(scores, bias)); // [B, T, S]
    const context = tf.matMul(weights as TF.Tensor3D, enc.outs as TF.Tensor3D); // [B, T, H]
    const att = this.w.att!; // attend() is only called for the attention model
    const mixed = tf.tanh(dense(tf, tf.concat([q, context], -1), att.w, att.b)); // [B, T, H]
    return { mixed, weights };
  }

  /** Logits [B, T, V] for teacher-forced decoder inputs. */
  logits(batch: Batch): { logits: Tensor; weights?: Tensor } {
    const tf = this.tf;
    const enc = this.encode(batch.src, batch.srcMask);
    const { out } = this.w;
    let x = embed(tf, this.w.tgtEmbed, batch.tgtIn); // [B, T, E]
    this.w.dec.forEach((layer, l) => (x = lstmLayer(tf, layer, x, enc.states[l]!).out)); // [B, T, H]
    if (this.config.kind === 'seq2seq') return { logits: dense(tf, x, out.w, out.b) };
    const { mixed, weights } = this.attend(x, enc);
    return { logits: dense(tf, mixed, out.w, out.b), weights };
  }

  /** Mean cross-entropy per target token (pads masked out). */
  loss(batch: Batch): TF.Scalar {
    const tf = this.tf;
    const { logits } = this.logits(batch);
    return maskedCrossEntropy(tf, logits, batch.tgtOut, batch.tgtMask);
  }

  /** One decoder step for inference: previous tokens [B] → log-probabilities [B, V]. */
  step(prev: Tensor, states: LSTMState[], enc: Encoded): StepOut {
    const tf = this.tf;
    const { out } = this.w;
    let x = embed(tf, this.w.tgtEmbed, prev); // [B, E]
    const next: LSTMState[] = [];
    this.w.dec.forEach((w, l) => {
      const xg = tf.add(tf.matMul(x as TF.Tensor2D, w.wx as TF.Tensor2D), w.b);
      const s = lstmStep(tf, w, xg, states[l]!);
      next.push(s);
      x = s.h; // [B, H]
    });
    if (this.config.kind === 'seq2seq') {
      return { logProbs: tf.logSoftmax(dense(tf, x, out.w, out.b)), states: next };
    }
    const { mixed, weights } = this.attend(x.expandDims(1), enc);
    const logits = dense(tf, mixed.squeeze([1]), out.w, out.b);
    return { logProbs: tf.logSoftmax(logits), states: next, attention: weights.squeeze([1]) };
  }
}
