// Loading a shipped translator (once, cached) and translating English tokens with it:
// normalisation, vocabulary check, greedy/beam decoding, attention weights for the charts.
import fs from 'node:fs';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { MODELS_DIR as NN_MODELS_DIR } from '../../catalog.ts';
import { beamSearch, type Stepper } from './beam-search.ts';
import { SPANISH_NEGATORS, hasNegation } from './negation.ts';
import { createModel, type ModelConfig, type ModelKind } from '../model/config.ts';
import { RnnDecoder } from './rnn-decoder.ts';
import type { RnnTranslator } from '../model/rnn.ts';
import { TransformerDecoder, type CrossAttentionChoice } from './transformer-decoder.ts';
import { Transformer } from '../model/transformer.ts';
import { UNK, Vocab } from '../model/vocab.ts';
import { loadWeights } from '../model/weights.ts';
import { subwordPair, type SubwordPair } from './subword-text.ts';

type TFModule = typeof TF;

export const MODELS_DIR = path.join(NN_MODELS_DIR, 'translate');

export interface ModelMetadata {
  name: ModelKind;
  config: ModelConfig;
  parameters: number;
  properNames: string[];
  training: Record<string, unknown>;
  metrics?: Record<string, unknown>;
}

export interface DecodeOptions {
  beam?: number; // default 4; 1 = greedy
  /** Transformer: which decoder layer's cross-attention to return (default: last). */
  layer?: number;
  /** Transformer: one head, or undefined to average heads. */
  head?: number;
}

/** Builds the stepper beam search runs for one sentence's source ids. */
export type StepperFactory = (ids: number[], choice: CrossAttentionChoice) => Stepper;

export interface TokenTranslation {
  tokens: string[]; // Spanish tokens
  /** Output token × source token weights, rows sum to 1; empty for plain seq2seq. */
  attention: number[][];
  score: number;
}

export class LoadedTranslator {
  readonly properNames: ReadonlySet<string>;
  /** Open-vocabulary models: their subword tokenizers (subword.json beside the weights). */
  subword?: SubwordPair;
  /** Fast decoder, built on first use from the (then frozen) weights. */
  private decoder?: TransformerDecoder | RnnDecoder;
  constructor(
    private readonly tf: TFModule,
    readonly name: ModelKind,
    readonly meta: ModelMetadata,
    readonly srcVocab: Vocab,
    readonly tgtVocab: Vocab,
    readonly model: RnnTranslator | Transformer,
  ) {
    this.properNames = new Set(meta.properNames);
  }

  get hasAttention(): boolean {
    return this.name !== 'seq2seq';
  }

  /**
   * Source tokens → Spanish tokens (unknown words become <UNK>; callers report them first).
   * `stepper`: decode with another stepper than the fast decoders (tests and benchmarks pass
   * the reference decoders of tests/nn/translate/reference-decoding.ts).
   */
  translateTokens(src: readonly string[], opts: DecodeOptions & { stepper?: StepperFactory } = {}): TokenTranslation {
    const ids = this.srcVocab.encode(src);
    // the transformer's positional table bounds its output length
    const limit = this.model instanceof Transformer ? this.model.config.maxLen : 80;
    const maxLen = Math.min(2 * ids.length + 10, limit);
    const words = src.filter((w) => w !== '?').length;
    const search = (requireAny?: ReadonlySet<number>) =>
      beamSearch(opts.stepper ? opts.stepper(ids, this.crossChoice(opts)) : this.stepper(ids, opts), {
        beam: opts.beam ?? 4,
        maxLen,
        // a long sentence may not stop after its first words (Spanish is rarely under half as long)
        minLen: Math.min(Math.floor(0.5 * words), maxLen - 1),
        requireAny,
      });
    const negators = hasNegation(src.map(stripWordStart)) ? this.negators() : undefined;
    let best = search(negators);
    // a model that cannot say the negation here would only ramble until maxLen: search freely
    if (negators && !best.finished) best = search();
    const tokens = best.tokens.map((i) => this.tgtVocab.tokens[i] ?? '<UNK>');
    const attention = this.hasAttention ? best.attention.slice(0, tokens.length + 1).map((r) => Array.from(r)) : [];
    return { tokens, attention, score: best.score };
  }

