// Hyper-parameters of the trainer; defaults are word2vec.c's (and the issue's) choices.
export type Architecture = 'skipgram' | 'cbow';

export interface Word2VecConfig {
  arch: Architecture; // skip-gram predicts context from the word; CBOW the word from its context
  dim: number; // 100: vector size
  window: number; // 5: max distance; the actual one is drawn from 1..window per word (dynamic window)
  negative: number; // 5: noise words per positive pair
  sample: number; // 1e-3: sub-sampling threshold for frequent words (0 = off)
  minCount: number; // 5: rarer words are dropped before training
  epochs: number; // 5: passes over the corpus
  alpha: number; // start learning rate: 0.025 skip-gram, 0.05 CBOW (word2vec.c), decays linearly
  threads: number; // worker threads sharing the weights without locks (Hogwild)
  seed: number; // thread t uses seed + t, so a 1-thread run is reproducible
  noisePower: number; // noise distribution unigram^power: 0.75 skip-gram (word2vec.c), 0.5 CBOW (fastText; see below)
  noiseTableSize: number; // 1e7 slots (word2vec.c uses 1e8; 1e7 is plenty below 1M words)
  kernel: 'wasm' | 'js'; // 'wasm': SIMD updates (≈2× faster, measured); 'js': the plain reference
}

export function defaultConfig(over: Partial<Word2VecConfig> = {}): Word2VecConfig {
  const arch = over.arch ?? 'skipgram';
  return {
    arch,
    dim: 100,
    window: 5,
    negative: 5,
    sample: 1e-3,
    minCount: 5,
    epochs: 5,
    alpha: arch === 'cbow' ? 0.05 : 0.025,
    threads: 1,
    seed: 1,
    // CBOW draws its noise words from count^0.5, as fastText does. Brown, 1 thread, median of 5
    // seeds, WS-353 / SimLex-999 / analogy %: ^0.75 0.206 / 0.138 / 3.5 (word2vec.c itself:
    // 0.214 / 0.130 / 3.7), ^0.5 0.229 / 0.158 / 2.9, fastText (4 seeds) 0.239 / 0.154 / 3.5.
    // Skip-gram keeps word2vec.c's ^0.75: it is level with fastText there.
    noisePower: arch === 'cbow' ? 0.5 : 0.75,
    noiseTableSize: 1e7,
    kernel: 'wasm',
    ...over,
  };
}
