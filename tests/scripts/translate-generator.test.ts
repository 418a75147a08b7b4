import { describe, expect, it } from 'vitest';
import { buildCorpus, corpusStats } from '../../scripts/translate/corpus.ts';
import { Rng, nounPhrase, sentence } from '../../scripts/translate/generate.ts';
import { ADJECTIVES, NOUNS } from '../../scripts/translate/lexicon.ts';
import { adjectiveForm, conjugate, determiner, gerund, nounPlural, subjunctive1pl } from '../../scripts/translate/spanish.ts';
import { finalizeSpanish, w, seq } from '../../scripts/translate/segment.ts';
import { englishSurface, normalizeEnglish } from '../../src/nn/translate/text.ts';

const noun = (en: string) => NOUNS.find((n) => n.en === en)!;
const adj = (en: string) => ADJECTIVES.find((a) => a.en === en)!;

describe('Spanish morphology (spanish-verbs / spanish-words plus our fixes)', () => {
  it('conjugates stem-changing and irregular verbs that spanish-verbs gets wrong', () => {
    expect(([0, 1, 2, 3, 5] as const).map((p) => conjugate('jugar', 'present', p))).toEqual(['juego', 'juegas', 'juega', 'jugamos', 'juegan']);
    expect(conjugate('pensar', 'present', 0)).toBe('pienso');
    expect(conjugate('leer', 'preterite', 2)).toBe('leyó');
    expect(conjugate('dormir', 'preterite', 5)).toBe('durmieron');
    expect(conjugate('venir', 'future', 0)).toBe('vendré');
    expect(conjugate('salir', 'present', 0)).toBe('salgo');
    expect(conjugate('traer', 'preterite', 2)).toBe('trajo');
    expect(gerund('leer')).toBe('leyendo');
  });

  it('keeps the package’s correct forms for regular and common irregular verbs', () => {
    expect(conjugate('hablar', 'preterite', 2)).toBe('habló');
    expect(conjugate('tener', 'future', 3)).toBe('tendremos');
    expect(conjugate('ir', 'preterite', 0)).toBe('fui');
    expect(conjugate('ser', 'imperfect', 3)).toBe('éramos');
  });

  it("makes let's forms: vamos for ir, the nosotros subjunctive otherwise", () => {
    expect(subjunctive1pl('ir')).toBe('vamos');
    expect(subjunctive1pl('comer')).toBe('comamos');
    expect(subjunctive1pl('hacer')).toBe('hagamos');
    expect(subjunctive1pl('jugar')).toBe('juguemos');
  });

  it('agrees adjectives in gender and number', () => {
    expect(['m', 'f'].flatMap((g) => [false, true].map((pl) => adjectiveForm(adj('red'), g as 'm' | 'f', pl)))).toEqual(['rojo', 'rojos', 'roja', 'rojas']);
    expect(adjectiveForm(adj('blue'), 'f', true)).toBe('azules');
    expect(adjectiveForm(adj('happy'), 'm', true)).toBe('felices');
    expect(adjectiveForm(adj('brown'), 'f', true)).toBe('marrones');
    expect(adjectiveForm(adj('young'), 'm', true)).toBe('jóvenes');
    expect(adjectiveForm(adj('hardworking'), 'f', false)).toBe('trabajadora');
  });

  it('pluralises nouns and picks agreeing determiners, including el agua', () => {
    expect(nounPlural(noun('pencil'))).toBe('lápices');
    expect(nounPlural(noun('bus'))).toBe('autobuses');
    expect(nounPlural(noun('exam'))).toBe('exámenes');
    expect(nounPlural(noun('country'))).toBe('países');
    expect(determiner('the', noun('water'), false)).toBe('el');
    expect(determiner('the', noun('milk'), false)).toBe('la');
    expect(determiner('our', noun('house'), true)).toBe('nuestras');
    expect(determiner('this', noun('book'), true)).toBe('estos');
  });
});

