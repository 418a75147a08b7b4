// Each generator's answer is recomputed here independently of the generator's own code path.
import fs from 'node:fs';
import { encode as gpt2Encode } from 'gpt-tokenizer/encoding/r50k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { CHOICE_MAX } from '../../src/quiz/bank.ts';
import { FakeClock } from '../../src/quiz/clock.ts';
import { availableGenerators, GENERATORS } from '../../src/quiz/generators/index.ts';
import { embeddingNeighbourGenerator, FREQUENT } from '../../src/quiz/generators/embeddingNeighbour.ts';
import { forgetGate } from '../../src/quiz/generators/forgetGate.ts';
import { attentionArgmax, attentionArgmaxGenerator, installedModel } from '../../src/quiz/generators/attentionArgmax.ts';
import { MODELS_DIR } from '../../src/nn/catalog.ts';
import { saveVectors } from '../../src/nn/word2vec/store.ts';
import os from 'node:os';
import path from 'node:path';
import { gptTokens } from '../../src/quiz/generators/gptTokens.ts';
import type { QuestionGenerator } from '../../src/quiz/generators/types.ts';
import { seededRng } from '../../src/quiz/random.ts';
import { QuizService } from '../../src/quiz/service.ts';
import type { SqliteStore } from '../../src/store/sqlite.ts';
import { RecordingOutbox, tempStore } from './helpers.ts';

function checkShape(q: { choices: string[]; answer: number }) {
  expect(q.choices.length).toBeGreaterThanOrEqual(3);
  expect(q.choices.length).toBeLessThanOrEqual(4);
  expect(new Set(q.choices).size).toBe(q.choices.length);
  for (const c of q.choices) expect(c.length).toBeLessThanOrEqual(CHOICE_MAX);
}

describe('GPT-2 token count questions', () => {
  it('counts tokens exactly as GPT-2\'s tokenizer does', async () => {
    const rng = seededRng(21);
    for (let i = 0; i < 25; i++) {
      const q = await gptTokens.generate(rng);
      checkShape(q);
      const sentence = /`([^`]+)`/.exec(q.prompt)![1];
      expect(q.choices[q.answer]).toBe(String(gpt2Encode(sentence).length));
      expect(q.id).toMatch(/^gen:gpt-tokens:[0-9a-f]{10}$/);
    }
  });
});

describe('LSTM forget gate questions', () => {
  // The LSTM written out again from the saved weights: flat order is
  // [forget, input gate, candidate, output] × [short-term weight, input weight, bias].
  const params: number[] = JSON.parse(fs.readFileSync(new URL('../../models/predict/lstm.json', import.meta.url), 'utf8')).params;
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  function forgetOnDay(prices: number[], day: number): number {
    let long = 0;
    let short = 0;
    let f = NaN;
    for (let t = 0; t < day; t++) {
      const x = prices[t];
      const z = (g: number) => params[g * 3] * short + params[g * 3 + 1] * x + params[g * 3 + 2];
      f = sig(z(0));
      long = long * f + Math.tanh(z(2)) * sig(z(1));
      short = Math.tanh(long) * sig(z(3));
    }
    return f;
  }

  it('gives the forget gate the shipped model computes on that day', async () => {
    const rng = seededRng(8);
    for (let i = 0; i < 25; i++) {
      const q = await forgetGate.generate(rng);
      checkShape(q);
      const m = /reads the prices (.*)\. On day (\d)/.exec(q.prompt)!;
      const prices = [...m[1].matchAll(/day \d: ([\d.]+)/g)].map((x) => Number(x[1]));
      expect(prices).toHaveLength(3);
      const expected = Math.round(100 * forgetOnDay(prices, Number(m[2])));
      expect(q.choices[q.answer]).toBe(`${expected}%`);
    }
  });
});

describe('embedding neighbour questions', () => {
  // A small vocabulary whose geometry we control: "queen" is a slightly moved "king", the rest random.
  const dim = 32;
  const rng = seededRng(5);
  const words = ['king', 'queen', 'water', 'river', ...Array.from({ length: 400 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`)];
  const matrix = new Float32Array(words.length * dim).map(() => rng() * 2 - 1);
  const row = (w: string) => matrix.subarray(words.indexOf(w) * dim, (words.indexOf(w) + 1) * dim);
  row('queen').set(row('king').map((x) => x + (rng() - 0.5) * 0.2));
  row('river').set(row('water').map((x) => x + (rng() - 0.5) * 0.4));
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'w2v-')), 'word2vec');
  saveVectors(dir, words, matrix, dim, {});

  function cos(a: string, b: string): number {
    const x = row(a), y = row(b);
    let d = 0, nx = 0, ny = 0;
    for (let i = 0; i < dim; i++) {
      d += x[i] * y[i];
      nx += x[i] ** 2;
      ny += y[i] ** 2;
    }
    return d / Math.sqrt(nx * ny);
  }

  it('is offered only when the vectors are on disk', () => {
    expect(embeddingNeighbourGenerator(path.join(dir, 'nope')).available()).toBe(false);
    expect(embeddingNeighbourGenerator(dir).available()).toBe(true);
  });

  it('gives a true top neighbour that beats every distractor by a clear margin', async () => {
    const gen = embeddingNeighbourGenerator(dir);
    const qrng = seededRng(12);
    for (let i = 0; i < 10; i++) {
      const q = await gen.generate(qrng);
      checkShape(q);
      const probe = /closest to "([a-z]+)"/.exec(q.prompt)![1];
      const ranked = words.slice(0, FREQUENT).filter((w) => w !== probe).sort((a, b) => cos(probe, b) - cos(probe, a));
      const answer = q.choices[q.answer];
      expect(ranked.slice(0, 6)).toContain(answer);
      for (const c of q.choices) if (c !== answer) expect(cos(probe, c)).toBeLessThan(cos(probe, answer) - 0.1);
    }
  });
});

