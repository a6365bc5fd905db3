import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from '../../../shared/matching/distance';
import { toSearchForm } from '../../../shared/matching/normalize';
import { CORRUPTION_TYPES, generateQueries, typo } from './corrupt';
import { summarize } from './metrics';
import type { QueryOutcome } from './metrics';
import { createRng, generatePopulation, NATIONALITIES } from './population';

const population = generatePopulation({ persons: 3000, seed: 7 });

describe('the synthetic population', () => {
  it('is the same for the same seed and different for another', () => {
    const again = generatePopulation({ persons: 50, seed: 7 });
    expect(again).toEqual(population.slice(0, 50));
    expect(generatePopulation({ persons: 50, seed: 8 })).not.toEqual(again);
  });

  it('has unique 12-digit AZR numbers', () => {
    const numbers = new Set(population.map((p) => p.azrNummer));
    expect(numbers.size).toBe(population.length);
    for (const n of numbers) expect(n).toMatch(/^\d{12}$/);
  });

  it('mixes nationalities roughly like the register, Turkey and Ukraine first', () => {
    const count = (key: string) => population.filter((p) => p.herkunft.nationality === key).length;
    expect(count('TUR')).toBeGreaterThan(count('IRN') * 4);
    expect(count('UKR')).toBeGreaterThan(count('IND') * 2);
    for (const n of NATIONALITIES) expect(count(n.key), n.key).toBeGreaterThan(0);
  });

  it('stores Latin names only (Cyrillic is transliterated)', () => {
    for (const p of population)
      expect(p.familienname + p.vornamen).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('holds placeholder 01.01., partial and unknown birth dates, more often for Afghanistan', () => {
    const share = (key: string, f: (p: (typeof population)[number]) => boolean) => {
      const group = population.filter((p) => p.herkunft.nationality === key);
      return group.filter(f).length / group.length;
    };
    const placeholder = (p: (typeof population)[number]) =>
      p.geburtsdatum.tag === 1 && p.geburtsdatum.monat === 1;
    expect(share('AFG', placeholder)).toBeGreaterThan(share('POL', placeholder) + 0.1);
    expect(
      population.some((p) => p.geburtsdatum.jahr !== undefined && p.geburtsdatum.tag === undefined),
    ).toBe(true);
    expect(population.some((p) => p.geburtsdatum.jahr === undefined)).toBe(true);
  });

  it('contains aliases, other spellings and namesakes who are different people', () => {
    expect(population.some((p) => p.weitereNamen?.some((w) => w.personalienArt === '7'))).toBe(
      true,
    );
    expect(population.some((p) => p.weitereNamen?.some((w) => w.personalienArt === '5'))).toBe(
      true,
    );
    const namesakes = population.filter((p) => p.herkunft.namesakeOf !== undefined);
    expect(namesakes.length).toBeGreaterThan(30);
    for (const n of namesakes.slice(0, 20)) {
      const other = population.find((p) => p.azrNummer === n.herkunft.namesakeOf);
      expect(other?.familienname).toBe(n.familienname);
      expect(other?.azrNummer).not.toBe(n.azrNummer);
    }
  });
});

describe('the corruption model', () => {
  const queries = generateQueries(population, { perType: 20, seed: 7 });

  it('produces every corruption type with its ground truth', () => {
    for (const type of CORRUPTION_TYPES) {
      expect(queries.filter((q) => q.type === type).length, type).toBe(20);
    }
    const ids = new Set(population.map((p) => p.azrNummer));
    for (const q of queries) expect(ids.has(q.truth)).toBe(true);
  });

  it('changes exactly what the type says', () => {
    const truth = (azr: string) => population.find((p) => p.azrNummer === azr)!;
    for (const q of queries) {
      const p = truth(q.truth);
      if (q.type === 'vertauscht') expect(q.query.vornamen).toBe(p.familienname);
      if (q.type === 'datum-fehlt') expect(q.query.geburtsdatum).toEqual({});
      if (q.type === 'umschrift') {
        expect(toSearchForm(q.query.familienname + q.query.vornamen)).not.toBe(
          toSearchForm(p.familienname + p.vornamen),
        );
      }
      if (q.type === 'namensvetter') expect(p.herkunft.namesakeOf).toBeDefined();
    }
  });

  it('makes a typo one edit away', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const t = typo(rng, 'Schneider');
      expect(damerauLevenshtein(t.toUpperCase(), 'SCHNEIDER')).toBeLessThanOrEqual(1);
    }
  });
});

describe('the metrics', () => {
  const outcome = (over: Partial<QueryOutcome>): QueryOutcome => ({
    type: 't',
    nationality: 'n',
    rank: 1,
    abCount: 1,
    abTrue: 1,
    listed: 1,
    ms: 1,
    ...over,
  });
  it('counts recall, A/B precision and false A/B per query', () => {
    const s = summarize([
      outcome({}),
      outcome({ rank: 3, abCount: 2, abTrue: 0, listed: 4, ms: 3 }),
      outcome({ rank: null, abCount: 0, abTrue: 0, listed: 0, ms: 2 }),
      outcome({ rank: 12, abCount: 0, abTrue: 0, listed: 10, ms: 10 }),
    ]);
    expect(s.recallAt1).toBe(0.25);
    expect(s.recallAt10).toBe(0.5);
    expect(s.abPrecision).toBeCloseTo(1 / 3);
    expect(s.falseAbShare).toBe(0.25);
    expect(s.candidatesPerQuery).toBe(3.75);
    expect(s.p50).toBe(3);
  });
});
