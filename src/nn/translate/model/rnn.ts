// The notes' two LSTM translators in one small class:
// - seq2seq: embedding → 2-layer LSTM encoder → context (each layer's h and c) → 2-layer LSTM
//   decoder started with <EOS>, trained with teacher forcing;
// - attention: the same, plus dot-product attention over the encoder's top-layer outputs at
//   every decoder step (similarity → softmax → weighted sum → concat with the decoder state →
//   fully connected layer).
import type * as TF from '@tensorflow/tfjs';
import { maskedCrossEntropy } from '../kernels/cross-entropy.ts';
import { ParamStore, dense, embed, lstmLayer } from './layers.ts';
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

export class RnnTranslator {
  readonly params: ParamStore;

  constructor(
    private readonly tf: TFModule,
    readonly config: RnnConfig,
    seed = 1,
  ) {
    const c = config;
    const p = (this.params = new ParamStore(tf, seed));
    // N(0, 1) embeddings (as PyTorch's nn.Embedding): with std 0.1 the input signal reaching the
    // second LSTM layer at init is ~1e-3 and training sits at the unigram loss for hundreds of steps
    p.add('src_embed', [c.srcVocab, c.embed], 'normal', 1);
    p.add('tgt_embed', [c.tgtVocab, c.embed], 'normal', 1);
    for (const side of ['enc', 'dec']) {
      for (let l = 0; l < c.layers; l++) {
        p.add(`${side}${l}_wx`, [l === 0 ? c.embed : c.hidden, 4 * c.hidden]);
        p.add(`${side}${l}_wh`, [c.hidden, 4 * c.hidden]);
        // forget-gate bias 1 (gates are ordered i, f, o, g)
        const b = tf.concat([tf.zeros([c.hidden]), tf.ones([c.hidden]), tf.zeros([2 * c.hidden])]);
        p.add(`${side}${l}_b`, [4 * c.hidden], 'zeros').assign(b);
        b.dispose();
      }
    }
    if (c.kind === 'attention') {
      p.add('att_w', [2 * c.hidden, c.hidden]);
      p.add('att_b', [c.hidden], 'zeros');
    }
    p.add('out_w', [c.hidden, c.tgtVocab]);
    p.add('out_b', [c.tgtVocab], 'zeros');
  }

  private lstm(side: 'enc' | 'dec', l: number): LSTMWeights {
    const p = this.params;
    return { wx: p.get(`${side}${l}_wx`), wh: p.get(`${side}${l}_wh`), b: p.get(`${side}${l}_b`) };
  }

  private zeroState(batch: number): LSTMState {
    return { h: this.tf.zeros([batch, this.config.hidden]), c: this.tf.zeros([batch, this.config.hidden]) };
  }

  encode(src: Tensor, mask: Tensor): Encoded {
    const tf = this.tf;
    let x = embed(tf, this.params.get('src_embed'), src); // [B, S, E]
    const states: LSTMState[] = [];
    for (let l = 0; l < this.config.layers; l++) {
      const { out, state } = lstmLayer(tf, this.lstm('enc', l), x, this.zeroState(src.shape[0]!), mask);
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
    const mixed = tf.tanh(dense(tf, tf.concat([q, context], -1), this.params.get('att_w'), this.params.get('att_b'))); // [B, T, H]
    return { mixed, weights };
  }

  /** Logits [B, T, V] for teacher-forced decoder inputs. */
  logits(batch: Batch): { logits: Tensor; weights?: Tensor } {
    const tf = this.tf;
    const enc = this.encode(batch.src, batch.srcMask);
    let x = embed(tf, this.params.get('tgt_embed'), batch.tgtIn); // [B, T, E]
    for (let l = 0; l < this.config.layers; l++) x = lstmLayer(tf, this.lstm('dec', l), x, enc.states[l]!).out; // [B, T, H]
    if (this.config.kind === 'seq2seq') return { logits: dense(tf, x, this.params.get('out_w'), this.params.get('out_b')) };
    const { mixed, weights } = this.attend(x, enc);
    return { logits: dense(tf, mixed, this.params.get('out_w'), this.params.get('out_b')), weights };
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
    let x = embed(tf, this.params.get('tgt_embed'), prev); // [B, E]
    const next: LSTMState[] = [];
    for (let l = 0; l < this.config.layers; l++) {
      const w = this.lstm('dec', l);
      const xg = tf.add(tf.matMul(x as TF.Tensor2D, w.wx as TF.Tensor2D), w.b);
      const s = lstmStep(tf, w, xg, states[l]!);
      next.push(s);
      x = s.h; // [B, H]
    }
    if (this.config.kind === 'seq2seq') {
      return { logProbs: tf.logSoftmax(dense(tf, x, this.params.get('out_w'), this.params.get('out_b'))), states: next };
    }
    const { mixed, weights } = this.attend(x.expandDims(1), enc);
    const logits = dense(tf, mixed.squeeze([1]), this.params.get('out_w'), this.params.get('out_b'));
    return { logProbs: tf.logSoftmax(logits), states: next, attention: weights.squeeze([1]) };
  }
}