describe('attention argmax questions', () => {
  const source = ['my', 'brother', 'has', 'a', 'red', 'car'];
  const tokens = ['mi', 'hermano', 'tiene', 'un', 'coche', 'rojo'];
  // One row per output token (+ <EOS>); "coche" looks mostly at "car", "rojo" at "red".
  const attention: number[][] = tokens.concat('<EOS>').map((_, j) => source.map((_, i): number => (i === Math.min(j, 5) ? 0.7 : 0.06)));
  attention[4] = [0.01, 0.02, 0.02, 0.05, 0.1, 0.8];
  attention[5] = [0.01, 0.02, 0.02, 0.05, 0.6, 0.3];
  const fake = async () => async () => ({ source, tokens, attention, unknown: [] });

  it('is offered only when a translation model with attention is installed', () => {
    const none = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-'));
    expect(attentionArgmaxGenerator(none, fake).available()).toBe(false);
  });

  it('asks about an output word and answers with the English word of highest weight', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tr-'));
    fs.mkdirSync(path.join(dir, 'attention'));
    fs.writeFileSync(path.join(dir, 'attention', 'metadata.json'), '{}');
    const gen = attentionArgmaxGenerator(dir, fake);
    const rng = seededRng(6);
    for (let i = 0; i < 20; i++) {
      const q = await gen.generate(rng);
      checkShape(q);
      const written = /When it writes "([^"]+)"/.exec(q.prompt)![1];
      const row = attention[tokens.indexOf(written)];
      const best = source[row.indexOf(Math.max(...row))];
      expect(q.choices[q.answer]).toBe(best);
      expect(q.prompt).toContain('LSTM-with-attention');
    }
  });

  it.runIf(attentionArgmax.available())(
    'agrees with a fresh run of the shipped model',
    async () => {
      const q = await attentionArgmax.generate(seededRng(4));
      const m = /translates "([^"]+)" as "[^"]*"\. When it writes "([^"]+)"/.exec(q.prompt)!;
      const kind = installedModel(path.join(MODELS_DIR, 'translate'))!;
      const service = (await import('../../src/nn/translate/infer/service' + '.ts')) as {
        translateText(t: string, k: string, o: { beam: number }): Promise<{ source: string[]; tokens: string[]; attention: number[][] }>;
      };
      const t = await service.translateText(m[1], kind, { beam: 1 });
      const row = t.attention[t.tokens.indexOf(m[2])];
      expect(q.choices[q.answer]).toBe(t.source[row.indexOf(Math.max(...row))]);
    },
    120_000,
  );
});

