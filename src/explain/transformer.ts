// /explain transformer — positional encoding (computed by the formula) and self-attention with
// query/key/value numbers for a 2-word sentence (seeded stand-in weights, said so in the text).
import { renderLineChart } from '../render/index.ts';
import { addVec, dot, fixed, matVec, percent, positionalEncodingRow, seededMatrix, seededRandom, softmax, weightedSum } from './math.ts';
import { buildToySeq2seq, INPUT_VOCAB } from './toy-seq2seq.ts';
import type { ExplainInput, Explanation, Topic } from './types.ts';
import { transformerLayer } from './shipped-translation.ts';

type LayerNumbers = NonNullable<Awaited<ReturnType<typeof transformerLayer>>>;

export const PE_POSITIONS = 64;
/** Our transformer's vector size (models/translate/transformer) and the dimensions drawn as lines. */
export const PE_DIMS = 128;
export const PE_SHOWN = [0, 16, 40, 64] as const;
export const SELF_ATTENTION_WORDS = ["let's", 'go'];

/** A few dimensions as lines over many positions: the fast waves and the slow ones both show. */
export function positionalChart() {
  const x = Array.from({ length: PE_POSITIONS }, (_, p) => p);
  const rows = x.map((p) => positionalEncodingRow(p, PE_DIMS));
  const wave = (dim: number) => 2 * Math.PI * Math.pow(10000, (2 * Math.floor(dim / 2)) / PE_DIMS);
  return renderLineChart({
    title: `Positional encoding, d = ${PE_DIMS}: sin waves of 4 dimensions`,
    x,
    series: PE_SHOWN.map((dim) => ({ name: `dim ${dim} (period ${Math.round(wave(dim))})`, data: rows.map((r) => r[dim]!) })),
    yMin: -1,
    yMax: 1,
    xLabel: 'position in the sentence',
    yLabel: 'value',
    filename: 'positional-encoding.png',
    alt:
      `Line chart of sinusoidal positional encodings (d = ${PE_DIMS}) over positions 0 to ${PE_POSITIONS - 1}: ` +
      PE_SHOWN.map((dim) => `dimension ${dim} repeats every ${Math.round(wave(dim))} positions`).join(', ') + '; low dimensions wave fast, high ones slowly.',
  });
}

export interface SelfAttentionDemo {
  words: string[];
  embeddings: number[][]; // [word][2]
  positions: number[][]; // [word][2]
  x: number[][]; // embedding + position
  q: number[][];
  k: number[][];
  v: number[][];
  scores: number[][]; // [query word][key word], scaled by 1/√d
  weights: number[][]; // softmax per row
  out: number[][]; // Σ weights · v
  residual: number[][]; // out + x
}

export function selfAttentionDemo(words: readonly string[] = SELF_ATTENTION_WORDS): SelfAttentionDemo {
  const m = buildToySeq2seq();
  const d = m.cfg.embed;
  const rand = seededRandom(1706); // query/key/value weights: stand-ins, shared by every word
  const [wq, wk, wv] = [0, 1, 2].map(() => seededMatrix(rand, d, d));
  const embeddings = words.map((w) => m.inEmbed[INPUT_VOCAB.indexOf(w as (typeof INPUT_VOCAB)[number])]!);
  const positions = words.map((_, p) => positionalEncodingRow(p, d));
  const x = embeddings.map((e, i) => addVec(e, positions[i]!));
  const q = x.map((xi) => matVec(wq!, xi));
  const k = x.map((xi) => matVec(wk!, xi));
  const v = x.map((xi) => matVec(wv!, xi));
  const scores = q.map((qi) => k.map((kj) => dot(qi, kj) / Math.sqrt(d)));
  const weights = scores.map(softmax);
  const out = weights.map((w) => weightedSum(w, v));
  const residual = out.map((o, i) => addVec(o, x[i]!));
  return { words: [...words], embeddings, positions, x, q, k, v, scores, weights, out, residual };
}

const vec = (v: readonly number[]) => `[${v.map((n) => fixed(n)).join(', ')}]`;

const short = (v: readonly number[]) => `[${v.map((n) => fixed(n)).join(', ')}, …]`;

/** One line of live numbers from our trained transformer for the quick reply. */
function layerLine(n: LayerNumbers): string {
  return (
    `\nOur trained transformer (/translate), layer 1 on "${n.english}": for "${n.word}" (${n.dModel} numbers) layer norm takes x + attention from mean ${fixed(n.norm1.mean)}, spread ${fixed(n.norm1.std)} to 0 and 1; ` +
    `the feed-forward network switches on ${n.ffHiddenActive} of its ${n.ff} ReLU units. Numbers and the decoder's mask: \`depth:deep\`.`
  );
}

