// GPT tokenizers (gpt-tokenizer): text → token ids and the text piece of each token.
import { decode as decodeCl100k, encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { decode as decodeO200k, encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';

export type Encoding = 'o200k_base' | 'cl100k_base';

export const ENCODINGS: Record<Encoding, { encode: (t: string) => number[]; decode: (ids: number[]) => string; models: string }> = {
  o200k_base: { encode: encodeO200k, decode: decodeO200k, models: 'GPT-4o and later' },
  cl100k_base: { encode: encodeCl100k, decode: decodeCl100k, models: 'GPT-4 and GPT-3.5' },
};

export interface TokenPiece {
  text: string;
  ids: number[]; // usually one; several when one character spans tokens (bytes of an emoji, CJK)
}

/**
 * Tokens with their text. A token can hold part of a multi-byte character, which decodes alone
 * to '\uFFFD'; such tokens are grouped with the next ones until the text is whole.
 */
export function tokenize(text: string, encoding: Encoding = 'o200k_base'): { ids: number[]; pieces: TokenPiece[] } {
  const { encode, decode } = ENCODINGS[encoding];
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