  private negatorIds?: Set<number>;
  /** Spanish negators the model can write (target ids); <EOS> waits for one when the source negates. */
  private negators(): Set<number> | undefined {
    // word-level vocabularies hold "no", subword ones "▁no"
    const forms = [...SPANISH_NEGATORS].flatMap((w) => [w, WORD_START + w]);
    this.negatorIds ??= new Set(forms.filter((w) => this.tgtVocab.has(w)).map((w) => this.tgtVocab.id(w)));
    return this.negatorIds.size ? this.negatorIds : undefined;
  }

  private crossChoice(opts: DecodeOptions): CrossAttentionChoice {
    const last = this.model instanceof Transformer ? this.model.config.decLayers - 1 : 0;
    return { layer: Math.min(opts.layer ?? last, last), head: opts.head };
  }

  private stepper(ids: number[], opts: DecodeOptions): Stepper {
    if (this.model instanceof Transformer) {
      this.decoder ??= new TransformerDecoder(this.tf, this.model);
      return (this.decoder as TransformerDecoder).start(ids, this.crossChoice(opts));
    }
    this.decoder ??= new RnnDecoder(this.tf, this.model);
    return (this.decoder as RnnDecoder).start(ids);
  }

  /** Transformer encoder self-attention for /attention: [layer][head] → [S][S]. */
  encoderSelfAttention(src: readonly string[]): number[][][][] {
    if (!(this.model instanceof Transformer)) throw new Error('encoder self-attention needs the transformer');
    const tf = this.tf;
    this.decoder ??= new TransformerDecoder(tf, this.model);
    const decoder = this.decoder as TransformerDecoder;
    const ids = this.srcVocab.encode(src);
    return tf.tidy(() => {
      const maps: TF.Tensor[] = [];
      decoder.encode(ids, maps);
      return maps.map((w) => w.arraySync() as number[][][]);
    });
  }

  unknownWords(src: readonly string[]): string[] {
    return [...new Set(src.filter((t) => this.srcVocab.id(t) === UNK))];
  }
}

const WORD_START = '▁'; // subword pieces that begin a word
const stripWordStart = (t: string) => (t.startsWith(WORD_START) ? t.slice(1) : t);

const cache = new Map<ModelKind, Promise<LoadedTranslator>>();

export function modelExists(name: ModelKind, dir = MODELS_DIR): boolean {
  return fs.existsSync(path.join(dir, name, 'metadata.json'));
}

/** Load a shipped model once per process. */
export function loadTranslator(tf: TFModule, name: ModelKind, dir = MODELS_DIR): Promise<LoadedTranslator> {
  const key = name;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const base = path.join(dir, name);
      const meta = JSON.parse(fs.readFileSync(path.join(base, 'metadata.json'), 'utf8')) as ModelMetadata;
      const vocab = JSON.parse(fs.readFileSync(path.join(base, 'vocab.json'), 'utf8')) as { src: string[]; tgt: string[] };
      const model = createModel(tf, meta.config, 1);
      const weights = loadWeights(tf, base);
      for (const [k, v] of model.params.vars) {
        const w = weights.get(k);
        if (!w) throw new Error(`${name}: weights lack ${k}`);
        v.assign(w);
        w.dispose();
      }
      const loaded = new LoadedTranslator(tf, name, meta, new Vocab(vocab.src), new Vocab(vocab.tgt), model);
      const subwordFile = path.join(base, 'subword.json');
      if (fs.existsSync(subwordFile)) loaded.subword = subwordPair(JSON.parse(fs.readFileSync(subwordFile, 'utf8')));
      return loaded;
    })();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
