// A generator makes a fresh question whose answer comes from running one of our models (or the
// tokenizer) at request time. It is offered only while its model files are present.
import type { Difficulty } from '../../store/types.ts';
import type { Rng } from '../random.ts';
import type { Topic } from '../topics.ts';

/** A generated question before its choices are shuffled; choices[answer] is right. */
export interface GeneratedQuestion {
  id: string; // "gen:<generator>:<what was asked>"
  prompt: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export interface QuestionGenerator {
  id: string;
  topic: Topic;
  difficulty: Difficulty;
  /** One line for /quiz help and error messages. */
  title: string;
  /** Checked at run time (files on disk), never cached: a model trained later is picked up. */
  available(): boolean;
  generate(rng: Rng): Promise<GeneratedQuestion>;
}