describe('noun phrases and spelling rules', () => {
  it('puts the adjective after the noun, agreeing, with links crossing', () => {
    const np = nounPhrase(noun('house'), { det: 'the', plural: true, adj: adj('red') });
    expect(np.seg.en).toEqual(['the', 'red', 'houses']);
    expect(np.seg.es).toEqual(['las', 'casas', 'rojas']);
    expect(np.seg.links).toEqual(expect.arrayContaining([[0, 0], [1, 2], [2, 1]]));
    const water = nounPhrase(noun('water'), { det: 'the', adj: adj('cold') });
    expect(water.seg.es).toEqual(['el', 'agua', 'fría']);
  });

  it('contracts a + el and de + el, and writes e before an /i/ sound', () => {
    const s = finalizeSpanish(seq(w('to', 'a'), w('the park', 'el parque'), w('and', 'y'), w('english', 'inglés')));
    expect(s.es).toEqual(['al', 'parque', 'e', 'inglés']);
    expect(s.links).toEqual([[0, 0], [1, 0], [2, 1], [3, 2], [4, 3]]);
  });
});

describe('sentences', () => {
  const rng = new Rng(42);
  const pairs = Array.from({ length: 3000 }, () => sentence(rng));

  it('is deterministic for a seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 50; i++) expect(sentence(a)).toEqual(sentence(b));
  });

  it('links every Spanish token to an English token, within bounds', () => {
    const bad: string[] = [];
    for (const p of pairs) {
      const inRange = p.align.every(([s, t]) => s >= 0 && s < p.src.length && t >= 0 && t < p.tgt.length);
      const covered = new Set(p.align.map(([, t]) => t)).size === p.tgt.length;
      if (!inRange || !covered) bad.push(`${p.src.join(' ')} => ${p.tgt.join(' ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('writes English that the input normaliser reads back to the same tokens', () => {
    const r = new Rng(3);
    for (const p of pairs.slice(0, 500)) expect(normalizeEnglish(englishSurface(p.src, () => r.chance(0.5))).tokens).toEqual(p.src);
  });

  it("translates let's go as vamos, like with gustar, negation with no, questions with ¿ ?", () => {
    const lets = pairs.filter((p) => p.src[0] === "let's" && p.src[1] === 'go' && p.src[2] !== 'to' && p.src.length === 2);
    for (const p of lets) expect(p.tgt).toEqual(['vamos']);
    const iLike = pairs.filter((p) => p.src[0] === 'i' && p.src[1] === 'like');
    expect(iLike.length).toBeGreaterThan(0);
    for (const p of iLike) {
      expect(p.tgt[0]).toBe('me');
      expect(['gusta', 'gustan', 'gustó', 'gustaron']).toContain(p.tgt[1]);
    }
    const dont = pairs.filter((p) => p.src[0] === 'i' && p.src[1] === 'do' && p.src[2] === 'not' && !['like', 'love'].includes(p.src[3]!));
    expect(dont.length).toBeGreaterThan(0);
    for (const p of dont) expect(p.tgt.slice(0, 2)).toEqual(['yo', 'no']);
    for (const p of pairs.filter((x) => x.src.at(-1) === '?')) {
      expect(p.tgt[0]).toBe('¿');
      expect(p.tgt.at(-1)).toBe('?');
    }
  });
});

describe('corpus', () => {
  const c = buildCorpus({ seed: 5, train: 6000, valid: 300, test: 300, long: 40 });
  it('shares no sentence between splits and keeps the long set at 20–30 words', () => {
    const keys = (xs: { src: string[] }[]) => new Set(xs.map((x) => x.src.join(' ')));
    const [tr, va, te, lo] = [keys(c.train), keys(c.valid), keys(c.test), keys(c.long)];
    for (const k of te) expect(tr.has(k) || va.has(k) || lo.has(k)).toBe(false);
    for (const k of va) expect(tr.has(k)).toBe(false);
    for (const k of lo) expect(tr.has(k)).toBe(false);
    for (const e of c.long) {
      const n = e.src.filter((t) => t !== '?').length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(30);
    }
  });

  it('covers at least 500 English word types and writes Spanish with ¿ and capitals', () => {
    const s = corpusStats(c);
    expect(s.englishTypes).toBeGreaterThanOrEqual(500);
    const q = c.test.find((e) => e.es.startsWith('¿'))!;
    expect(q.es).toMatch(/^¿[A-ZÁÉÍÓÚÑ].*\?$/);
  });
});
