import { describe, expect, it } from 'vitest';
import { bleuStats, corpusBleu } from '../../scripts/translate/bleu.ts';
import { loadEveryday, matchesAny } from '../../scripts/translate/everyday.ts';

describe('everyday dev set (npm run eval:everyday)', () => {
  const items = loadEveryday();

  it('holds 100+ hand-written sentences, each with 1–3 written Spanish references', () => {
    expect(items.length).toBeGreaterThanOrEqual(100);
    for (const it of items) {
      expect(it.en).toMatch(/^[A-Z].*[.?!]$/);
      expect(it.refs.length).toBeGreaterThanOrEqual(1);
      expect(it.refs.length).toBeLessThanOrEqual(3);
      for (const r of it.refs) expect(r).toMatch(/^[¿¡]?[A-ZÁÉÍÓÚÑ].*[.?!]$/);
    }
    expect(new Set(items.map((x) => x.en)).size).toBe(items.length);
  });

  it('scores against the closest of several references, as sacreBLEU does', () => {
    const refs = ['Yo tengo dos hermanos.', 'Tengo dos hermanos.'];
    expect(corpusBleu(['Tengo dos hermanos.'], [refs])).toBeCloseTo(100, 6);
    // clipped counts take the max over references; brevity uses the closest length (4, not 5)
    const st = bleuStats('Tengo dos hermanos.', refs);
    expect(st.refLen).toBe(4);
    expect(st.correct[0]).toBe(4);
    expect(corpusBleu(['Tengo tres hermanos.'], [refs])).toBeLessThan(100);
  });

  it('counts an exact match against any reference, ignoring case and punctuation', () => {
    expect(matchesAny('no lo veo', ['No lo veo.', 'Yo no lo veo.'])).toBe(true);
    expect(matchesAny('Yo no veo.', ['No lo veo.', 'Yo no lo veo.'])).toBe(false);
  });
});
