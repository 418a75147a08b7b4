// xorshift32: a tiny, fast, seedable generator; each trainer thread owns one (seed + thread id).
// word2vec.c uses a 64-bit LCG, which needs BigInt in JS; xorshift keeps the loop in int32 math.
export class Rng {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9; // 0 is a fixed point of xorshift
  }
  /** Next uint32. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }
}
