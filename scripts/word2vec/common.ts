// Shared pieces of the word2vec scripts: argument parsing, corpus loading, the demo list.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countCorpus } from '../../src/nn/word2vec/corpus.ts';
import { buildVocab, encodeCorpus, type Vocab } from '../../src/nn/word2vec/vocab.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = join(REPO_ROOT, 'data/word2vec');
export const MODEL_DIR = join(REPO_ROOT, 'models/word2vec');

/** "--key value" and "--flag" pairs. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = 'true';
  }
  return out;
}

/** A prepared corpus file (one sentence a line, words separated by spaces). */
export function readCorpusFile(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(' '));
}

export function loadCorpus(file: string, minCount: number): { vocab: Vocab; corpus: Int32Array; tokens: number; lines: number } {
  const sentences = readCorpusFile(file);
  const { stats, counts } = countCorpus(sentences);
  const vocab = buildVocab(counts, minCount);
  return { vocab, corpus: encodeCorpus(sentences, vocab), tokens: stats.tokens, lines: stats.sentences };
}

/** The classic demos the shipped vectors must pass (the model card lists their output). */
export const DEMO_WORDS = ['king', 'monday', 'good', 'france', 'money', 'run'] as const;
export const DEMO_ANALOGIES: [string, string, string][] = [
  ['man', 'king', 'woman'],
  ['france', 'paris', 'italy'],
  ['big', 'bigger', 'small'],
];
