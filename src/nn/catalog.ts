// The models the bot ships, listed explicitly (no folder scanning): where each lives and which
// command uses it. /about reads their metadata to show what is installed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

export interface ModelEntry {
  id: string;
  dir: string; // relative to models/
  usedBy: string;
  summary: string;
}

export const MODEL_CATALOG: readonly ModelEntry[] = [
  { id: 'predict', dir: 'predict', usedBy: '/predict, /explain lstm', summary: 'one-unit LSTM and one-weight RNN (the notes’ stock toy)' },
  { id: 'seq2seq', dir: 'translate/seq2seq', usedBy: '/translate', summary: 'English→Spanish encoder–decoder LSTM' },
  { id: 'attention', dir: 'translate/attention', usedBy: '/translate', summary: 'English→Spanish LSTM with dot-product attention' },
  { id: 'transformer', dir: 'translate/transformer', usedBy: '/translate, /attention', summary: 'English→Spanish small transformer' },
  { id: 'word2vec', dir: 'word2vec', usedBy: '/neighbors, /analogy, /similarity', summary: 'skip-gram word vectors' },
];

const CARD_FILES = ['metadata.json', 'card.json', 'model-card.json'];

export interface ModelStatus extends ModelEntry {
  installed: boolean;
  card?: Record<string, unknown>;
}

export function modelStatus(entry: ModelEntry): ModelStatus {
  const dir = path.join(MODELS_DIR, entry.dir);
  if (!existsSync(dir)) return { ...entry, installed: false };
  for (const f of CARD_FILES) {
    const p = path.join(dir, f);
    if (existsSync(p)) {
      try {
        return { ...entry, installed: true, card: JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown> };
      } catch {
        return { ...entry, installed: true };
      }
    }
  }
  return { ...entry, installed: true };
}
