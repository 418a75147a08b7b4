// Typed parameter groups: each layer's weights as a named object (`layer.ln1.g`), so code that
// uses a weight refers to it by field and a rename fails at compile time. The dotted-free names
// ("dec0_ln1_g") exist only where a group is created: they are the keys of the weights file.
import type * as TF from '@tensorflow/tfjs';
import type { ParamStore } from './layers.ts';

type Var = TF.Variable;

export interface DenseParams {
  w: Var; // [in, out]
  b: Var; // [out]
}

export interface NormParams {
  g: Var; // [D] gain
  b: Var; // [D] bias
}

/** Multi-head attention: query, key, value and output projections, each [D, D] + [D]. */
export interface AttentionParams {
  wq: Var; bq: Var;
  wk: Var; bk: Var;
  wv: Var; bv: Var;
  wo: Var; bo: Var;
}

export interface FeedForwardParams {
  w1: Var; // [D, ff]
  b1: Var; // [ff]
  w2: Var; // [ff, D]
  b2: Var; // [D]
}

export function denseParams(p: ParamStore, name: string, inDim: number, outDim: number): DenseParams {
  return { w: p.add(`${name}_w`, [inDim, outDim]), b: p.add(`${name}_b`, [outDim], 'zeros') };
}

export function normParams(p: ParamStore, name: string, dim: number): NormParams {
  return { g: p.add(`${name}_g`, [dim], 'ones'), b: p.add(`${name}_b`, [dim], 'zeros') };
}

export function attentionParams(p: ParamStore, name: string, dim: number): AttentionParams {
  // created in the order q, k, v, o with each bias after its weight (the initialiser's seeds follow it)
  const pair = (m: string) => [p.add(`${name}_w${m}`, [dim, dim]), p.add(`${name}_b${m}`, [dim], 'zeros')] as const;
  const [wq, bq] = pair('q');
  const [wk, bk] = pair('k');
  const [wv, bv] = pair('v');
  const [wo, bo] = pair('o');
  return { wq, bq, wk, bk, wv, bv, wo, bo };
}

export function feedForwardParams(p: ParamStore, name: string, dim: number, ff: number): FeedForwardParams {
  const w1 = p.add(`${name}_w1`, [dim, ff]);
  const b1 = p.add(`${name}_b1`, [ff], 'zeros');
  const w2 = p.add(`${name}_w2`, [ff, dim]);
  const b2 = p.add(`${name}_b2`, [dim], 'zeros');
  return { w1, b1, w2, b2 };
}
