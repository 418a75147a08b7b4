// Builds the parallel corpus from the generator: sentences split into train / valid / test with
// no English sentence shared (train may repeat a sentence, up to MAX_TRAIN_REPEATS), plus a "long" test set of 20–30-word sentences.
import { englishSurface, formatSpanish } from '../../src/nn/translate/model/text.ts';
import { Rng, sentence, type Pair } from './generate.ts';
import { properNames } from './grammar/lexicon.ts';

export interface Example extends Pair {
  en: string; // written English, as a member would type it
  es: string; // written Spanish reference
}

export interface Corpus {
  train: Example[];
  valid: Example[];
  test: Example[];
  long: Example[];
}

export interface CorpusOptions {
  seed: number;
  train: number;
  valid: number;
  test: number;
  long: number;
}

export const DEFAULT_CORPUS: CorpusOptions = { seed: 1234, train: 120_000, valid: 2_000, test: 2_000, long: 500 };

const words = (p: Pair) => p.src.filter((t) => t !== '?').length;

function toExample(p: Pair, rng: Rng): Example {
  const names = properNames();
  return {
    ...p,
    en: englishSurface(p.src, () => rng.chance(0.5), names.en),
    es: formatSpanish(p.tgt, { properNames: names.es }),
  };
}

/**
 * Most often a train sentence may repeat. Each distinct sentence is assigned to one side (train or
 * held-out) when first drawn; a train sentence may then come back up to this many times, so short
 * everyday sentences ("thank you very much", "i see it") are seen as often as a course uses them
 * instead of once in 120k, while valid/test stay distinct and disjoint from train.
 */
export const MAX_TRAIN_REPEATS = 8;

export function buildCorpus(o: CorpusOptions = DEFAULT_CORPUS): Corpus {
  const rng = new Rng(o.seed);
  const surfaceRng = new Rng(o.seed ^ 0x5eed);
  const splitRng = new Rng(o.seed ^ 0x5b1d);
  const side = new Map<string, 'train' | 'held'>();
  const repeats = new Map<string, number>();
  const train: Example[] = [];
  const all: Example[] = []; // held out: valid + test
  const held = o.valid + o.test;
  const total = o.train + held;
  let guard = 0;
  while ((train.length < o.train || all.length < held) && guard++ < total * 20) {
    const p = sentence(rng);
    const key = p.src.join(' ');
    if (words(p) > 30) continue;
    const known = side.get(key);
    if (known === undefined) {
      let to: 'train' | 'held' = splitRng.chance(held / total) ? 'held' : 'train';
      if (to === 'held' && all.length >= held) to = 'train';
      if (to === 'train' && train.length >= o.train) to = 'held';
      side.set(key, to);
      repeats.set(key, 1);
      (to === 'train' ? train : all).push(toExample(p, surfaceRng));
    } else if (known === 'train' && train.length < o.train && repeats.get(key)! < MAX_TRAIN_REPEATS) {
      repeats.set(key, repeats.get(key)! + 1);
      train.push(toExample(p, surfaceRng));
    }
  }
  const seen = new Set(side.keys());
  // held-out sentences are all distinct and never in train; shuffle so valid and test mix kinds
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const long: Example[] = [];
  guard = 0;
  while (long.length < o.long && guard++ < o.long * 200) {
    const p = sentence(rng, { minClauses: 3, maxClauses: 5 });
    const n = words(p);
    const key = p.src.join(' ');
    if (n < 20 || n > 30 || seen.has(key)) continue;
    seen.add(key);
    long.push(toExample(p, surfaceRng));
  }
  return {
    valid: all.slice(0, o.valid),
    test: all.slice(o.valid, o.valid + o.test),
    train,
    long,
  };
}

export function corpusStats(c: Corpus) {
  const enTypes = new Set<string>();
  const esTypes = new Set<string>();
  const lengths = new Map<number, number>();
  for (const split of [c.train, c.valid, c.test, c.long]) {
    for (const e of split) {
      e.src.forEach((t) => enTypes.add(t));
      e.tgt.forEach((t) => esTypes.add(t));
      const n = words(e);
      lengths.set(n, (lengths.get(n) ?? 0) + 1);
    }
  }
  return {
    sizes: { train: c.train.length, valid: c.valid.length, test: c.test.length, long: c.long.length },
    distinctTrain: new Set(c.train.map((e) => e.src.join(' '))).size,
    englishTypes: enTypes.size,
    spanishTypes: esTypes.size,
    maxWords: Math.max(...lengths.keys()),
    minWords: Math.min(...lengths.keys()),
    meanTrainWords: c.train.reduce((s, e) => s + words(e), 0) / c.train.length,
  };
}
