// Subjects: pronouns, names, people, coordinated subjects ("Ana and I").
import type { Rng } from '../../../src/core/random.ts';
import { NAMES, NAME_GENDER, type Gender } from './lexicon.ts';
import { type Det, type Person } from './spanish.ts';
import { seq, w } from './segment.ts';
import { lc } from './english.ts';
import { type NP, nounPhrase, nounsOf, pickAdj } from './noun-phrase.ts';

const PRONOUNS: { en: string; es: string; person: Person; g: Gender }[] = [
  { en: 'i', es: 'yo', person: 0, g: 'm' }, { en: 'you', es: 'tú', person: 1, g: 'm' },
  { en: 'he', es: 'él', person: 2, g: 'm' }, { en: 'she', es: 'ella', person: 2, g: 'f' },
  { en: 'we', es: 'nosotros', person: 3, g: 'm' }, { en: 'they', es: 'ellos', person: 5, g: 'm' },
];

function nameNP(name: string): NP {
  return { seg: w(lc(name), lc(name)), g: NAME_GENDER[name]!, plural: false, person: 2, head: 0 };
}

/** A person subject for coordination: "my sister", "the teacher", "ana". */
function personNP(rng: Rng): NP {
  if (rng.chance(0.3)) return nameNP(rng.pick(NAMES));
  const noun = rng.pick(nounsOf(['family', 'family', 'person']));
  const det = rng.weighted<Det>([[2, 'the'], [5, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our']]);
  return nounPhrase(noun, { det, plural: rng.chance(0.15) && noun.en !== 'family', adj: rng.chance(0.1) ? pickAdj(rng, noun) : null });
}

/**
 * Coordinated subjects agree in the plural: "my sister and I" → "mi hermana y yo" (nosotros:
 * "iremos"), "juan and my mother" → 3rd plural ("van"); masculine unless both are feminine.
 */
export function coordinatedSubject(rng: Rng): NP {
  const a = personNP(rng);
  if (rng.chance(0.5)) {
    const seg = seq(a.seg, w('and', 'y'), w('i', 'yo'));
    return { seg, g: 'm', plural: true, person: 3, head: seg.en.length - 1 };
  }
  const b = rng.chance(0.15) ? ({ seg: w('you', 'tú'), g: 'm', plural: false, person: 1, head: 0 } as NP) : personNP(rng);
  if (b.seg.en.join(' ') === a.seg.en.join(' ')) return a;
  const seg = seq(a.seg, w('and', 'y'), b.seg);
  // "you and juan" is ustedes in Latin America and in our grammar (no vosotros anywhere)
  return { seg, g: a.g === 'f' && b.g === 'f' ? 'f' : 'm', plural: true, person: 5, head: seg.en.length - 1 };
}

/** A subject: a pronoun (half the time), a name, a person or animal with a determiner, or two of them joined by "and". */
export function subject(rng: Rng, opts: { animals?: boolean; coord?: boolean } = {}): NP {
  if (opts.coord !== false && rng.chance(0.1)) return coordinatedSubject(rng);
  const r = rng.next();
  if (r < 0.5) {
    const p = rng.pick(PRONOUNS);
    return { seg: w(p.en, p.es), g: p.g, plural: p.person >= 3, person: p.person, head: 0, pronoun: true };
  }
  if (r < 0.62) {
    if (rng.chance(0.2)) {
      const [a, b] = [rng.pick(NAMES), rng.pick(NAMES)];
      if (a !== b) {
        const seg = seq(w(lc(a), lc(a)), w('and', 'y'), w(lc(b), lc(b)));
        return { seg, g: NAME_GENDER[a] === 'f' && NAME_GENDER[b] === 'f' ? 'f' : 'm', plural: true, person: 5, head: 2 };
      }
    }
    return nameNP(rng.pick(NAMES));
  }
  const pool = nounsOf(opts.animals === false ? ['family', 'person'] : ['family', 'family', 'person', 'animal']);
  const noun = rng.pick(pool);
  const plural = rng.chance(0.3) && noun.en !== 'family';
  const det = rng.weighted<Det>([[3, 'the'], [4, 'my'], [1, 'your'], [1, 'his'], [1, 'her'], [1, 'our'], [1, 'their'], [1, 'this'], [1, 'that']]);
  const adj = rng.chance(0.15) ? pickAdj(rng, noun) : null;
  return nounPhrase(noun, { det, plural, adj });
}
