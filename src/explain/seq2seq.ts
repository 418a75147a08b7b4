// /explain seq2seq — encoder–decoder, context vector, <EOS>, teacher forcing, and a worked example
// whose numbers come from the toy encoder–decoder (untrained stand-in weights; said so in the text).
import { renderBarChart } from '../render/index.ts';
import { fixed } from './math.ts';
import { buildToySeq2seq, encode, INPUT_VOCAB, OUTPUT_VOCAB, parameterCounts, TOY_SEQ2SEQ, type EncoderRun } from './toy-seq2seq.ts';
import { modelAvailable, realRun } from './shipped-translation.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';

export const EXAMPLE_INPUT = ["let's", 'go'];
export const EXAMPLE_OUTPUT = ['vamos', '<EOS>'];

const vec = (v: readonly number[]) => `[${v.map((x) => fixed(x)).join(', ')}]`;

export function contextLines(enc: EncoderRun): string {
  return enc.context.map((s, l) => `layer ${l + 1}: long ${vec(s.long)}  short ${vec(s.short)}`).join('\n');
}

export function contextChart(enc: EncoderRun) {
  const categories: string[] = [];
  const values: number[] = [];
  enc.context.forEach((s, l) => {
    s.long.forEach((v, c) => (categories.push(`L${l + 1} long ${c + 1}`), values.push(v)));
    s.short.forEach((v, c) => (categories.push(`L${l + 1} short ${c + 1}`), values.push(v)));
  });
  return renderBarChart({
    title: `Context vector after "${enc.words.join(' ')}" (toy, untrained)`,
    categories,
    series: [{ name: 'value', data: values }],
    xLabel: 'layer, memory, cell',
    yLabel: 'value',
    filename: 'seq2seq-context.png',
    alt: `Bar chart of the ${values.length} numbers of the context vector: each layer's long- and short-term memories.`,
  });
}

async function explain(input: ExplainInput): Promise<Explanation> {
  const m = buildToySeq2seq();
  const enc = encode(m, EXAMPLE_INPUT);
  const cfg = TOY_SEQ2SEQ;
  const size = enc.context.length * 2 * cfg.hidden;
  const counts = parameterCounts(cfg, INPUT_VOCAB.length, OUTPUT_VOCAB.length);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const idea =
    'A seq2seq (encoder–decoder) model turns one sequence into another whose length can differ, e.g. English "let\'s go" → Spanish "vamos".\n' +
    '- **Encoder**: each input word → embedding → a stack of LSTM layers (each layer with its own weights). After the last word, the final long- and short-term memories of every layer form the **context vector**.\n' +
    '- **Decoder**: its own LSTM layers start from the context vector. The first input is <EOS> (used as "start"); each output goes through a fully connected layer and a softmax that picks a word, and that word is the next input. It stops when it outputs <EOS> (or hits a length limit).\n' +
    '- **Teacher forcing**: in training the decoder is fed the *correct* previous word, not its own guess, so one early mistake does not spoil the rest of the sentence.\n';
  const demo =
    `\nComputed now with a toy of the notes' size (embeddings of ${cfg.embed}, ${cfg.layers} layers × ${cfg.hidden} cells; weights are untrained stand-ins, so only the flow is real): reading "${EXAMPLE_INPUT.join(' ')}" gives a context vector of ${cfg.layers} layers × 2 memories × ${cfg.hidden} cells = ${size} numbers:\n` +
    '```\n' + contextLines(enc) + '\n```';
  const title = 'Seq2seq: encoder, context vector, decoder';
  if (input.depth === 'quick') {
    const pointer = (await modelAvailable('seq2seq')) ? '\nA trained one: `/translate text:let\'s go model:seq2seq`, or `depth:deep` here.' : '\nA trained model will be shown by /translate once the translation models ship.';
    return { title, text: idea + demo + pointer, image: contextChart(enc) };
  }
  const tf = EXAMPLE_OUTPUT.map((w, i) => `step ${i + 1}: input ${i === 0 ? '<EOS>' : EXAMPLE_OUTPUT[i - 1]} → should output ${w}`).join('\n');
  return {
    title,
    text: idea + demo,
    image: contextChart(enc),
    sections: [
      {
        name: 'Worked example: "let\'s go" → "vamos"',
        value:
          `1. Encoder reads "let's": its embedding (${cfg.embed} numbers) goes into layer 1, layer 1's short-term memory into layer 2.\n` +
          '2. Encoder reads "go" with the memories left by "let\'s"; its outputs are not used, only the memories.\n' +
          `3. The ${size} final memories (above) become the decoder's starting memories: that is the whole message the decoder gets.\n` +
          '4. Decoder input <EOS> → its top short-term memory → fully connected layer → softmax over the Spanish words; a trained model puts most probability on "vamos".\n' +
          '5. "vamos" is fed back as the next input; a trained model now outputs <EOS>, and decoding stops.',
      },
      { name: 'Teacher forcing, concretely', value: '```\n' + tf + '\n```\nAt inference there is no correct answer, so each step gets the decoder\'s own previous output instead.' },
      {
        name: 'Sizes of the toy (computed from its config)',
        value:
          `input embeddings ${counts.inputEmbedding}, encoder LSTMs ${counts.encoder}, output embeddings ${counts.outputEmbedding}, decoder LSTMs ${counts.decoder}, output layer ${counts.outputLayer}: ${total} weights and biases. ` +
          `An LSTM layer has 3 gates (forget, input, output) plus the candidate memory: 4 weight blocks, each cells × (inputs + cells + 1 bias).`,
      },
      {
        name: 'Its weak spot',
        value: 'Everything the decoder knows about the input must squeeze through the fixed-size context vector, so long inputs lose detail. Attention fixes that: /explain attention.',
      },
      await realRunField(),
    ],
  };
}

export const seq2seqTopic: Topic = {
  id: 'seq2seq',
  title: 'Sequence to sequence',
  summary: 'encoder–decoder LSTMs, the context vector, <EOS> and teacher forcing, with a worked example',
  explain,
};


async function realRunField() {
  const run = await realRun('seq2seq');
  if (!run) return { name: 'A real run', value: 'A trained English→Spanish encoder–decoder will be shown by /translate once the translation models ship; this page does not invent its output.' };
  return {
    name: 'A real run (our trained seq2seq, models/translate)',
    value:
      `Just now: "${run.english}" → **${run.text}** (tokens: ${run.tokens.join(' ')}). ` +
      'Same steps as above, with learned weights: the encoder\'s final memories are the only thing the decoder gets from the input. More with `/translate model:seq2seq`.',
  };
}
