// Issue 16 §2: the four bank questions the review found false or misattributed stay fixed.
import { describe, expect, it } from 'vitest';
import { bank } from '../../src/quiz/bank.ts';

const q = (id: string) => {
  const found = bank().find((b) => b.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const correct = (id: string) => q(id).choices[q(id).answer]!;

describe('quiz bank facts', () => {
  it('rnn-09 does not claim tanh makes every step shrink the gradient (false when |w| > 1)', () => {
    expect(correct('rnn-09')).not.toMatch(/can only shrink/);
    expect(q('rnn-09').explanation).toMatch(/\|w\| > 1/);
  });

  it('attention-13 counts the <EOS> step: 6 decoder steps × 7 inputs = 42', () => {
    expect(q('attention-13').prompt).toContain('<EOS>');
    expect(correct('attention-13')).toBe(String(6 * 7));
  });

  it('word2vec-15 has no false premise about Monday and Tuesday rarely sharing a sentence', () => {
    expect(q('word2vec-15').prompt).not.toMatch(/rarely/);
    expect(q('word2vec-15').choices.join(' ')).not.toMatch(/rarely co-occur/);
  });

  it('attention-09 attributes the attention output layer to Luong, not Bahdanau', () => {
    expect(q('attention-09').prompt).toContain('Luong');
    expect(q('attention-09').explanation).toMatch(/Luong et al\.'s \(2015\); in Bahdanau/);
  });
});
