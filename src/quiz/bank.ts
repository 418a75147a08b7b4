// The curated question bank: JSON files in ./bank, one per topic, validated with zod when first
// loaded (the quiz service loads it at start-up, so a bad edit fails fast with a precise message).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TOPICS, type Topic } from './topics.ts';
import type { Difficulty } from '../store/types.ts';

/** Slack caps button text at 75 chars (Discord at 80); a label is "B. " + the choice. */
export const BUTTON_LABEL_MAX = 75;
export const LABEL_PREFIX_LENGTH = 'A. '.length;
export const CHOICE_MAX = BUTTON_LABEL_MAX - LABEL_PREFIX_LENGTH;
export const PROMPT_MAX = 300;
export const EXPLANATION_MAX = 900;

const choiceSchema = z.object({
  text: z.string().trim().min(1).max(CHOICE_MAX, `a choice must fit a button: at most ${CHOICE_MAX} characters`),
  correct: z.boolean().optional(),
});

const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+-\d{2,3}$/, 'id looks like "lstm-07"'),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    prompt: z.string().trim().min(10).max(PROMPT_MAX),
    choices: z.array(choiceSchema).min(3, 'needs 3–4 choices').max(4, 'needs 3–4 choices'),
    explanation: z.string().trim().min(40).max(EXPLANATION_MAX),
  })
  .superRefine((q, ctx) => {
    const correct = q.choices.filter((c) => c.correct === true).length;
    if (correct !== 1) ctx.addIssue({ code: 'custom', message: `exactly one choice must be correct (found ${correct})`, path: ['choices'] });
    const seen = new Set<string>();
    for (const c of q.choices) {
      const key = c.text.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate choice "${c.text}"`, path: ['choices'] });
      seen.add(key);
    }
  });

export const bankFileSchema = z.object({
  topic: z.enum(TOPICS),
  questions: z.array(questionSchema).min(1),
});

export type BankFile = z.infer<typeof bankFileSchema>;

export interface BankQuestion {
  id: string;
  topic: Topic;
  difficulty: Difficulty;
  prompt: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export class BankError extends Error {}

function formatIssues(file: string, data: unknown, error: z.ZodError): string {
  const lines = error.issues.slice(0, 10).map((issue) => {
    const [, index] = issue.path;
    const questions = (data as { questions?: { id?: string }[] })?.questions;
    const id = typeof index === 'number' ? (questions?.[index]?.id ?? `#${index}`) : undefined;
    return `- ${id ? `${id}: ` : ''}${issue.path.join('.')}: ${issue.message}`;
  });
  return `${file}:\n${lines.join('\n')}`;
}

/** Validates one parsed bank file; throws BankError naming the file and question. */
export function parseBankFile(file: string, data: unknown): BankQuestion[] {
  const result = bankFileSchema.safeParse(data);
  if (!result.success) throw new BankError(`Invalid quiz bank ${formatIssues(file, data, result.error)}`);
  const { topic, questions } = result.data;
  return questions.map((q) => ({
    id: q.id,
    topic,
    difficulty: q.difficulty,
    prompt: q.prompt,
    choices: q.choices.map((c) => c.text),
    answer: q.choices.findIndex((c) => c.correct === true),
    explanation: q.explanation,
  }));
}

export const BANK_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bank');

/** Loads and validates every *.json in dir; ids must be unique across files. */
export function loadBank(dir: string = BANK_DIR): BankQuestion[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new BankError(`No quiz bank files in ${dir}`);
  const all: BankQuestion[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    } catch (e) {
      throw new BankError(`Invalid quiz bank ${f}: not JSON (${(e as Error).message})`);
    }
    for (const q of parseBankFile(f, data)) {
      if (ids.has(q.id)) throw new BankError(`Invalid quiz bank ${f}: question id "${q.id}" is used twice`);
      ids.add(q.id);
      all.push(q);
    }
  }
  return all;
}

let cached: BankQuestion[] | undefined;

/** The shipped bank, loaded and validated once per process. */
export function bank(): BankQuestion[] {
  cached ??= loadBank();
  return cached;
}
