// The plain, slow decoders the fast ones (infer/transformer-decoder.ts, infer/rnn-decoder.ts) are
// checked and benchmarked against: the transformer re-runs its decoder over every hypothesis'
// whole prefix each step; the LSTM steps copy the encoder outputs per hypothesis.
import type * as TF from '@tensorflow/tfjs';
import type { Stepper } from '../../../src/nn/translate/infer/beam-search.ts';
import type { LSTMState, TFModule } from '../../../src/nn/translate/kernels/types.ts';
import type { RnnTranslator } from '../../../src/nn/translate/model/rnn.ts';
import { Transformer, type AttentionMaps } from '../../../src/nn/translate/model/transformer.ts';
import type { CrossAttentionChoice } from '../../../src/nn/translate/infer/transformer-decoder.ts';
import type { LoadedTranslator, StepperFactory } from '../../../src/nn/translate/infer/translator.ts';
import { EOS } from '../../../src/nn/translate/model/vocab.ts';

export function referenceRnnStepper(tf: TFModule, model: RnnTranslator, ids: readonly number[]): Stepper {
  const enc = tf.tidy(() => {
    const src = tf.tensor2d([...ids], [1, ids.length], 'int32');
    const e = model.encode(src, tf.ones([1, ids.length]));
    return { outs: e.outs, mask: e.mask, states: e.states } as unknown as TF.TensorContainer;
  }) as unknown as { outs: TF.Tensor; mask: TF.Tensor; states: LSTMState[] };
  const keep: TF.Tensor[] = [enc.outs, enc.mask, ...enc.states.flatMap((s) => [s.h, s.c])];
  let states: LSTMState[] = enc.states;
  let first = true;
  return {
    step: (prev, parents) => {
      const out = tf.tidy(() => {
        const K = prev.length;
        const idx = tf.tensor1d(parents, 'int32');
        const st = states.map((s) => ({ h: tf.gather(s.h, idx), c: tf.gather(s.c, idx) }));
        const encK = { outs: tf.tile(enc.outs, [K, 1, 1]), mask: tf.tile(enc.mask, [K, 1]), states: [] };
        const r = model.step(tf.tensor1d(prev, 'int32'), st, encK);
        return { logProbs: r.logProbs, attention: r.attention, states: r.states } as unknown as TF.TensorContainer;
      }) as unknown as { logProbs: TF.Tensor; attention?: TF.Tensor; states: LSTMState[] };
      if (!first) for (const s of states) tf.dispose([s.h, s.c]);
      first = false;
      states = out.states;
      const lp = out.logProbs.dataSync() as Float32Array;
      const att = out.attention ? (out.attention.dataSync() as Float32Array) : undefined;
      const V = out.logProbs.shape[1]!;
      const S = ids.length;
      const K = prev.length;
      tf.dispose([out.logProbs, ...(out.attention ? [out.attention] : [])]);
      return {
        logProbs: Array.from({ length: K }, (_, k) => lp.subarray(k * V, (k + 1) * V)),
        attention: Array.from({ length: K }, (_, k) => (att ? att.slice(k * S, (k + 1) * S) : new Float32Array(0))),
      };
    },
    dispose: () => {
      if (!first) for (const s of states) tf.dispose([s.h, s.c]);
      tf.dispose(keep);
    },
  };
}

export function referenceTransformerStepper(tf: TFModule, model: Transformer, ids: readonly number[], choice: CrossAttentionChoice): Stepper {
  const enc = tf.tidy(() => {
    const e = model.encode(tf.tensor2d([...ids], [1, ids.length], 'int32'), tf.ones([1, ids.length]));
    return { memory: e.memory, mask: e.mask };
  });
  let prefixes: number[][] = [[EOS]];
  let started = false;
  const layer = Math.min(choice.layer, model.config.decLayers - 1);
  return {
    step: (prev, parents) => {
      // first call: just the start token; later: each parent's prefix plus its new token
      prefixes = started ? prev.map((p, k) => [...prefixes[parents[k]!]!, p]) : [[EOS]];
      started = true;
      const K = prefixes.length;
      const T = prefixes[0]!.length;
      const { logProbs, att } = tf.tidy(() => {
        const maps: AttentionMaps = { encoderSelf: [], decoderCross: [] };
        const tgt = tf.tensor2d(prefixes.flat(), [K, T], 'int32');
        const encK = { memory: tf.tile(enc.memory, [K, 1, 1]), mask: tf.tile(enc.mask, [K, 1]) };
        const logits = model.decode(tgt, encK, maps); // [K, T, V]
        const last = logits.slice([0, T - 1, 0], [K, 1, -1]).squeeze([1]);
        const cross = maps.decoderCross[layer]!.slice([0, 0, T - 1, 0], [K, -1, 1, -1]).squeeze([2]); // [K, h, S]
        const a = choice.head === undefined ? cross.mean(1) : cross.slice([0, choice.head, 0], [K, 1, -1]).squeeze([1]);
        return { logProbs: tf.logSoftmax(last), att: a };
      });
      const V = logProbs.shape[1]!;
      const S = ids.length;
      const lp = logProbs.dataSync() as Float32Array;
      const av = att.dataSync() as Float32Array;
      tf.dispose([logProbs, att]);
      return {
        logProbs: Array.from({ length: K }, (_, k) => lp.subarray(k * V, (k + 1) * V)),
        attention: Array.from({ length: K }, (_, k) => av.slice(k * S, (k + 1) * S)),
      };
    },
    dispose: () => tf.dispose([enc.memory, enc.mask]),
  };
}

/** The reference decoders for a loaded translator: pass as `translateTokens(src, { stepper })`. */
export function referenceStepper(tf: TFModule, t: LoadedTranslator): StepperFactory {
  return (ids, choice) => (t.model instanceof Transformer ? referenceTransformerStepper(tf, t.model, ids, choice) : referenceRnnStepper(tf, t.model, ids));
}
