import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { decodeHalf, encodeHalf, fromHalf, toHalf } from '../../src/nn/float16.ts';
import { loadWeights } from '../../src/nn/translate/model/weights.ts';

describe('float16 codec', () => {
  it('rounds to nearest, ties to even', () => {
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00); // halfway between 1 and 1 + 2⁻¹⁰: the even one
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway between odd …01 and even …10
    expect(toHalf(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // just above halfway: up
    expect(toHalf(2 ** -25)).toBe(0); // half the smallest subnormal: tie to even (0)
    expect(toHalf(3 * 2 ** -25)).toBe(0x0002); // subnormal tie between 1 and 2 units: 2
    expect(toHalf(-(1 + 3 * 2 ** -11))).toBe(0xbc02);
  });

  it('overflows to inf, keeps inf and NaN', () => {
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(65519)).toBe(0x7bff);
    expect(toHalf(65520)).toBe(0x7c00); // the tie above the largest half rounds to even: inf
    expect(toHalf(-Infinity)).toBe(0xfc00);
    expect(Number.isNaN(fromHalf(toHalf(NaN)))).toBe(true);
  });

  it('every half value survives decode → encode', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const back = encodeHalf(decodeHalf(all));
    for (let h = 0; h < 65536; h++) {
      const nan = (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
      if (!nan) expect(back[h]).toBe(h);
    }
  });

  it('decodes the shipped translation weights exactly as tfjs does, and re-encodes them byte for byte', () => {
    for (const kind of ['attention', 'transformer', 'seq2seq']) {
      const dir = path.resolve('models/translate', kind);
      if (!fs.existsSync(path.join(dir, 'weights.json'))) continue;
      const ours = loadWeights(tf, dir);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'weights.json'), 'utf8'));
      const buf = fs.readFileSync(path.join(dir, 'weights.bin'));
      const theirs = tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), manifest.weightsManifest[0].weights);
      expect([...ours.keys()]).toEqual(Object.keys(theirs));
      const reencoded: Buffer[] = [];
      for (const [name, t] of ours) {
        const a = t.dataSync() as Float32Array;
        const b = theirs[name]!.dataSync() as Float32Array;
        expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true);
        reencoded.push(Buffer.from(encodeHalf(a).buffer));
      }
      expect(Buffer.concat(reencoded).equals(buf)).toBe(true); // the codec writes the shipped bytes back
      tf.dispose([...ours.values(), ...Object.values(theirs)]);
    }
  });
});
