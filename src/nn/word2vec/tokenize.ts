// GPT tokenizers (gpt-tokenizer): text → token ids and the text piece of each token.
// The encodings' tables cost ~0.5 s to import, so they load on first use, not at start-up.

export type Encoding = 'o200k_base' | 'cl100k_base';

interface Codec {
  encode: (t: string) => number[];
  decode: (ids: number[]) => string;
}

export const ENCODINGS: Record<Encoding, { load: () => Promise<Codec>; models: string }> = {
  o200k_base: { load: () => import('gpt-tokenizer/encoding/o200k_base'), models: 'GPT-4o and later' },
  cl100k_base: { load: () => import('gpt-tokenizer/encoding/cl100k_base'), models: 'GPT-4 and GPT-3.5' },
};

const loaded = new Map<Encoding, Promise<Codec>>();

function codec(encoding: Encoding): Promise<Codec> {
  let c = loaded.get(encoding);
  if (!c) loaded.set(encoding, (c = ENCODINGS[encoding].load()));
  return c;
}

export interface TokenPiece {
  text: string;
  ids: number[]; // usually one; several when one character spans tokens (bytes of an emoji, CJK)
}

/**
 * Tokens with their text. A token can hold part of a multi-byte character, which decodes alone
 * to '\uFFFD'; such tokens are grouped with the next ones until the text is whole.
 */
export async function tokenize(text: string, encoding: Encoding = 'o200k_base'): Promise<{ ids: number[]; pieces: TokenPiece[] }> {
  const { encode, decode } = await codec(encoding);
  const ids = encode(text);
  const pieces: TokenPiece[] = [];
  let pending: number[] = [];
  for (const id of ids) {
    pending.push(id);
    const piece = decode(pending);
    if (piece.endsWith('\uFFFD') && pending.length < 4) continue;
    pieces.push({ text: piece, ids: pending });
    pending = [];
  }
  if (pending.length) pieces.push({ text: decode(pending), ids: pending });
  return { ids, pieces };
}

/** Words as a person counts them: runs of letters/digits (with inner ' or -), or other symbols. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
