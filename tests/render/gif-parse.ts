// Test helper: walk a GIF's block structure (no decoding of pixels) to count frames and delays.
export function gifFrames(b: Uint8Array): { width: number; height: number; frames: number; delaysCs: number[]; loops: boolean } {
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (ascii(0, 6) !== 'GIF89a') throw new Error('not a GIF89a');
  const width = b[6]! | (b[7]! << 8);
  const height = b[8]! | (b[9]! << 8);
  let i = 13;
  if (b[10]! & 0x80) i += 3 * 2 ** ((b[10]! & 7) + 1); // global colour table
  const skipSubBlocks = () => {
    while (b[i]! !== 0) i += b[i]! + 1;
    i++;
  };
  let frames = 0;
  let loops = false;
  const delaysCs: number[] = [];
  while (i < b.length) {
    const block = b[i++]!;
    if (block === 0x3b) return { width, height, frames, delaysCs, loops };
    if (block === 0x21) {
      const label = b[i++]!;
      if (label === 0xf9) delaysCs.push(b[i + 2]! | (b[i + 3]! << 8));
      if (label === 0xff && ascii(i + 1, 8) === 'NETSCAPE') loops = true;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const flags = b[i + 8]!;
      i += 9;
      if (flags & 0x80) i += 3 * 2 ** ((flags & 7) + 1); // local colour table
      i++; // LZW minimum code size
      skipSubBlocks();
    } else throw new Error(`unexpected block 0x${block.toString(16)} at ${i - 1}`);
  }
  throw new Error('GIF has no trailer');
}
