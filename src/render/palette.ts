// One colour per quantity, the same in every diagram (and available to the charts): a student who
// learns "orange is the long-term memory" in the LSTM cell sees orange for it everywhere.
// Okabe–Ito based, so the hues stay apart for colour-blind readers.
import { parseHex } from './color.ts';

export const QUANTITY = {
  input: '#0072b2', // x: the input at a time step
  hidden: '#009e73', // h: short-term memory / hidden state / decoder state
  cell: '#e69f00', // c: long-term memory, the "conveyor belt"
  forget: '#d55e00', // forget gate
  inputGate: '#56b4e9', // input gate
  output: '#cc79a7', // output gate
  candidate: '#8c6d1f', // candidate (potential) memory
  attention: '#7b3fa0', // attention scores and weights
  embedding: '#1b7f79', // embeddings (rows of an embedding matrix)
  gradient: '#c0392b', // gradients flowing back
  prediction: '#374151', // outputs, softmax over words
} as const;

export type Quantity = keyof typeof QUANTITY;

/** Drawn around (behind) whatever the current step computes. */
export const HIGHLIGHT = '#ffe866'; // pale yellow: apart from the orange belt and every quantity

/** Ink on the diagrams: text, neutral lines, background. */
export const INK = { text: '#1f2328', muted: '#4b5563', line: '#6b7280', background: '#ffffff' } as const;

/** `hex` mixed with white: t = 0 the colour itself, t = 1 white (box fills under dark text). */
export function tint(hex: string, t: number): string {
  const [r, g, b] = parseHex(hex);
  const mix = (c: number) => Math.round(c + (255 - c) * t);
  return `#${[mix(r), mix(g), mix(b)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
