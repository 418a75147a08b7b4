// One seeded generator for everything that must be reproducible (demos, quizzes, tests, benches).

/** mulberry32: a fast 32-bit PRNG; uniform numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 with the helpers a generator wants: integers, picks, coin flips, weighted picks. */
export class Rng {
  private readonly next_: () => number;
  constructor(seed: number) {
    this.next_ = mulberry32(seed);
  }
  next(): number {
    return this.next_();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Pick by weight: [[weight, value], ...]. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((s, [k]) => s + k, 0);
    let r = this.next() * total;
    for (const [k, x] of xs) if ((r -= k) < 0) return x;
    return xs[xs.length - 1]![1];
  }
}
