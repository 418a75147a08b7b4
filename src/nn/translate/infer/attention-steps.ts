// The trained attention model (models/translate/attention) decoding a sentence greedily, one
// decoder step at a time, with every intermediate the /explain attention step-through shows:
// the decoder's top state, its dot product with each encoder output, the softmax, the weighted
// sum, and the word the output layer picks.
import type * as TF from '@tensorflow/tfjs';
import { lstmStep } from '../kernels/lstm-cell.ts';
import type { LSTMState } from '../kernels/types.ts';
import { dense, embed } from '../model/layers.ts';
import { RnnTranslator } from '../model/rnn.ts';
import { normalizeEnglish } from '../model/text.ts';
import { EOS } from '../model/vocab.ts';
import { getTranslator } from './service.ts';

export interface AttentionStepNumbers {
  decoderInput: string; // <EOS> on the first step, then the previous output
  query: number[]; // decoder top short-term memory, [H]
  scores: number[]; // query · encoder output of each source word, [S]
  weights: number[]; // softmax(scores), [S]
  context: number[]; // Σ weights · encoder outputs, [H]
  chosen: string; // the output layer's most probable word
  probability: number;
  runnerUp: { word: string; probability: number };
}

export interface AttentionWalk {
  source: string[];
  encoderOutputs: number[][]; // [S][H]
  steps: AttentionStepNumbers[]; // until <EOS> is chosen (included) or maxSteps
}

export class UnknownWordsError extends Error {
  constructor(readonly words: string[]) {
    super(`unknown words: ${words.join(', ')}`);
  }
}

export async function attentionWalk(text: string, maxSteps = 12): Promise<AttentionWalk> {
  const t = await getTranslator('attention');
  if (!(t.model instanceof RnnTranslator) || t.model.config.kind !== 'attention') throw new Error('the attention model is not an RNN with attention');
  const m = t.model;
  const tf = (await import('../../runtime.ts')).tf;
  const source = normalizeEnglish(text).tokens;
  const unknown = t.unknownWords(source);
  if (unknown.length) throw new UnknownWordsError(unknown);
  const ids = t.srcVocab.encode(source);
  let walk: AttentionWalk | undefined;
  tf.tidy(() => {
    const src = tf.tensor2d([ids], [1, ids.length], 'int32');
    const enc = m.encode(src, tf.ones([1, ids.length]));
    const outs = enc.outs.squeeze([0]) as TF.Tensor2D; // [S, H]
    let states: LSTMState[] = enc.states;
    let prev = EOS;
    const steps: AttentionStepNumbers[] = [];
    for (let i = 0; i < maxSteps; i++) {
      let x = embed(tf, m.w.tgtEmbed, tf.tensor1d([prev], 'int32')); // [1, E]
      const next: LSTMState[] = [];
      m.w.dec.forEach((w, l) => {
        const s = lstmStep(tf, w, tf.add(tf.matMul(x as TF.Tensor2D, w.wx as TF.Tensor2D), w.b), states[l]!);
        next.push(s);
        x = s.h; // [1, H]
      });
      states = next;
      const scores = tf.matMul(x as TF.Tensor2D, outs, false, true); // [1, S]
      const weights = tf.softmax(scores);
      const context = tf.matMul(weights as TF.Tensor2D, outs); // [1, H]
      const mixed = tf.tanh(dense(tf, tf.concat([x, context], -1), m.w.att!.w, m.w.att!.b)); // [1, H]
      const probs = Array.from(tf.softmax(dense(tf, mixed, m.w.out.w, m.w.out.b)).dataSync()); // [V]
      const ranked = probs.map((p, id) => ({ p, id })).sort((a, b) => b.p - a.p);
      const best = ranked[0]!;
      const word = (id: number) => (id === EOS ? '<EOS>' : (t.tgtVocab.tokens[id] ?? '<UNK>'));
      steps.push({
        decoderInput: word(prev),
        query: Array.from(x.dataSync()),
        scores: Array.from(scores.dataSync()),
        weights: Array.from(weights.dataSync()),
        context: Array.from(context.dataSync()),
        chosen: word(best.id),
        probability: best.p,
        runnerUp: { word: word(ranked[1]!.id), probability: ranked[1]!.p },
      });
      if (best.id === EOS) break;
      prev = best.id;
    }
    walk = { source, encoderOutputs: outs.arraySync(), steps };
  });
  return walk!;
}
