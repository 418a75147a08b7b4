// Greedy decoding of many sentences at once (evaluation only): one batch of B sentences
// advances a token per step, instead of B separate searches.
import type * as TF from '@tensorflow/tfjs';
import type { LoadedTranslator } from './translator.ts';
import type { RnnTranslator } from '../model/rnn.ts';
import type { Transformer } from '../model/transformer.ts';
import type { LSTMState } from '../kernels/types.ts';
import { EOS } from '../model/vocab.ts';

type TFModule = typeof TF;

export function greedyBatch(tf: TFModule, t: LoadedTranslator, sources: string[][], batch = 64): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < sources.length; i += batch) out.push(...greedyChunk(tf, t, sources.slice(i, i + batch)));
  return out;
}

function greedyChunk(tf: TFModule, t: LoadedTranslator, sources: string[][]): string[][] {
  const ids = sources.map((s) => t.srcVocab.encode(s));
  const B = ids.length;
  const S = Math.max(...ids.map((x) => x.length));
  const left = t.name !== 'transformer';
  const src = new Int32Array(B * S);
  const mask = new Float32Array(B * S);
  ids.forEach((x, b) => {
    const off = left ? S - x.length : 0;
    x.forEach((id, k) => {
      src[b * S + off + k] = id;
      mask[b * S + off + k] = 1;
    });
  });
  const maxLen = Math.min(2 * S + 10, 80);
  const outIds: number[][] = ids.map(() => []);
  const done = new Array(B).fill(false);
  const srcT = tf.tensor2d(src, [B, S], 'int32');
  const maskT = tf.tensor2d(mask, [B, S]);
  if (t.name === 'transformer') {
    const m = t.model as Transformer;
    const enc = tf.tidy(() => m.encode(srcT, maskT).memory);
    const prefix = ids.map(() => [EOS]);
    for (let step = 0; step < maxLen && done.includes(false); step++) {
      const next = tf.tidy(() => {
        const T = prefix[0]!.length;
        const logits = m.decode(tf.tensor2d(prefix.flat(), [B, T], 'int32'), { memory: enc, mask: maskT });
        return logits.slice([0, T - 1, 0], [B, 1, -1]).squeeze([1]).argMax(-1);
      });
      const nv = next.dataSync();
      next.dispose();
      nv.forEach((tok, b) => {
        prefix[b]!.push(tok);
        if (!done[b]) (tok === EOS ? (done[b] = true) : outIds[b]!.push(tok));
      });
    }
    enc.dispose();
  } else {
    const m = t.model as RnnTranslator;
    const enc = tf.tidy(() => {
      const e = m.encode(srcT, maskT);
      return { outs: e.outs, mask: e.mask, states: e.states } as unknown as TF.TensorContainer;
    }) as unknown as { outs: TF.Tensor; mask: TF.Tensor; states: LSTMState[] };
    let states = enc.states;
    let prev = new Array(B).fill(EOS);
    for (let step = 0; step < maxLen && done.includes(false); step++) {
      const r = tf.tidy(() => {
        const o = m.step(tf.tensor1d(prev, 'int32'), states, { outs: enc.outs, mask: enc.mask, states: [] });
        return { next: o.logProbs.argMax(-1), states: o.states } as unknown as TF.TensorContainer;
      }) as unknown as { next: TF.Tensor; states: LSTMState[] };
      if (step > 0) for (const s of states) tf.dispose([s.h, s.c]);
      states = r.states;
      prev = Array.from(r.next.dataSync());
      r.next.dispose();
      prev.forEach((tok, b) => {
        if (!done[b]) (tok === EOS ? (done[b] = true) : outIds[b]!.push(tok));
      });
    }
    for (const s of [...states, ...enc.states]) tf.dispose([s.h, s.c]);
    tf.dispose([enc.outs]);
  }
  tf.dispose([srcT, maskT]);
  return outIds.map((x) => x.map((i) => t.tgtVocab.tokens[i] ?? '<UNK>'));
}
