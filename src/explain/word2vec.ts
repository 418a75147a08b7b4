// /explain word2vec — the notes' tiny example trained live, CBOW vs skip-gram windows, negative sampling.
import { renderScatter } from '../render/index.ts';
import { fixed } from './math.ts';
import { neighboursLine, shippedNeighbours } from './shipped-neighbours.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';
import { contextWindow, cosine, nearest, NOTES_SENTENCES, skipGramPairs, TOY_W2V, trainToyWord2vec, type ToyW2vResult } from './word2vec-toy.ts';

export const WINDOW_SENTENCE = 'gymkata is a great film to watch with friends'.split(' ');
export const WINDOW_CENTRE = 4; // "film"
export const WINDOW_SIZE = 2;

/** word2vec's published Google News vectors: about 3 million words and phrases, 300 numbers each. */
export const BIG = { vocab: 3_000_000, dims: 300, negatives: 5 };

/** After training, each word's two weights as a ray from the origin: cosine similarity is the angle between rays. */
export function w2vChart(r: ToyW2vResult) {
  const ORIGIN = '0';
  const cos = (a: readonly number[], b: readonly number[]) => (a[0]! * b[0]! + a[1]! * b[1]!) / (Math.hypot(a[0]!, a[1]!) * Math.hypot(b[0]!, b[1]!));
  const i = r.vocab.indexOf('troll 2');
  const j = r.vocab.indexOf('gymkata');
  return renderScatter({
    title: 'After training: two weights per word, as rays from 0',
    points: [
      { x: 0, y: 0, label: ORIGIN, group: 'origin' },
      ...r.vocab.map((w, k) => ({ x: r.after[k]![0]!, y: r.after[k]![1]!, label: w, group: 'word' })),
    ],
    arrows: r.vocab.map((w) => ({ from: ORIGIN, to: w })),
    equalAspect: true,
    xLabel: 'weight 1',
    yLabel: 'weight 2',
    filename: 'word2vec-toy.png',
    alt:
      `Scatter of ${r.vocab.length} words' two trained weights, each drawn as a ray from the origin; words used in the same places point the same way` +
      (i >= 0 && j >= 0 ? ` (troll 2 and gymkata: cosine ${fixed(cos(r.after[i]!, r.after[j]!))}).` : '.'),
  });
}

export function windowDrawing(): string {
  const w = contextWindow(WINDOW_SENTENCE, WINDOW_CENTRE, WINDOW_SIZE);
  const ctx = [...w.left, ...w.right];
  const marked = WINDOW_SENTENCE.map((word, i) =>
    i === WINDOW_CENTRE ? `[${word.toUpperCase()}]` : Math.abs(i - WINDOW_CENTRE) <= WINDOW_SIZE ? `(${word})` : word,
  ).join(' ');
  const cbowExamples = WINDOW_SENTENCE.length;
  const sgPairs = skipGramPairs([WINDOW_SENTENCE], WINDOW_SIZE).length;
  return (
    '```\n' +
    `window ${WINDOW_SIZE}:  ${marked}\n` +
    `CBOW:      ${ctx.join(' + ')}  ->  ${w.centre}\n` +
    `skip-gram: ${w.centre}  ->  ${ctx.join(' | ')}\n` +
    '```\n' +
    `Over the whole sentence that is ${cbowExamples} CBOW examples (one per centre word) or ${sgPairs} skip-gram (centre, neighbour) pairs.`
  );
}

function pairSimilarity(r: ToyW2vResult, a: string, b: string, which: 'before' | 'after'): number {
  const i = r.vocab.indexOf(a);
  const j = r.vocab.indexOf(b);
  return cosine(r[which][i]!, r[which][j]!);
}

export function negativeSamplingNumbers() {
  const full = BIG.vocab * BIG.dims;
  const sampled = (BIG.negatives + 1) * BIG.dims;
  return { full, sampled, ratio: full / sampled };
}

