// Wrong-but-plausible numeric choices around a computed answer.
import type { Rng } from '../random.ts';
import { shuffled } from '../random.ts';

/** Distinct positive integers near `answer` (plus any given misconceptions), `count` of them. */
export function numericDistractors(answer: number, count: number, rng: Rng, misconceptions: number[] = []): number[] {
  const out: number[] = [];
  const add = (n: number) => {
    if (Number.isInteger(n) && n > 0 && n !== answer && !out.includes(n)) out.push(n);
  };
  for (const m of shuffled(misconceptions, rng)) if (out.length < count) add(m);
  const offsets = shuffled([-3, -2, -1, 1, 2, 3, 4], rng);
  for (const d of offsets) if (out.length < count) add(answer + d);
  return out;
}
