import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaroWinkler } from './distance';

describe('edit distance', () => {
  it.each([
    ['MUELLER', 'MUELLER', 0],
    ['MUELLER', 'MUELER', 1],
    ['MUELLER', 'MEULLER', 1],
    ['SCHMIDT', 'SCHMITT', 1],
    ['HASSAN', 'HUSSEIN', 3],
    ['', 'ABC', 3],
  ])('counts %s → %s as %i edits', (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });
  it('stops early beyond the limit', () => {
    expect(damerauLevenshtein('ABCDEFGH', 'ZYXWVUTS', 2)).toBe(3);
  });
});

describe('Jaro–Winkler', () => {
  it('rates the textbook pairs', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });
});