async function explain(input: ExplainInput): Promise<Explanation> {
  const r = trainToyWord2vec();
  const shipped = await shippedNeighbours();
  const neighbours = shipped ? neighboursLine(shipped) : 'Nearest neighbours in our big trained vectors: /neighbors will show them.';
  const before = pairSimilarity(r, 'troll 2', 'gymkata', 'before');
  const after = pairSimilarity(r, 'troll 2', 'gymkata', 'after');
  const ns = negativeSamplingNumbers();
  const sentences = NOTES_SENTENCES.map((s) => `"${s.join(' ')}"`).join(' and ');
  const demo =
    `Just now, on the notes' ${sentences}: ${r.vocab.length} words, ${TOY_W2V.dims} weights each, ${r.pairs.length} (word, neighbour) pairs, ` +
    `${TOY_W2V.steps} steps of softmax + cross-entropy in ${r.ms.toFixed(1)} ms (loss ${fixed(r.lossStart)} → ${fixed(r.lossEnd)}). ` +
    `*troll 2* and *gymkata* are used the same way (both sit before "is"), and their cosine similarity went from ${fixed(before)} to **${fixed(after)}**.`;
  const idea =
    'Networks need numbers, not words. Giving each word random numbers works as a label but carries no meaning: similar words would get unrelated numbers. ' +
    'word2vec learns the numbers instead: a tiny network is trained to predict the words around each word, and the weights each word uses become its embedding. Words that appear in similar contexts end up with similar numbers.\n\n';
  const title = 'Word embeddings and word2vec';
  if (input.depth === 'quick') {
    return {
      title,
      text:
        idea +
        demo +
        '\n\n**CBOW** predicts a word from its neighbours; **skip-gram** predicts the neighbours from the word. **Negative sampling** makes a huge vocabulary affordable: each step updates the right word and a few random "wrong" ones, not all of them. ' +
        neighbours,
      image: w2vChart(r),
    };
  }
  const nn = nearest(r.vocab, r.after);
  return {
    title,
    text: idea + demo,
    image: w2vChart(r),
    sections: [
      {
        name: 'The tiny network',
        value:
          `Input: one-hot word (${r.vocab.length} inputs). Hidden: ${TOY_W2V.dims} units with no activation, so the hidden values are exactly the input word's ${TOY_W2V.dims} weights. ` +
          `Output: one score per word → softmax → probabilities; cross-entropy loss against the real neighbour; backpropagation updates the weights. ` +
          '(The notes say "softmax and cross validation" here; the loss meant is cross-entropy, an easy slip with names this close. Cross-validation is something else: holding out parts of the data to test a model.) ' +
          `Nearest word after training (cosine similarity): ${nn.map((x) => `${x.word} → ${x.nearest} (${fixed(x.similarity)})`).join('; ')}. ` +
          'In two sentences, "great" also only ever sits next to "is", so it lands with the film names: the network can only learn from the contexts it sees.',
      },
      { name: 'CBOW vs skip-gram, on a real sentence', value: windowDrawing() },
      {
        name: 'Negative sampling',
        value:
          `Real vocabularies are big: word2vec's Google News vectors have about ${BIG.vocab.toLocaleString('en-US')} words with ${BIG.dims} numbers each. A full softmax scores every word, so each example touches ${ns.full.toLocaleString('en-US')} output weights. ` +
          `Negative sampling turns it into yes/no questions: raise the score of the real neighbour and lower it for ${BIG.negatives} randomly drawn words (frequent words drawn more often), touching ${ns.sampled.toLocaleString('en-US')} output weights, ${Math.round(ns.ratio).toLocaleString('en-US')}× fewer.`,
      },
      {
        name: 'Word embeddings vs word2vec: which when',
        value:
          '*Word embedding* is the general idea: a learned vector per word. *word2vec* (Mikolov et al., 2013) is one way to learn them, from unlabelled text with CBOW or skip-gram; its vectors are fixed afterwards, one per word whatever the sentence. ' +
          'Use pretrained word2vec-style vectors for similarity search, clustering, or as features when you have little labelled data. ' +
          'Use an embedding layer trained with the model (as in seq2seq and transformers) when you have task data: it learns what the task needs. ' +
          'Transformers go further and give a different vector per occurrence ("bank" of a river vs a bank account).',
      },
      { name: 'Our trained vectors', value: shipped ? neighboursLine(shipped) : 'Nearest neighbours from the vectors we train on a real corpus: /neighbors will show them. This page never makes them up.' },
    ],
  };
}

export const word2vecTopic: Topic = {
  id: 'word2vec',
  title: 'Word embeddings and word2vec',
  summary: 'learning numbers for words by predicting their neighbours, trained live on the notes\' example',
  explain,
};
