import { describe, expect, it } from 'vitest';
import { BANK_DIR, BankError, CHOICE_MAX, loadBank, parseBankFile } from '../../src/quiz/bank.ts';
import { TOPICS } from '../../src/quiz/topics.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const good = {
  id: 'lstm-90',
  difficulty: 'easy',
  prompt: 'Which activation do the gates use?',
  choices: [{ text: 'sigmoid', correct: true }, { text: 'tanh' }, { text: 'ReLU' }],
  explanation: 'Gates output a fraction between 0 and 1, which is what a sigmoid gives.',
};

function file(questions: unknown[]) {
  return { topic: 'lstm', questions };
}

describe('the shipped question bank', () => {
  const bank = loadBank();

  it('has at least 80 questions covering every syllabus topic and difficulty', () => {
    expect(bank.length).toBeGreaterThanOrEqual(80);
    for (const t of TOPICS) {
      const mine = bank.filter((q) => q.topic === t);
      expect(mine.length, t).toBeGreaterThanOrEqual(12);
      expect(new Set(mine.map((q) => q.difficulty)).size, t).toBe(3);
    }
  });

  it('gives every question 3–4 distinct choices, one answer, and button labels within Slack and Discord limits', () => {
    for (const q of bank) {
      expect(q.choices.length).toBeGreaterThanOrEqual(3);
      expect(q.choices.length).toBeLessThanOrEqual(4);
      expect(new Set(q.choices.map((c) => c.toLowerCase())).size).toBe(q.choices.length);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.choices.length);
      for (const c of q.choices) expect(`D. ${c}`.length).toBeLessThanOrEqual(75);
    }
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
  });

  it('keeps one file per topic, whose ids start with the topic', () => {
    for (const f of fs.readdirSync(BANK_DIR)) {
      const data = JSON.parse(fs.readFileSync(path.join(BANK_DIR, f), 'utf8'));
      expect(f).toBe(`${data.topic}.json`);
      for (const q of data.questions) expect(q.id.startsWith(`${data.topic}-`)).toBe(true);
    }
  });
});

describe('bank validation', () => {
  it('accepts a well-formed question and finds its answer', () => {
    expect(parseBankFile('x.json', file([good]))[0]).toMatchObject({ answer: 0, topic: 'lstm', choices: ['sigmoid', 'tanh', 'ReLU'] });
  });

  it.each([
    ['no correct choice', { ...good, choices: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] }, /exactly one choice must be correct \(found 0\)/],
    ['two correct choices', { ...good, choices: [{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c' }] }, /found 2/],
    ['duplicate choices', { ...good, choices: [{ text: 'tanh', correct: true }, { text: 'Tanh' }, { text: 'c' }] }, /duplicate choice/],
    ['a label too long for a Slack button', { ...good, choices: [{ text: 'x'.repeat(CHOICE_MAX + 1), correct: true }, { text: 'b' }, { text: 'c' }] }, /fit a button/],
    ['only two choices', { ...good, choices: [{ text: 'a', correct: true }, { text: 'b' }] }, /3–4 choices/],
    ['five choices', { ...good, choices: ['a', 'b', 'c', 'd', 'e'].map((t, i) => ({ text: t, correct: i === 0 })) }, /3–4 choices/],
    ['an unknown difficulty', { ...good, difficulty: 'brutal' }, /difficulty/],
    ['a missing explanation', { ...good, explanation: '' }, /explanation/],
  ])('rejects %s, naming the question', (_, q, message) => {
    expect(() => parseBankFile('lstm.json', file([q]))).toThrow(BankError);
    expect(() => parseBankFile('lstm.json', file([q]))).toThrow(message);
    expect(() => parseBankFile('lstm.json', file([q]))).toThrow(/lstm-90/);
  });

  it('rejects an unknown topic and an id used twice across files', () => {
    expect(() => parseBankFile('x.json', { topic: 'cnn', questions: [good] })).toThrow(/topic/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-'));
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(file([good])));
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(file([good])));
    expect(() => loadBank(dir)).toThrow(/"lstm-90" is used twice/);
    fs.writeFileSync(path.join(dir, 'b.json'), '{ not json');
    expect(() => loadBank(dir)).toThrow(/not JSON/);
  });
});
