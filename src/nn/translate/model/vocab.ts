// Token ↔ id maps. Id 0 pads, 1 is <EOS> (it also starts the decoder, as in the notes), 2 is <UNK>.
export const PAD = 0;
export const EOS = 1;
export const UNK = 2;
const SPECIAL = ['<PAD>', '<EOS>', '<UNK>'];

export class Vocab {
  readonly tokens: string[];
  private readonly index: Map<string, number>;

  constructor(tokens: readonly string[]) {
    this.tokens = [...SPECIAL, ...tokens.filter((t) => !SPECIAL.includes(t))];
    this.index = new Map(this.tokens.map((t, i) => [t, i]));
  }

  /** Tokens by descending frequency, then alphabetically, so the same corpus gives the same ids. */
  static fromCorpus(sentences: Iterable<readonly string[]>): Vocab {
    const counts = new Map<string, number>();
    for (const s of sentences) for (const t of s) counts.set(t, (counts.get(t) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
    return new Vocab(sorted);
  }

  get size(): number {
    return this.tokens.length;
  }

  has(token: string): boolean {
    return this.index.has(token);
  }

  id(token: string): number {
    return this.index.get(token) ?? UNK;
  }

  encode(tokens: readonly string[]): number[] {
    return tokens.map((t) => this.id(t));
  }

  decode(ids: readonly number[]): string[] {
    const out: string[] = [];
    for (const i of ids) {
      if (i === EOS) break;
      if (i !== PAD) out.push(this.tokens[i] ?? '<UNK>');
    }
    return out;
  }

  /** The words a user may type (no special tokens). */
  words(): string[] {
    return this.tokens.slice(SPECIAL.length);
  }
}
