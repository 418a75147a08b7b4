// Fast inference for the LSTM translators (seq2seq, attention): the encoder over one sentence,
// then one decoder step for all beams at once; mathematically RnnTranslator.encode and .step
// (the reference, used by training code and tests) with fewer, larger kernels for wasm, where
// per-op overhead dominates at this size:
// - input and recurrent projections in one fused matmul over [x, h] · [wx; wh] + b;
// - no padding mask: one sentence has no padding;
// - the gate arithmetic as one fused kernel (fused-ops.ts);
// - attention over the one sentence shared by all beams as plain 2-D matmuls (no tiling per beam);
// - logits and attention back to JS in one dataSync per step.
import type * as TF from '@tensorflow/tfjs';
import { tidyObject, type Stepper } from './beam-search.ts';
import { gatherRows, linear, lstmCell } from '../kernels/fused-ops.ts';
import type { LSTMState, LSTMWeights, TFModule, Tensor } from '../kernels/types.ts';
import type { RnnTranslator } from '../model/rnn.ts';

export class RnnDecoder {
  private readonly gates: Tensor[]; // per decoder layer [1, in + H, 4H]: wx stacked over wh
  private readonly encGates: Tensor[]; // the same per encoder layer
  private readonly mix?: Tensor; // [1, 2H, H] attention's fully connected layer
  private readonly out: Tensor; // [1, H, V]

  constructor(
    private readonly tf: TFModule,
    private readonly model: RnnTranslator,
  ) {
    const w3 = (w: Tensor) => tf.keep(w.reshape([1, ...w.shape]));
    const stacked = (layers: LSTMWeights[]) => layers.map((l) => tf.tidy(() => w3(tf.concat([l.wx, l.wh], 0))));
    this.gates = stacked(model.w.dec);
    this.encGates = stacked(model.w.enc);
    if (model.w.att) this.mix = w3(model.w.att.w);
    this.out = w3(model.w.out.w);
  }

  /** Encode the source ids (one sentence) and return a stepper for beam search over it. */
  start(ids: readonly number[]): Stepper {
    const tf = this.tf;
    const model = this.model;
    const { layers } = model.config;
    const w = model.w;
    const S = ids.length;
    const enc = tidyObject(tf, () => {
      const e = this.encode(ids);
      return { outs: e.outs, outsT: tf.transpose(e.outs), states: e.states }; // outsT [H, S]
    });
    let states: LSTMState[] = enc.states;
    const disposeStates = () => tf.dispose(states.flatMap((s) => [s.h, s.c]));

    const step = (prev: number[], parents: number[]) => {
      const K = prev.length;
      const reorder = K !== states[0]!.h.shape[0] || parents.some((q, k) => q !== k);
      const out = tidyObject(tf, () => {
        let x: Tensor = gatherRows(tf, w.tgtEmbed, prev); // [K, E]
        const next: LSTMState[] = [];
        for (let l = 0; l < layers; l++) {
          const s = states[l]!;
          const h = reorder ? gatherRows(tf, s.h, parents) : s.h; // [K, H]
          const c = reorder ? gatherRows(tf, s.c, parents) : s.c;
          const cell = lstmCell(tf, linear(tf, tf.concat([x, h], 1), this.gates[l]!, w.dec[l]!.b), c); // gates [K, 4H]
          next.push(cell);
          x = cell.h;
        }
        let weights: Tensor | undefined;
        if (this.mix) {
          weights = tf.softmax(tf.matMul(x as TF.Tensor2D, enc.outsT as TF.Tensor2D)); // [K, S]
          const context = tf.matMul(weights as TF.Tensor2D, enc.outs as TF.Tensor2D); // [K, H]
          x = tf.tanh(linear(tf, tf.concat([x, context], 1), this.mix, w.att!.b)); // [K, H]
        }
        // log-softmax as wasm's native Softmax + Log: tf.logSoftmax is 6 kernels, JS 2× slower
        const logProbs = tf.log(tf.softmax(linear(tf, x, this.out, w.out.b))); // [K, V]
        const flat = weights ? tf.concat([logProbs.reshape([-1]), weights.reshape([-1])]) : logProbs.reshape([-1]);
        return { flat, next, V: logProbs.shape[1]! };
      });
      disposeStates();
      states = out.next;
      const all = out.flat.dataSync() as Float32Array; // the step's one read back
      out.flat.dispose();
      const V = out.V;
      return {
        logProbs: Array.from({ length: K }, (_, k) => all.subarray(k * V, (k + 1) * V)),
        attention: Array.from({ length: K }, (_, k) => (this.mix ? all.slice(K * V + k * S, K * V + (k + 1) * S) : new Float32Array(0))),
      };
    };
    return {
      step,
      dispose: () => {
        disposeStates();
        states = [];
        tf.dispose([enc.outs, enc.outsT]);
      },
    };
  }

  /** The encoder over one sentence: top-layer outputs [S, H] and each layer's final state. */
  private encode(ids: readonly number[]): { outs: Tensor; states: LSTMState[] } {
    const tf = this.tf;
    const { hidden: H, layers } = this.model.config;
    const w = this.model.w;
    let xs: Tensor[] = tf.unstack(gatherRows(tf, w.srcEmbed, ids)).map((x) => x.reshape([1, -1])); // S × [1, E]
    const states: LSTMState[] = [];
    for (let l = 0; l < layers; l++) {
      let s: LSTMState = { h: tf.zeros([1, H]), c: tf.zeros([1, H]) };
      xs = xs.map((x) => (s = lstmCell(tf, linear(tf, tf.concat([x, s.h], 1), this.encGates[l]!, w.enc[l]!.b), s.c)).h);
      states.push(s);
    }
    return { outs: tf.concat(xs, 0), states }; // [S, H]
  }

  dispose(): void {
    this.tf.dispose([...this.gates, ...this.encGates, this.out, ...(this.mix ? [this.mix] : [])]);
  }
}
