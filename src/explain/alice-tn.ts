// /explain alice-tn — an honest answer about a name in the notes that matches no known architecture.
import type { ExplainInput, Explanation, Topic } from './types.ts';

function explain(input: ExplainInput): Explanation {
  const text =
    '"Alice TN networks" is not a standard term: we know of no published architecture by that name, so we will not make up facts about one.\n\n' +
    'What the notes say about it, "a type of RNN built on attention, which lets the network focus on specific parts of the input when predicting", matches the **encoder–decoder RNN with attention** of Bahdanau, Cho and Bengio (2015, "Neural Machine Translation by Jointly Learning to Align and Translate"): an RNN encoder and decoder where each decoder step weighs all encoder outputs instead of relying on one context vector.\n\n' +
    'For how that works, with live numbers: /explain attention.';
  if (input.depth === 'quick') return { title: 'Alice TN networks?', text };
  return {
    title: 'Alice TN networks?',
    text,
    sections: [
      {
        name: 'How to read that part of the notes',
        value:
          'Read it as notes on attention in RNNs. The name may be a note-taking or transcription slip, but we cannot confirm where it came from. Every claim the notes make in that section is true of RNN encoder–decoders with attention.',
      },
      {
        name: 'Where to go next',
        value: '/explain attention (similarity → softmax → weighted sum, step by step), /explain seq2seq (the encoder–decoder it extends), /explain transformer (attention without the RNN).',
      },
    ],
  };
}

export const aliceTnTopic: Topic = {
  id: 'alice-tn',
  title: '"Alice TN networks" (from the notes)',
  summary: 'not a standard term; what the notes describe is an RNN encoder–decoder with attention',
  explain,
};
