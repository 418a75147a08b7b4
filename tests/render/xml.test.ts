import { describe, expect, it } from 'vitest';
import { renderBarChart, renderHeatmap, renderScatter, renderTokenStrip } from '../../src/render/index.ts';
import { escapeXml, xmlSafe } from '../../src/render/xml.ts';
import { decode } from './png.ts';

// Every character XML 1.0 forbids, as users can type or paste them.
const FORBIDDEN = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\udfff', '\ud800', '\ufffe', '\uffff'];

describe('xmlSafe / escapeXml', () => {
  it('drops the characters XML 1.0 forbids and keeps everything else', () => {
    expect(xmlSafe(`a${FORBIDDEN.join('')}b`)).toBe('ab');
    expect(xmlSafe('tab\there\nline\r🙂 中文 \ud83d\ude42')).toBe('tab\there\nline\r🙂 中文 🙂'); // a surrogate pair is not "lone"
    expect(xmlSafe('\ud83d')).toBe(''); // half an emoji
  });
  it('escapes markup', () => {
    expect(escapeXml('<a href="x">&\u0000</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('charts with forbidden characters in their text', () => {
  it('render instead of failing (repro: /tokenize text:a<NUL>b → "non-XML character")', () => {
    const strip = renderTokenStrip({ tokens: [{ text: 'a', id: 64 }, { text: '\u0000', id: 188 }, { text: 'b', id: 65 }], title: 'NUL \u0000 here' });
    expect(decode(strip.data).width).toBeGreaterThan(0);
    for (const ch of FORBIDDEN) {
      const heat = renderHeatmap({ rows: [`x${ch}`, 'y'], cols: [`a${ch}b`, 'c'], values: [[0.1, 0.9], [0.5, 0.5]], title: `t${ch}` });
      expect(decode(heat.data).width).toBe(640);
      const scatter = renderScatter({ points: [{ x: 0, y: 0, label: `w${ch}` }, { x: 1, y: 1, label: 'v' }], title: ch });
      expect(decode(scatter.data).width).toBe(640);
    }
    const bar = renderBarChart({ categories: ['a\u0000', '\ufffe'], series: [{ name: 'n\u0001', data: [1, 2] }] });
    expect(decode(bar.data).width).toBe(640);
  });
});
