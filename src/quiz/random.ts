// Small helpers over an injectable random source, so tests can make choices deterministic.
import { mulberry32 } from '../core/random.ts';
export type Rng = () => number; // uniform in [0, 1)

export function pickOne<T>(items: readonly T[], rng: Rng): T {
  if (items.length === 0) throw new Error('pickOne: empty list');
  return items[Math.min(items.length - 1, Math.floor(rng() * items.length))];
}

/** Fisher–Yates: a new array in random order. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A seeded generator (mulberry32) for reproducible tests and benches. */
export function seededRng(seed: number): Rng {
  return mulberry32(seed);
}
