// "Which word is closest to X in our embedding?": the answer is the nearest neighbour (cosine)
// in our own word2vec vectors (models/word2vec, trained by scripts/), computed at request time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MODELS_DIR } from '../../nn/catalog.ts';
import { loadVectors } from '../../nn/word2vec/store.ts';
import type { WordVectors } from '../../nn/word2vec/vectors.ts';
import { pickOne, shuffled, type Rng } from '../random.ts';
import type { GeneratedQuestion, QuestionGenerator } from './types.ts';

/** Everyday words with clear neighbours; those missing from the vocabulary are skipped. */
export const PROBE_WORDS = [
  'king', 'queen', 'water', 'monday', 'city', 'happy', 'car', 'money', 'music', 'doctor', 'river', 'war',
  'school', 'house', 'woman', 'red', 'dog', 'father', 'church', 'army', 'january', 'france', 'coffee',
  'winter', 'president', 'ship', 'tree', 'blue', 'teacher', 'village', 'wine', 'horse', 'book', 'two',
];

/** Answers and distractors come from the most frequent words, whose vectors are well trained. */
export const FREQUENT = 10_000;
/** A distractor must be clearly less similar than the answer. */
export const MARGIN = 0.15;

const WORD = /^[a-z]{3,14}$/;

function cosine(v: WordVectors, a: string, b: string): number {
  return v.similarity(a, b) ?? NaN;
}

/** "wines" for "wine": true but too easy to be a question. */
function isVariant(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export function neighbourQuestion(v: WordVectors, probe: string, rng: Rng): GeneratedQuestion | undefined {
  const limit = Math.min(FREQUENT, v.size);
  const query = v.vector(probe);
  if (!query) return undefined;
  const near = v.nearest(query, 6, new Set([probe]), limit);
  const best = near.find((n) => WORD.test(n.word) && !isVariant(n.word, probe)) ?? near[0];
  if (!best) return undefined;
  // Distractors: common plain words that are clearly less similar, preferring ones that are still
  // somewhat related (so the question needs the embedding, not just common sense).
  const pool = v.words
    .slice(30, Math.min(5000, limit))
    .filter((w) => WORD.test(w) && w !== probe && !near.some((n) => n.word === w) && !isVariant(w, probe));
  const scored = shuffled(pool, rng).map((w) => ({ w, s: cosine(v, probe, w) }));
  const related = scored.filter((x) => x.s <= best.score - MARGIN && x.s >= best.score - 3 * MARGIN);
  const far = scored.filter((x) => x.s < best.score - 3 * MARGIN);
  const wrong = [...related.slice(0, 2), ...far].slice(0, 3).map((x) => x.w);
  if (wrong.length < 2) return undefined;
  const choices = [best.word, ...wrong];
  const scores = choices.map((w) => `${w} ${cosine(v, probe, w).toFixed(2)}`);
  return {
    id: `gen:embedding-neighbour:${probe}`,
    prompt: `In our word2vec embedding, which of these words is closest to "${probe}" (highest cosine similarity)?`,
    choices,
    answer: 0,
    explanation:
      `Cosine similarity with "${probe}" in our vectors: ${scores.join(', ')}. Its nearest neighbours among the ` +
      `${limit.toLocaleString('en-US')} most frequent words are ${near.map((n) => n.word).join(', ')}: words that ` +
      `appear in similar contexts end up pointing in similar directions.`,
  };
}

export function embeddingNeighbourGenerator(dir: string): QuestionGenerator {
  let vectors: WordVectors | undefined;
  return {
    id: 'embedding-neighbour',
    topic: 'word2vec',
    difficulty: 'medium',
    title: 'Which word is closest to X in our embedding? (models/word2vec)',
    available: () => ['metadata.json', 'vocab.txt', 'vectors.f16'].every((f) => existsSync(path.join(dir, f))),
    async generate(rng: Rng) {
      vectors ??= loadVectors(dir);
      const v = vectors;
      const probes = shuffled(PROBE_WORDS.filter((w) => v.has(w)), rng);
      for (const probe of probes) {
        const q = neighbourQuestion(v, probe, rng);
        if (q) return q;
      }
      // A tiny vocabulary without any probe word: ask about a frequent word instead.
      const fallback = neighbourQuestion(v, pickOne(v.words.slice(0, Math.min(200, v.size)), rng), rng);
      if (fallback) return fallback;
      throw new Error('embedding-neighbour: no usable probe word in this vocabulary');
    },
  };
}

export const embeddingNeighbour = embeddingNeighbourGenerator(path.join(MODELS_DIR, 'word2vec'));
