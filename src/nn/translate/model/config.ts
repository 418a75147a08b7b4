// The three translators behind one small interface, and their default sizes.
import type * as TF from '@tensorflow/tfjs';
import type { ParamStore } from './layers.ts';
import type { TFModule } from '../kernels/types.ts';
import { RnnTranslator, type Batch, type RnnConfig } from './rnn.ts';
import { Transformer, type TransformerConfig } from './transformer.ts';

export type ModelKind = 'seq2seq' | 'attention' | 'transformer';
export const MODEL_KINDS: readonly ModelKind[] = ['attention', 'transformer', 'seq2seq'];

export type ModelConfig = RnnConfig | TransformerConfig;

export interface Translator {
  readonly config: ModelConfig;
  readonly params: ParamStore;
  loss(batch: Batch): TF.Scalar;
}

/** Default sizes: each trains in < 30 min on one core here (bench/RESULTS.md, "Translation training speed"). */
export function defaultConfig(kind: ModelKind, srcVocab: number, tgtVocab: number): ModelConfig {
  if (kind === 'transformer') {
    return { kind, srcVocab, tgtVocab, dModel: 128, heads: 4, ff: 256, encLayers: 2, decLayers: 2, maxLen: 64 };
  }
  return { kind, srcVocab, tgtVocab, embed: 64, hidden: 128, layers: 2 };
}

export function createModel(tf: TFModule, config: ModelConfig, seed = 1): RnnTranslator | Transformer {
  return config.kind === 'transformer' ? new Transformer(tf, config, seed) : new RnnTranslator(tf, config, seed);
}
