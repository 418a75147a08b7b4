import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dropTables, fontFilesForRaster, PACKAGED_FONT_FILES, textWidth } from '../../src/render/fonts.ts';
import { ellipsize, formatTick, formatValue } from '../../src/render/labels.ts';

function tableTags(ttf: Buffer): string[] {
  const n = ttf.readUInt16BE(4);
  return Array.from({ length: n }, (_, i) => ttf.toString('latin1', 12 + 16 * i, 16 + 16 * i));
}

describe('labels', () => {
  it('keeps 14 characters of a long token and adds an ellipsis', () => {
    expect(ellipsize('a'.repeat(40))).toBe('a'.repeat(14) + '…');
    expect(ellipsize('short')).toBe('short');
    expect(ellipsize('x'.repeat(14))).toBe('x'.repeat(14));
    expect(ellipsize('  two\n\twords ')).toBe('two words');
  });

  it('counts an emoji with its modifiers as one character and marks what the font lacks', () => {
    expect(ellipsize('👍🏽 ok')).toBe('□ ok'); // Inter has no emoji: drawn as one box, not nothing
    expect(ellipsize('中文')).toBe('□□');
    expect(ellipsize('café naïve Ωμέγα жук')).toBe('café naïve Ωμέ…');
    expect(ellipsize('👨‍👩‍👧'.repeat(20))).toBe('□'.repeat(14) + '…');
  });

  it('formats values and ticks compactly', () => {
    expect(formatValue(0.456, 'percent')).toBe('46%');
    expect(formatValue(-0.001, 'fixed2')).toBe('0.00');
    expect(formatValue(0.12345, 'fixed3')).toBe('0.123');
    expect(formatTick(25000)).toBe('25k');
    expect(formatTick(1_234_000_000)).toBe('1.23B');
    expect(formatTick(-3_500_000)).toBe('-3.5M');
    expect(formatTick(0.0001)).toBe('1e-4');
    expect(formatTick(0.25)).toBe('0.25');
  });
});

describe('fonts', () => {
  it('measures text with Inter metrics', () => {
    expect(textWidth('W', 13)).toBeGreaterThan(textWidth('i', 13) * 2);
    expect(textWidth('attention', 26)).toBeCloseTo(textWidth('attention', 13) * 2, 6);
    expect(textWidth('attention', 13)).toBeGreaterThan(50);
    expect(textWidth('attention', 13)).toBeLessThan(70);
  });

  it('hands resvg the packaged Inter without its layout tables, everything else intact', () => {
    expect(PACKAGED_FONT_FILES.every((f) => f.includes('@expo-google-fonts/inter'))).toBe(true);
    const original = readFileSync(PACKAGED_FONT_FILES[0]!);
    const stripped = readFileSync(fontFilesForRaster()[0]!);
    expect(tableTags(original)).toContain('GPOS');
    expect(tableTags(stripped).sort()).toEqual(tableTags(original).filter((t) => !['GSUB', 'GPOS', 'GDEF'].includes(t)).sort());
    expect(stripped.equals(dropTables(original, ['GSUB', 'GPOS', 'GDEF']))).toBe(true);
    // The glyph outlines are byte for byte the same.
    const table = (ttf: Buffer, tag: string) => {
      const i = tableTags(ttf).indexOf(tag);
      const off = ttf.readUInt32BE(12 + 16 * i + 8);
      return ttf.subarray(off, off + ttf.readUInt32BE(12 + 16 * i + 12));
    };
    expect(table(stripped, 'glyf').equals(table(original, 'glyf'))).toBe(true);
  });
});
