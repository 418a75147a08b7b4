// Fast inference for the LSTM translators (seq2seq, attention): one decoder step for all beams
// at once, mathematically RnnTranslator.step (the reference, used by training code and tests)
// with fewer, larger kernels for wasm, where per-op overhead dominates at this size:
// - input and recurrent projections in one fused matmul over [x, h] · [wx; wh] + b;
// - the gate arithmetic as one fused kernel (fused-ops.ts);
// - attention over the one sentence shared by all beams as plain 2-D matmuls (no tiling per beam);
// - logits and attention back to JS in one dataSync per step.
import type * as TF from '@tensorflow/tfjs';
import { tidyObject, type Stepper } from './decode.ts';
import { linear, lstmCell } from './fused-ops.ts';
import type { LSTMState, TFModule, Tensor } from './layers.ts';
import type { RnnTranslator } from './rnn.ts';

export class RnnDecoder {
  private readonly gates: Tensor[]; // per layer [1, in + H, 4H]: wx stacked over wh
  private readonly mix?: Tensor; // [1, 2H, H] attention's fully connected layer
  private readonly out: Tensor; // [1, H, V]

  constructor(
    private readonly tf: TFModule,
    private readonly model: RnnTranslator,
  ) {
    const p = (name: string) => model.params.get(name);
    const w3 = (w: Tensor) => tf.keep(w.reshape([1, ...w.shape]));
    this.gates = Array.from({ length: model.config.layers }, (_, l) => tf.tidy(() => w3(tf.concat([p(`dec${l}_wx`), p(`dec${l}_wh`)], 0))));
    if (model.config.kind === 'attention') this.mix = w3(p('att_w'));
    this.out = w3(p('out_w'));
  }

  /** Encode the source ids (one sentence) and return a stepper for beam search over it. */
  start(ids: readonly number[]): Stepper {
    const tf = this.tf;
    const model = this.model;
    const { hidden: H, layers } = model.config;
    const S = ids.length;
    const p = (name: string) => model.params.get(name);
    const enc = tidyObject(tf, () => {
      const e = model.encode(tf.tensor2d([...ids], [1, S], 'int32'), tf.ones([1, S]));
      const outs = e.outs.reshape([S, H]); // [S, H] top-layer outputs of the one sentence
      return { outs, outsT: tf.transpose(outs), states: e.states }; // outsT [H, S]
    });
    let states: LSTMState[] = enc.states;
    const disposeStates = () => tf.dispose(states.flatMap((s) => [s.h, s.c]));

    const step = (prev: number[], parents: number[]) => {
      const K = prev.length;
      const reorder = K !== states[0]!.h.shape[0] || parents.some((q, k) => q !== k);
      const out = tidyObject(tf, () => {
        const idx = reorder ? tf.tensor1d(parents, 'int32') : undefined;
        let x: Tensor = tf.gather(p('tgt_embed'), tf.tensor1d(prev, 'int32')); // [K, E]
        const next: LSTMState[] = [];
        for (let l = 0; l < layers; l++) {
          const s = states[l]!;
          const h = idx ? tf.gather(s.h, idx) : s.h; // [K, H]
          const c = idx ? tf.gather(s.c, idx) : s.c;
          const cell = lstmCell(tf, linear(tf, tf.concat([x, h], 1), this.gates[l]!, p(`dec${l}_b`)), c); // gates [K, 4H]
          next.push(cell);
          x = cell.h;
        }
        let weights: Tensor | undefined;
        if (this.mix) {
          weights = tf.softmax(tf.matMul(x as TF.Tensor2D, enc.outsT as TF.Tensor2D)); // [K, S]
          const context = tf.matMul(weights as TF.Tensor2D, enc.outs as TF.Tensor2D); // [K, H]
          x = tf.tanh(linear(tf, tf.concat([x, context], 1), this.mix, p('att_b'))); // [K, H]
        }
        // log-softmax as wasm's native Softmax + Log: tf.logSoftmax is 6 kernels, JS 2× slower
        const logProbs = tf.log(tf.softmax(linear(tf, x, this.out, p('out_b')))); // [K, V]
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

  dispose(): void {
    this.tf.dispose([...this.gates, this.out, ...(this.mix ? [this.mix] : [])]);
  }
}
