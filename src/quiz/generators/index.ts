// Every question generator, in one list: adding one is one entry here.
import { attentionArgmax } from './attentionArgmax.ts';
import { embeddingNeighbour } from './embeddingNeighbour.ts';
import { forgetGate } from './forgetGate.ts';
import { gptTokens } from './gptTokens.ts';
import type { QuestionGenerator } from './types.ts';
import type { Topic } from '../topics.ts';

export const GENERATORS: readonly QuestionGenerator[] = [gptTokens, forgetGate, embeddingNeighbour, attentionArgmax];

/** Generators whose models are present right now (checked on every call), optionally for one topic. */
export function availableGenerators(all: readonly QuestionGenerator[] = GENERATORS, topic?: Topic): QuestionGenerator[] {
  return all.filter((g) => (topic === undefined || g.topic === topic) && safeAvailable(g));
}

function safeAvailable(g: QuestionGenerator): boolean {
  try {
    return g.available();
  } catch {
    return false;
  }
}

export type { QuestionGenerator, GeneratedQuestion } from './types.ts';
