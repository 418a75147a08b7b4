// Vanishing and exploding gradients measured, not asserted: a one-unit tanh RNN
//   h_t = tanh(w·h_(t−1) + u·x_t),  output = h_T
// run forward over T steps, then ∂output/∂x_(T−k) for k = 0 … T−1 steps back by the chain rule:
//   ∂h_T/∂x_(T−k) = u·tanh'(pre_(T−k)) · Π_(j = T−k+1 … T) w·tanh'(pre_j)
// Each step back multiplies by w·tanh'(pre) (tanh' ≤ 1), so the gradient shrinks or grows geometrically.

export interface TanhRnnCase {
  label: string; // the chart's legend
  text: string; // in a sentence
  w: number; // the shared recurrent weight
  input: number; // the same input every step (0 keeps h at 0, where tanh' = 1)
}

/** The three cases the explainer plots: grows, shrinks, and w > 1 tamed by a saturated tanh. */
export const TANH_CASES: readonly TanhRnnCase[] = [
  { label: 'w = 1.5: explodes', text: 'w = 1.5 with h near 0 (tanh slope 1): explodes', w: 1.5, input: 0 },
  { label: 'w = 0.5: vanishes', text: 'w = 0.5: vanishes', w: 0.5, input: 0 },
  { label: 'w = 1.5, saturated', text: 'w = 1.5 with input 0.5 (tanh saturates, slope ≪ 1): vanishes', w: 1.5, input: 0.5 },
];

const U = 1; // input weight: the same for every case, so only w and the tanh slope differ

/** |∂h_T/∂x_(T−k)| for k = 0 … steps−1 (index = steps back). */
export function tanhRnnSensitivity(c: TanhRnnCase, steps: number): number[] {
  const pre: number[] = [];
  let h = 0;
  for (let t = 0; t < steps; t++) {
    const p = c.w * h + U * c.input;
    pre.push(p);
    h = Math.tanh(p);
  }
  const slope = (p: number) => 1 - Math.tanh(p) ** 2;
  const out: number[] = [];
  let chain = 1; // Π of w·tanh' over the steps after x_(T−k)
  for (let k = 0; k < steps; k++) {
    const t = steps - 1 - k;
    out.push(Math.abs(U * slope(pre[t]!) * chain));
    chain *= c.w * slope(pre[t]!);
  }
  return out;
}
