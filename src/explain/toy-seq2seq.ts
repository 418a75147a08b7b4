// A tiny encoder–decoder with attention, in plain numbers, for the explainers to step through.
// Its weights are *untrained* stand-ins from a seeded generator (same on every request): the demo
// shows how the numbers flow — shapes, context vector, similarities, softmax, weighted sum — not
// what a trained translator would attend to. Sizes follow the notes' example: embeddings of 2,
// two LSTM layers of 2 cells each.
import { addVec, dot, matVec, seededMatrix, seededRandom, sigmoid, softmax, tanh, weightedSum } from './math.ts';

export const INPUT_VOCAB = ["let's", 'to', 'go', '<EOS>'] as const;
export const OUTPUT_VOCAB = ['ir', 'vamos', 'y', '<EOS>'] as const;

export interface ToySeq2seqConfig {
  embed: number; // embedding values per word
  hidden: number; // LSTM cells per layer
  layers: number;
  seed: number;
  scale: number; // stand-in weights uniform in ±scale: big enough that the memories (and so the attention) differ visibly
}

export const TOY_SEQ2SEQ: ToySeq2seqConfig = { embed: 2, hidden: 2, layers: 2, seed: 4, scale: 3 };

interface CellWeights {
  wx: number[][][]; // [gate][hidden][in]   gates: forget, input, candidate, output
  wh: number[][][]; // [gate][hidden][hidden]
  b: number[][]; // [gate][hidden]
}

export interface State {
  long: number[]; // [hidden]
  short: number[]; // [hidden]
}

export interface ToySeq2seq {
  cfg: ToySeq2seqConfig;
  inEmbed: number[][]; // [inputVocab][embed]
  outEmbed: number[][]; // [outputVocab][embed]
  encoder: CellWeights[]; // one per layer
  decoder: CellWeights[];
}

function cell(rand: () => number, inSize: number, hidden: number, scale: number): CellWeights {
  return {
    wx: [0, 1, 2, 3].map(() => seededMatrix(rand, hidden, inSize, scale)),
    wh: [0, 1, 2, 3].map(() => seededMatrix(rand, hidden, hidden, scale)),
    b: [0, 1, 2, 3].map(() => seededMatrix(rand, 1, hidden, scale)[0]!),
  };
}

export function buildToySeq2seq(cfg: ToySeq2seqConfig = TOY_SEQ2SEQ): ToySeq2seq {
  const rand = seededRandom(cfg.seed);
  const layerIn = (l: number) => (l === 0 ? cfg.embed : cfg.hidden);
  return {
    cfg,
    inEmbed: seededMatrix(rand, INPUT_VOCAB.length, cfg.embed),
    outEmbed: seededMatrix(rand, OUTPUT_VOCAB.length, cfg.embed),
    encoder: Array.from({ length: cfg.layers }, (_, l) => cell(rand, layerIn(l), cfg.hidden, cfg.scale)),
    decoder: Array.from({ length: cfg.layers }, (_, l) => cell(rand, layerIn(l), cfg.hidden, cfg.scale)),
  };
}

export function lstmCell(w: CellWeights, x: readonly number[], s: State): State {
  const z = (g: number) => addVec(addVec(matVec(w.wx[g]!, x), matVec(w.wh[g]!, s.short)), w.b[g]!);
  const f = z(0).map(sigmoid);
  const i = z(1).map(sigmoid);
  const g = z(2).map(tanh);
  const o = z(3).map(sigmoid);
  const long = s.long.map((c, k) => c * f[k]! + i[k]! * g[k]!);
  const short = long.map((c, k) => tanh(c) * o[k]!);
  return { long, short };
}

function stack(cells: readonly CellWeights[], x: readonly number[], states: readonly State[]): State[] {
  const out: State[] = [];
  let input = x;
  cells.forEach((c, l) => {
    const s = lstmCell(c, input, states[l]!);
    out.push(s);
    input = s.short;
  });
  return out;
}

export interface EncoderRun {
  words: string[];
  /** [time][layer] states after reading each word. */
  states: State[][];
  /** The final long- and short-term memories of every layer. */
  context: State[];
}

export function encode(m: ToySeq2seq, words: readonly string[]): EncoderRun {
  const zero = (): State => ({ long: new Array(m.cfg.hidden).fill(0), short: new Array(m.cfg.hidden).fill(0) });
  let states = Array.from({ length: m.cfg.layers }, zero);
  const all: State[][] = [];
  for (const w of words) {
    const id = INPUT_VOCAB.indexOf(w as (typeof INPUT_VOCAB)[number]);
    if (id < 0) throw new Error(`unknown input word ${w}`);
    states = stack(m.encoder, m.inEmbed[id]!, states);
    all.push(states);
  }
  return { words: [...words], states: all, context: states };
}

export interface AttentionStep {
  decoderInput: string; // the word fed to the decoder (teacher forcing: the right previous word)
  query: number[]; // decoder top-layer short-term memory
  keys: number[][]; // encoder top-layer short-term memory per input word
  scores: number[]; // dot products
  weights: number[]; // softmax(scores)
  attended: number[]; // Σ weights · keys
}

/**
 * Decoder steps with attention. The decoder starts from the context vector and gets <EOS> first,
 * then (teacher forcing) each correct previous output word.
 */
export function attend(m: ToySeq2seq, enc: EncoderRun, target: readonly string[]): AttentionStep[] {
  const keys = enc.states.map((layers) => layers[layers.length - 1]!.short);
  let states = enc.context;
  const steps: AttentionStep[] = [];
  const inputs = ['<EOS>', ...target.slice(0, -1)];
  for (const word of inputs) {
    const id = OUTPUT_VOCAB.indexOf(word as (typeof OUTPUT_VOCAB)[number]);
    if (id < 0) throw new Error(`unknown output word ${word}`);
    states = stack(m.decoder, m.outEmbed[id]!, states);
    const query = states[states.length - 1]!.short;
    const scores = keys.map((k) => dot(query, k));
    const weights = softmax(scores);
    steps.push({ decoderInput: word, query, keys, scores, weights, attended: weightedSum(weights, keys) });
  }
  return steps;
}

/** Parameter counts of the toy model's parts, computed from its config. */
export function parameterCounts(cfg: ToySeq2seqConfig, inVocab: number, outVocab: number) {
  const lstmLayer = (inSize: number) => 4 * cfg.hidden * (inSize + cfg.hidden + 1);
  let encoder = 0;
  for (let l = 0; l < cfg.layers; l++) encoder += lstmLayer(l === 0 ? cfg.embed : cfg.hidden);
  return {
    inputEmbedding: inVocab * cfg.embed,
    encoder,
    outputEmbedding: outVocab * cfg.embed,
    decoder: encoder,
    outputLayer: outVocab * (cfg.hidden + 1), // fully connected layer + softmax over output words
  };
}
