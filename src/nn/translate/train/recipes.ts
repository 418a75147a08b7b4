// The shipped training recipes: the defaults of `npm run train:translate -- --model <name>`.
// The LSTMs learn per token much faster with small batches (600 target tokens: valid loss 4.27
// after 250k tokens, vs 5.3–5.5 with 1,000–1,500-token batches at lr 0.002–0.01, measured on the
// same data). The attention model then takes a second stage (`--continue`, see its model card).
// Measured training times: bench/RESULTS.md, "Translation training speed".
import type { ModelKind } from '../model/config.ts';

export interface Recipe {
  steps: number;
  tokens: number; // target tokens per batch
  lr: number; // peak learning rate (Adam), cosine decay to 5% after warm-up
  warmup: number; // steps
}

export const RECIPES: Record<ModelKind, Recipe> = {
  attention: { steps: 4000, tokens: 600, lr: 0.003, warmup: 50 },
  seq2seq: { steps: 4000, tokens: 600, lr: 0.003, warmup: 50 },
  transformer: { steps: 1400, tokens: 1500, lr: 0.003, warmup: 300 },
};
