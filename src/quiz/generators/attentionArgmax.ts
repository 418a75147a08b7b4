// "When our translator writes <Spanish word>, which English word does it look at most?": the
// sentence is translated at request time by a shipped model with attention (the LSTM with attention,
// models/translate/attention, else the transformer's encoder–decoder attention averaged over heads)
// and the answer is the argmax of that output step's attention weights.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MODELS_DIR } from '../../nn/catalog.ts';
import { pickOne, shuffled, type Rng } from '../random.ts';
import type { GeneratedQuestion, QuestionGenerator } from './types.ts';

/** Short sentences in the notes' spirit; those with words the model does not know are skipped. */
export const SENTENCES = [
  "don't eat the apple",
  'we do not eat meat',
  'my mother works in the hospital',
  'the dog eats the apple',
  'my father reads a book',
  'the cat drinks water',
  'we go to the beach',
  'she eats bread in the kitchen',
  'the children play in the park',
  'i drink coffee in the morning',
  'my brother has a red car',
  'they live in a big house',
];

export interface Translation {
  source: string[]; // English tokens the model read
  tokens: string[]; // Spanish tokens written
  attention: number[][]; // [output token (+ <EOS>)][source token]
  unknown: unknown[];
}

export type ModelKind = 'attention' | 'transformer';
export type Translate = (text: string, model: ModelKind) => Promise<Translation>;

const SERVICE = '../../nn/translate/infer/service.ts';
export const MODEL_LABEL: Record<ModelKind, string> = {
  attention: 'LSTM-with-attention model',
  transformer: 'transformer (encoder–decoder attention, mean of the heads)',
};

/** The translation service, loaded by path so this file compiles and runs before it is on main. */
async function shippedTranslate(): Promise<Translate> {
  const service = (await import(SERVICE)) as {
    translateText(text: string, name: ModelKind, opts?: { beam?: number }): Promise<Translation>;
  };
  return (text, model) => service.translateText(text, model, { beam: 1 });
}

const WORD = /^[\p{L}']+$/u;

export function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > xs[best]!) best = i;
  return best;
}

/** Builds the question from one translation; undefined when it cannot make a fair one. */
export function attentionQuestion(english: string, model: ModelKind, t: Translation, rng: Rng): GeneratedQuestion | undefined {
  const words = [...new Set(t.source.filter((w) => WORD.test(w)))];
  if (t.unknown.length > 0 || words.length < 3) return undefined;
  // Output steps that write a real word and attend most to a real (choosable) English word.
  const steps = t.tokens
    .map((token, j) => ({ token, j, top: t.source[argmax(t.attention[j] ?? [])] }))
    .filter((s) => WORD.test(s.token) && s.top !== undefined && words.includes(s.top));
  if (steps.length === 0) return undefined;
  // Content words ("gato", not "el") make the better question when there are any.
  const content = steps.filter((s) => s.token.length >= 3);
  const step = pickOne(content.length ? content : steps, rng);
  const row = t.attention[step.j]!;
  const answer = step.top!;
  const wrong = shuffled(words.filter((w) => w !== answer), rng).slice(0, 3);
  const weight = (w: string) => Math.max(...t.source.map((s, i) => (s === w ? row[i]! : 0)));
  const shares = [answer, ...wrong].map((w) => `${w} ${(100 * weight(w)).toFixed(0)}%`).join(', ');
  const spanish = t.tokens.join(' ');
  return {
    id: `gen:attention-argmax:${model}:${english}@${step.j}`,
    prompt:
      `Our English→Spanish ${MODEL_LABEL[model]} translates "${english}" as "${spanish}". ` +
      `When it writes "${step.token}", which English word gets the most attention?`,
    choices: [answer, ...wrong],
    answer: 0,
    explanation:
      `At that decoder step the attention weights (a softmax over the input words, summing to 100%) were: ${shares}. ` +
      `The decoder mixes the encoder outputs with these weights, so "${answer}" contributes most to writing ` +
      `"${step.token}". Heat-maps of these weights often line up source and target words.`,
  };
}

/** The first model with attention that is installed, or undefined. */
export function installedModel(modelsDir: string): ModelKind | undefined {
  return (['attention', 'transformer'] as const).find((m) => existsSync(path.join(modelsDir, m, 'metadata.json')));
}

export function attentionArgmaxGenerator(modelsDir: string, translate: () => Promise<Translate> = shippedTranslate): QuestionGenerator {
  return {
    id: 'attention-argmax',
    topic: 'attention',
    difficulty: 'medium',
    title: 'Which English word does our translator attend to most? (models/translate)',
    available: () => installedModel(modelsDir) !== undefined && existsSync(new URL(SERVICE, import.meta.url)),
    async generate(rng: Rng) {
      const model = installedModel(modelsDir);
      if (!model) throw new Error('attention-argmax: no translation model with attention is installed');
      const run = await translate();
      for (const english of shuffled(SENTENCES, rng)) {
        const q = attentionQuestion(english, model, await run(english, model), rng);
        if (q) return q;
      }
      throw new Error('attention-argmax: no sentence gave a fair question');
    },
  };
}

export const attentionArgmax = attentionArgmaxGenerator(path.join(MODELS_DIR, 'translate'));
