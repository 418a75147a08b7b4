// Issue 16 §2: each fact the review found wrong or misleading, asserted on the replies themselves.
import { describe, expect, it } from 'vitest';
import { getTopic } from '../../src/explain/topics.ts';
import { dayWalkthrough, DEFAULT_LSTM_INPUT } from '../../src/explain/lstm.ts';
import { runLstm } from '../../src/nn/lstm-unit.ts';
import { loadPredictModels } from '../../src/nn/predict/model.ts';
import type { TopicId } from '../../src/explain/types.ts';

async function deepText(id: TopicId): Promise<string> {
  const e = await getTopic(id).explain({ depth: 'deep' });
  return [e.text, ...(e.sections ?? []).map((s) => `${s.name}\n${s.value}`)].join('\n');
}

describe('gate computations a student can redo', () => {
  it('shows day 1 forget gate as σ(5.79·0 + 0.42·1.00 + 1.31) = 0.850 with the shipped weights', () => {
    const day1 = runLstm(loadPredictModels().lstm, DEFAULT_LSTM_INPUT)[0]!;
    const text = dayWalkthrough(day1);
    expect(text).toContain('σ(5.79·0 + 0.42·1.00 + 1.31) = 0.850');
    expect(text).not.toContain('tanh(…)');
    // every gate line carries its own weights and bias
    expect(text.match(/(σ|tanh)\(-?\d+\.\d\d·/g)).toHaveLength(4);
  });
});

describe('attributions', () => {
  it('credits dot-product scoring to Luong et al. 2015 and the feed-forward score to Bahdanau et al. 2015', async () => {
    const text = await deepText('attention');
    expect(text).toMatch(/dot product.*Luong/s);
    expect(text).toMatch(/Bahdanau[^.]*feed-forward network/);
  });

  it('says the 1997 LSTM had no forget gate and Gers et al. (2000) added it', async () => {
    const text = await deepText('lstm');
    expect(text).toContain('1997');
    expect(text).toMatch(/Gers[^.]*2000[^.]*added the forget gate/);
  });
});

describe('one count of LSTM gates everywhere', () => {
  it('seq2seq says 3 gates plus the candidate = 4 weight blocks, never "4 gates"', async () => {
    const text = await deepText('seq2seq');
    expect(text).not.toMatch(/4 gates/);
    expect(text).toContain('3 gates (forget, input, output) plus the candidate memory: 4 weight blocks');
  });
});

describe('the notes\' "cross validation"', () => {
  it('word2vec says, kindly, that the loss meant is cross-entropy', async () => {
    const text = await deepText('word2vec');
    expect(text).toContain('"softmax and cross validation"');
    expect(text).toMatch(/the loss meant is cross-entropy, an easy slip/);
  });
});
