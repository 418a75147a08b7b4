import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.ts';
import { restoreCase } from '../../src/nn/translate/infer/subword-text.ts';
import { cleanApertium } from '../../scripts/translate/distill/apertium.ts';
import { detokenizeBrown } from '../../scripts/translate/distill/english.ts';
import { chatify } from '../../scripts/translate/distill/talk.ts';
import { WILD_KINDS, englishKey, loadWild } from '../../scripts/translate/devset/wild.ts';
import { copiedWords, hasLoop, isTruncated, scoreWild, wildNorm } from '../../scripts/translate/eval-wild.ts';

describe('wild dev set', () => {
  it('has about 40 sentences of each kind, each with 2+ references, and no duplicates', () => {
    const items = loadWild();
    for (const k of WILD_KINDS) expect(items.filter((x) => x.kind === k).length).toBeGreaterThanOrEqual(40);
    const multi = items.filter((x) => x.refs.length >= 2).length;
    expect(multi / items.length).toBeGreaterThan(0.9);
    expect(new Set(items.map((x) => englishKey(x.en))).size).toBe(items.length);
    for (const x of items.filter((i) => i.kind === 'long')) expect(x.en.split(' ').length).toBeGreaterThanOrEqual(15);
  });

  it('scores lower-cased with ¿¡?!.,;: removed, and counts loops, truncations and copied words', () => {
    expect(wildNorm('¿Dónde  está, Ana?')).toBe('dónde está ana');
    expect(hasLoop('el gato el gato come')).toBe(true);
    expect(hasLoop('muy muy muy bien')).toBe(true);
    expect(hasLoop('muy muy bien')).toBe(false);
    expect(isTruncated('hace buen tiempo', ['hace buen tiempo hoy así que vamos a estudiar juntos'])).toBe(true);
    expect(isTruncated('hace buen tiempo hoy vamos a estudiar', ['hace buen tiempo hoy así que vamos a estudiar'])).toBe(false);
    expect(copiedWords('Mi amigo Kowalski usa dropout', 'My friend Kowalski uses dropout')).toBe(2);
    const s = scoreWild([{ kind: 'course', en: 'Do you live in the city now?', refs: ['¿Vives en la ciudad ahora?', 'Otra cosa.'] }], ['¡Vives en la ciudad ahora!']);
    expect(s.bleu.course).toBeCloseTo(100, 5);
  });
});

describe('distillation data', () => {
  it('detokenises Brown sentences', () => {
    expect(detokenizeBrown("The/at jury/nn said/vbd ``/`` no/at ''/'' ,/, it/pps isn't/bez* ./.")).toBe('The jury said "no", it isn\'t.');
  });

  it('keeps Apertium translations with names copied, drops broken ones', () => {
    expect(cleanApertium('Mi amigo *Kowalski compró 3 manzanas.')).toEqual({ es: 'Mi amigo Kowalski compró 3 manzanas.', unknown: ['Kowalski'] });
    expect(cleanApertium('El #ir a casa.').es).toBeUndefined();
    expect(cleanApertium('Los *lurking *shenanigans.').es).toBeUndefined();
  });

  it('types a clean sentence as chat without changing its words beyond the usual shortcuts', () => {
    const rng = new Rng(3);
    const typed = Array.from({ length: 40 }, () => chatify(rng, "I'm tired, don't wait for me."));
    for (const c of typed) expect(c).toBe(c.toLowerCase());
    // most drop the apostrophes (im, dont), as people type them; some keep them
    expect(typed.filter((c) => /\bim\b/.test(c)).length).toBeGreaterThan(25);
    expect(typed.filter((c) => /\bdont\b/.test(c)).length).toBeGreaterThan(25);
    expect(chatify(new Rng(1), 'See you tomorrow!', { emoji: '🙂' })).toMatch(/🙂$/);
  });
});

describe('subword output', () => {
  it('puts the capitals the user wrote on names back into the translation', () => {
    expect(restoreCase('Mi amigo kowalski vive en madrid.', 'My friend Kowalski lives in Madrid.')).toBe('Mi amigo Kowalski vive en Madrid.');
    expect(restoreCase('Juan come.', 'juan eats', new Set(['juan']))).toBe('Juan come.');
  });
});
