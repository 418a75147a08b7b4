// Loading a shipped translator (once, cached) and translating English tokens with it:
// normalisation, vocabulary check, greedy/beam decoding, attention weights for the charts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TF from '@tensorflow/tfjs';
import { beamSearch, type Stepper } from './decode.ts';
import type { LSTMState } from './layers.ts';
import { createModel, type ModelConfig, type ModelKind } from './model.ts';
import type { RnnTranslator } from './rnn.ts';
import type { AttentionMaps, Transformer } from './transformer.ts';
import { EOS, UNK, Vocab } from './vocab.ts';
import { loadWeights } from './weights.ts';

type TFModule = typeof TF;

export const MODELS_DIR = process.env.NN_TRANSLATE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models/translate');

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

export interface TokenTranslation {
  tokens: string[]; // Spanish tokens
  /** Output token × source token weights, rows sum to 1; empty for plain seq2seq. */
  attention: number[][];
  score: number;
}

export class LoadedTranslator {
  readonly properNames: ReadonlySet<string>;
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

  /** Source tokens → Spanish tokens (unknown words become <UNK>; callers report them first). */
  translateTokens(src: readonly string[], opts: DecodeOptions = {}): TokenTranslation {
    const ids = this.srcVocab.encode(src);
    const stepper = this.name === 'transformer' ? this.transformerStepper(ids, opts) : this.rnnStepper(ids);
    const best = beamSearch(stepper, { beam: opts.beam ?? 4, maxLen: Math.min(2 * ids.length + 10, 80) });
    const tokens = best.tokens.map((i) => this.tgtVocab.tokens[i] ?? '<UNK>');
    const attention = this.hasAttention ? best.attention.slice(0, tokens.length + 1).map((r) => Array.from(r)) : [];
    return { tokens, attention, score: best.score };
  }

  private rnnStepper(ids: number[]): Stepper {
    const tf = this.tf;
    const model = this.model as RnnTranslator;
    const enc = tf.tidy(() => {
      const src = tf.tensor2d([ids], [1, ids.length], 'int32');
      const e = model.encode(src, tf.ones([1, ids.length]));
      return { outs: e.outs, mask: e.mask, states: e.states } as unknown as TF.TensorContainer;
    }) as unknown as { outs: TF.Tensor; mask: TF.Tensor; states: LSTMState[] };
    const keep: TF.Tensor[] = [enc.outs, enc.mask, ...enc.states.flatMap((s) => [s.h, s.c])];
    let states: LSTMState[] = enc.states;
    let first = true;
    return {
      step: (prev, parents) => {
        const out = tf.tidy(() => {
          const K = prev.length;
          const idx = tf.tensor1d(parents, 'int32');
          const st = states.map((s) => ({ h: tf.gather(s.h, idx), c: tf.gather(s.c, idx) }));
          const encK = { outs: tf.tile(enc.outs, [K, 1, 1]), mask: tf.tile(enc.mask, [K, 1]), states: [] };
          const r = model.step(tf.tensor1d(prev, 'int32'), st, encK);
          return { logProbs: r.logProbs, attention: r.attention, states: r.states } as unknown as TF.TensorContainer;
        }) as unknown as { logProbs: TF.Tensor; attention?: TF.Tensor; states: LSTMState[] };
        if (!first) for (const s of states) tf.dispose([s.h, s.c]);
        first = false;
        states = out.states;
        const lp = out.logProbs.dataSync() as Float32Array;
        const att = out.attention ? (out.attention.dataSync() as Float32Array) : undefined;
        const V = out.logProbs.shape[1]!;
        const S = ids.length;
        const K = prev.length;
        tf.dispose([out.logProbs, ...(out.attention ? [out.attention] : [])]);
        return {
          logProbs: Array.from({ length: K }, (_, k) => lp.subarray(k * V, (k + 1) * V)),
          attention: Array.from({ length: K }, (_, k) => (att ? att.slice(k * S, (k + 1) * S) : new Float32Array(0))),
        };
      },
      dispose: () => {
        if (!first) for (const s of states) tf.dispose([s.h, s.c]);
        tf.dispose(keep);
      },
    };
  }

  private transformerStepper(ids: number[], opts: DecodeOptions): Stepper {
    const tf = this.tf;
    const model = this.model as Transformer;
    const enc = tf.tidy(() => {
      const e = model.encode(tf.tensor2d([ids], [1, ids.length], 'int32'), tf.ones([1, ids.length]));
      return { memory: e.memory, mask: e.mask };
    });
    let prefixes: number[][] = [[EOS]];
    let started = false;
    const layer = Math.min(opts.layer ?? model.config.decLayers - 1, model.config.decLayers - 1);
    return {
      step: (prev, parents) => {
        // first call: just the start token; later: each parent's prefix plus its new token
        prefixes = started ? prev.map((p, k) => [...prefixes[parents[k]!]!, p]) : [[EOS]];
        started = true;
        const K = prefixes.length;
        const T = prefixes[0]!.length;
        const { logProbs, att } = tf.tidy(() => {
          const maps: AttentionMaps = { encoderSelf: [], decoderCross: [] };
          const tgt = tf.tensor2d(prefixes.flat(), [K, T], 'int32');
          const encK = { memory: tf.tile(enc.memory, [K, 1, 1]), mask: tf.tile(enc.mask, [K, 1]) };
          const logits = model.decode(tgt, encK, maps); // [K, T, V]
          const last = logits.slice([0, T - 1, 0], [K, 1, -1]).squeeze([1]);
          const cross = maps.decoderCross[layer]!.slice([0, 0, T - 1, 0], [K, -1, 1, -1]).squeeze([2]); // [K, h, S]
          const a = opts.head === undefined ? cross.mean(1) : cross.slice([0, opts.head, 0], [K, 1, -1]).squeeze([1]);
          return { logProbs: tf.logSoftmax(last), att: a };
        });
        const V = logProbs.shape[1]!;
        const S = ids.length;
        const lp = logProbs.dataSync() as Float32Array;
        const av = att.dataSync() as Float32Array;
        tf.dispose([logProbs, att]);
        return {
          logProbs: Array.from({ length: K }, (_, k) => lp.subarray(k * V, (k + 1) * V)),
          attention: Array.from({ length: K }, (_, k) => av.slice(k * S, (k + 1) * S)),
        };
      },
      dispose: () => tf.dispose([enc.memory, enc.mask]),
    };
  }

  /** Transformer encoder self-attention for /attention: [layer][head] → [S][S]. */
  encoderSelfAttention(src: readonly string[]): number[][][][] {
    if (this.name !== 'transformer') throw new Error('encoder self-attention needs the transformer');
    const tf = this.tf;
    const model = this.model as Transformer;
    const ids = this.srcVocab.encode(src);
    return tf.tidy(() => {
      const maps: AttentionMaps = { encoderSelf: [], decoderCross: [] };
      model.encode(tf.tensor2d([ids], [1, ids.length], 'int32'), tf.ones([1, ids.length]), maps);
      return maps.encoderSelf.map((w) => (w.squeeze([0]).arraySync() as number[][][]));
    });
  }

  unknownWords(src: readonly string[]): string[] {
    return [...new Set(src.filter((t) => this.srcVocab.id(t) === UNK))];
  }
}

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
      return new LoadedTranslator(tf, name, meta, new Vocab(vocab.src), new Vocab(vocab.tgt), model);
    })();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
