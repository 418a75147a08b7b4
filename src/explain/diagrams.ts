// One architecture diagram per /explain topic, drawn with the live numbers of that topic's own
// explainer (the same runs its text quotes), for the quick reply to lead with.
import type { ImageAttachment } from '../core/reply.ts';
import { runLstm } from '../nn/lstm-unit.ts';
import { TOY_DATA } from '../nn/predict/data.ts';
import { loadPredictModels } from '../nn/predict/model.ts';
import { predictRnn, runRnn } from '../nn/predict/rnn-unit.ts';
import { attentionDiagram, type AttentionStage } from '../render/diagram/attention.ts';
import { lstmDiagram, type LstmPart } from '../render/diagram/lstm.ts';
import { rnnDiagram } from '../render/diagram/rnn.ts';
import { seq2seqDiagram } from '../render/diagram/seq2seq.ts';
import { renderDiagram } from '../render/diagram/svg.ts';
import { transformerDiagram } from '../render/diagram/transformer.ts';
import { word2vecDiagram } from '../render/diagram/word2vec.ts';
import { attentionDemo, type AttentionDemo } from './attention.ts';
import { DEFAULT_LSTM_INPUT } from './lstm.ts';
import { softmax } from './math.ts';
import { EXAMPLE_INPUT, EXAMPLE_OUTPUT } from './seq2seq.ts';
import { buildToySeq2seq, encode, TOY_SEQ2SEQ } from './toy-seq2seq.ts';
import { selfAttentionDemo } from './transformer.ts';
import type { ExplainInput, TopicId } from './types.ts';
import { trainToyWord2vec } from './word2vec-toy.ts';

/** The /predict RNN on the notes' company B (the sequence /explain rnn talks about). */
export function rnnDiagramImage(): ImageAttachment {
  const { rnn } = loadPredictModels();
  const xs = TOY_DATA[1]!.xs;
  return renderDiagram(rnnDiagram({ days: runRnn(rnn, xs), wShared: rnn.wShared, prediction: predictRnn(rnn, xs) }));
}

/** One day of the /predict LSTM (default the last: its short-term memory is the prediction). */
export function lstmDiagramImage(values: readonly number[] = DEFAULT_LSTM_INPUT, day = values.length, highlight?: readonly LstmPart[]): ImageAttachment {
  const days = runLstm(loadPredictModels().lstm, values);
  const d = days[day - 1]!;
  return renderDiagram(lstmDiagram(d, { highlight, title: `LSTM cell, day ${d.day} of ${days.length}: input x = ${d.x.toFixed(2)}` }));
}

/** The notes' toy word2vec, trained now; input "great", whose one neighbour is "is". */
export function word2vecDiagramImage(centreWord = 'great'): ImageAttachment {
  const r = trainToyWord2vec();
  const c = Math.max(0, r.vocab.indexOf(centreWord));
  const e = r.after[c]!;
  const probabilities = softmax(r.vocab.map((_, k) => e.reduce((s, v, d) => s + v * r.outAfter[d]![k]!, 0)));
  const positives = [...new Set(r.pairs.filter(([a]) => a === r.vocab[c]).map(([, b]) => r.vocab.indexOf(b)))];
  return renderDiagram(word2vecDiagram({ vocab: r.vocab, centre: c, embedding: e, probabilities, positives }));
}

export function seq2seqDiagramImage(): ImageAttachment {
  const enc = encode(buildToySeq2seq(), EXAMPLE_INPUT);
  return renderDiagram(seq2seqDiagram({ inputs: enc.words, context: enc.context, outputs: EXAMPLE_OUTPUT, embed: TOY_SEQ2SEQ.embed }));
}

/** Decoder step `step` (0-based) of the attention demo; `stage` lights up what a step-through step computes. */
export function attentionDiagramImage(d: AttentionDemo = attentionDemo(), step = 0, stage?: AttentionStage): ImageAttachment {
  const s = d.steps[step]!;
  return renderDiagram(
    attentionDiagram(
      { words: d.input, keys: s.keys, query: s.query, decoderInput: s.decoderInput, scores: s.scores, weights: s.weights, attended: s.attended, next: d.target[step] },
      { stage, title: `Attention, decoder step ${step + 1} (input ${s.decoderInput})` },
    ),
  );
}

export function transformerDiagramImage(): ImageAttachment {
  const s = selfAttentionDemo();
  return renderDiagram(transformerDiagram({ words: s.words, outputs: ['<EOS>', ...EXAMPLE_OUTPUT.slice(0, -1)], dModel: s.x[0]!.length, selfWeights: s.weights }));
}

/** The diagram a topic's reply leads with; alice-tn (a naming question) has none. */
export function topicDiagram(id: TopicId, input: ExplainInput): ImageAttachment | undefined {
  switch (id) {
    case 'rnn':
      return rnnDiagramImage();
    case 'lstm':
      return lstmDiagramImage(input.values ?? DEFAULT_LSTM_INPUT);
    case 'word2vec':
      return word2vecDiagramImage();
    case 'seq2seq':
      return seq2seqDiagramImage();
    case 'attention':
      return attentionDiagramImage();
    case 'transformer':
      return transformerDiagramImage();
    default:
      return undefined;
  }
}