describe('the generator registry', () => {
  let store: SqliteStore | undefined;
  afterEach(async () => store?.close());

  const missing: QuestionGenerator = {
    id: 'missing-model',
    topic: 'word2vec',
    difficulty: 'medium',
    title: 'needs a model that is not there',
    available: () => false,
    generate: () => Promise.reject(new Error('must not be called')),
  };
  const broken: QuestionGenerator = { ...missing, id: 'broken', available: () => { throw new Error('disk on fire'); } };

  it('offers only generators whose model files are present, checked at run time', () => {
    expect(availableGenerators([missing, broken, gptTokens]).map((g) => g.id)).toEqual(['gpt-tokens']);
    expect(availableGenerators(GENERATORS, 'transformer').map((g) => g.id)).toContain('gpt-tokens');
    expect(availableGenerators([missing], 'word2vec')).toEqual([]);
  });

  it('asks a model question for source:model, and explains when the topic has none', async () => {
    store = tempStore();
    const service = new QuizService(store, new FakeClock(), { rng: seededRng(2), generators: [missing, gptTokens] });
    const where = { platform: 'test' as const, channelId: 'c1' };
    const ok = await service.start(where, { topic: 'transformer', source: 'model' }, 'u', new RecordingOutbox());
    if ('problem' in ok) throw new Error(ok.problem);
    expect(ok.quiz.question.id).toMatch(/^gen:gpt-tokens:/);
    expect(ok.reply.title).toMatch(/computed by our model/);
    const none = await service.start(where, { topic: 'word2vec', source: 'model' }, 'u', new RecordingOutbox());
    expect(none).toEqual({ problem: expect.stringMatching(/No model-computed questions are available for Word embeddings.*Try one of: Transformer/) });
    service.stop();
  });

  it('falls back to the bank when a generator fails, and says so for source:model', async () => {
    store = tempStore();
    const failing: QuestionGenerator = { ...missing, id: 'failing', topic: 'transformer', available: () => true };
    const service = new QuizService(store, new FakeClock(), { rng: seededRng(2), generators: [failing], generatedShare: 1 });
    const any = await service.start({ platform: 'test', channelId: 'c1' }, { topic: 'transformer' }, 'u');
    expect('quiz' in any && any.quiz.question.id).toMatch(/^transformer-\d+$/);
    const model = await service.start({ platform: 'test', channelId: 'c1' }, { topic: 'transformer', source: 'model' }, 'u');
    expect(model).toEqual({ problem: expect.stringMatching(/could not make a question/) });
    service.stop();
  });

  it('mixes generated questions into ordinary quizzes at the configured share', async () => {
    store = tempStore();
    const service = new QuizService(store, new FakeClock(), { rng: seededRng(9), generators: [gptTokens], generatedShare: 0.5 });
    let generated = 0;
    for (let i = 0; i < 40; i++) {
      const r = await service.start({ platform: 'test', channelId: 'c1' }, { topic: 'transformer' }, 'u');
      if ('quiz' in r && r.quiz.question.id.startsWith('gen:')) generated++;
    }
    expect(generated).toBeGreaterThan(8);
    expect(generated).toBeLessThan(32);
    service.stop();
  });
});