function layerSections(n: LayerNumbers) {
  const masked = n.masked.map((row, i) => `${n.target[i]!.padEnd(8)} ${row.map((w, j) => (j > i ? '  ·' : percent(w).padStart(4))).join(' ')}`).join('\n');
  return [
    {
      name: `Inside layer 1 of our trained transformer ("${n.english}")`,
      value:
        `Our model (models/translate/transformer): d = ${n.dModel} numbers per piece, ${n.heads} heads, feed-forward width ${n.ff}. First 4 of the ${n.dModel} numbers for the piece "${n.word}":\n` +
        '```\n' +
        `embedding·√d + position  ${short(n.input)}\n` +
        `self-attention output    ${short(n.attention)}\n` +
        `add & norm: x + attention has mean ${fixed(n.norm1.mean, 3)}, spread ${fixed(n.norm1.std, 3)}\n` +
        `  LayerNorm → (x − mean)/spread · gain + bias = ${short(n.norm1.out)}\n` +
        `feed-forward: ReLU(W1·x + b1) has ${n.ffHiddenActive} of ${n.ff} units on\n` +
        `  W2·… + b2              ${short(n.ffOut)}\n` +
        `add & norm: mean ${fixed(n.norm2.mean, 3)}, spread ${fixed(n.norm2.std, 3)} → ${short(n.norm2.out)}\n` +
        '```',
    },
    {
      name: 'Masked self-attention in our decoder (layer 1, heads averaged)',
      value:
        `Decoder inputs <EOS> then its own outputs: row = the position looking, column = the position looked at; · = masked (a later word, not yet written).\n\`\`\`\n${masked}\n\`\`\`` +
        'The mask adds −∞ to the scores above the diagonal before the softmax, so those weights are exactly 0 and training cannot cheat by peeking at the answer.',
    },
  ];
}

async function explain(input: ExplainInput): Promise<Explanation> {
  const s = selfAttentionDemo();
  const layer = await transformerLayer();
  const [a, b] = s.words;
  const steps =
    'A transformer drops recurrence: all words are processed at once, and attention connects them.\n' +
    '1. **Word embedding**: numbers per word.\n' +
    '2. **Positional encoding**: add sine/cosine waves of different speeds so word order is not lost (chart).\n' +
    '3. **Self-attention**: each word makes a query, a key and a value (the same weights for every word, so all words run in parallel); query·key similarities → softmax → weighted sum of values. This is how "it" can be tied to "pizza".\n' +
    '4. **Add & norm**: add each word\'s input back (a residual connection), then **layer normalisation** rescales each word\'s vector to mean 0, spread 1 (times learned gains).\n' +
    '5. **Feed-forward network**: one two-layer ReLU network applied to each word on its own, then add & norm again. Attention mixes words; this transforms each.\n' +
    'A decoder layer (Vaswani et al., 2017) has **masked self-attention** over the output so far (no peeking at later words), **encoder–decoder attention** (queries from the output, keys and values from the input) and the feed-forward network, each with add & norm; then a **softmax over the vocabulary**.\n';
  const demo =
    `\nComputed now for "${s.words.join(' ')}" (2 numbers per word; untrained stand-in weights): "${a}" attends ${percent(s.weights[0]![0]!)} to itself and ${percent(s.weights[0]![1]!)} to "${b}".`;
  const title = 'Transformer: embeddings, positions, self-attention';
  const live = layer ? layerLine(layer) : '\nOnce our trained transformer is installed, this page shows its own layer numbers.';
  if (input.depth === 'quick') return { title, text: steps + (layer ? live : demo), image: positionalChart() };
  const d = s.embeddings[0]!.length;
  return {
    title,
    text: steps + demo,
    image: positionalChart(),
    sections: [
      {
        name: 'Positional encoding',
        value:
          'For position pos and dimension pair k of a d-number vector: PE(pos, 2k) = sin(pos / 10000^(2k/d)), PE(pos, 2k+1) = cos(pos / 10000^(2k/d)). Low dimensions wave fast, high ones slowly, so every position gets a distinct pattern and nearby positions get similar ones. ' +
          `With d = ${d}: ${s.words.map((w, i) => `"${w}" (pos ${i}) gets ${vec(s.positions[i]!)}`).join(', ')}.`,
      },
      {
        name: 'Embedding + position',
        value: '```\n' + s.words.map((w, i) => `${w}: ${vec(s.embeddings[i]!)} + ${vec(s.positions[i]!)} = ${vec(s.x[i]!)}`).join('\n') + '\n```',
      },
      {
        name: 'Query, key, value',
        value: '```\n' + s.words.map((w, i) => `${w}: q ${vec(s.q[i]!)}  k ${vec(s.k[i]!)}  v ${vec(s.v[i]!)}`).join('\n') + '\n```',
      },
      {
        name: 'Self-attention for each word',
        value:
          '```\n' +
          s.words
            .map((w, i) => `${w}: q·k/√${d} = ${s.scores[i]!.map((x) => fixed(x, 3)).join(', ')} → softmax ${s.weights[i]!.map((x) => percent(x)).join(', ')} → Σ%·v = ${vec(s.out[i]!)}; + input = ${vec(s.residual[i]!)}`)
            .join('\n') +
          '\n```\nDividing by √d (the scaling of Vaswani et al., 2017) keeps the scores from growing with the vector size.',
      },
      ...(layer ? layerSections(layer) : []),
      {
        name: 'Multi-head attention',
        value: 'Several sets of query/key/value weights (heads) run side by side, each free to track a different relation (e.g. which noun a pronoun refers to, or the next word). Their outputs are joined and mixed by one more weight matrix; layers of this stack on top of each other.',
      },
      {
        name: 'Encoder–decoder attention and the output',
        value:
          'In the decoder, queries come from the output words so far, keys and values from the encoded input: the percentages say how much of each input word to use for the next output word. ' +
          'Another residual connection lets this layer focus on input–output relations without having to carry the earlier self-attention and position values through. ' +
          'Finally a fully connected layer gives one score per vocabulary word and a softmax picks the next word.',
      },
    ],
  };
}

export const transformerTopic: Topic = {
  id: 'transformer',
  title: 'Transformer',
  summary: 'positional encoding, self-attention, add & norm, feed-forward, masked decoder attention, with numbers from our trained model',
  explain,
};
