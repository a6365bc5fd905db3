import { describe, expect, it } from 'vitest';
import {
  compareDates,
  compareDocuments,
  compareNames,
  compareNationalities,
  compareSex,
  compareTokens,
  datesCompatible,
  guessCyrillicScheme,
  tokenInfo,
} from './compare';
import type { DateLevel } from './compare';
import type { TeilbekanntesDatum } from './types';

const t = (token: string, original?: string) => tokenInfo(token, original);

describe('comparing one name part', () => {
  it.each([
    ['SROUR', 'SROUR', 'identisch', undefined],
    ['ALSROUR', 'SROUR', 'umschrift', 'Artikel al-/el-'],
    ['MULLER', 'MUELLER', 'umschrift', 'dt. Umlaut'],
    ['SHEVCHENKO', 'SCHEWTSCHENKO', 'umschrift', 'dt. Umschrift'],
    ['YULIIA', 'JULIJA', 'umschrift', 'ukr. Reisepass'],
    ['MOHAMMED', 'MUHAMMAD', 'umschrift', 'arab. Umschrift'],
    ['HUSSEIN', 'HOSSEINI', 'umschrift', 'arab. Umschrift'],
    ['SCHMIDT', 'SCHMIDTT', 'tippfehler1', undefined],
    ['WAGNER', 'WEGNEN', 'tippfehler2', undefined],
    ['HASSAN', 'HASAN', 'tippfehler1', undefined],
    ['MOHAMMED', 'MEHMET', 'abweichend', undefined],
    ['HUSSEIN', 'HASSAN', 'klanggleich', undefined],
    ['ANNA', 'PETER', 'abweichend', undefined],
  ])('rates %s against %s as %s', (a, b, level, scheme) => {
    const r = compareTokens(t(a), t(b));
    expect(r.level).toBe(level);
    expect(r.scheme).toBe(scheme);
  });

  it('explains Meyer/Maier by sound, not by Arabic transcription, for non-Arabic names', () => {
    expect(compareTokens(t('MEYER'), t('MAIER'), { arabic: false }).level).toBe('klanggleich');
    expect(compareTokens(t('MOHAMMED'), t('MUHAMMAD'), { arabic: false }).level).toBe(
      'klanggleich',
    );
  });

  it('uses the umlaut form of the original spelling', () => {
    expect(compareTokens(t('MULLER'), t('MUELLER', 'Müller'))).toEqual({
      level: 'umschrift',
      scheme: 'dt. Umlaut',
    });
  });

  it.each([
    ['SCHEWTSCHENKO', 'dt. Umschrift'],
    ['YULIIA', 'ukr. Reisepass'],
    ['IULIIA', 'ICAO 9303'],
    ['YURIY', 'engl. Umschrift'],
    ['SROUR', undefined],
  ])('recognises the scheme of %s as %s', (token, label) => {
    expect(guessCyrillicScheme(token)).toBe(label);
  });
});

describe('comparing whole names', () => {
  const names = (...tokens: string[]) => tokens.map((x) => t(x));
  it('finds names written together and apart equal', () => {
    expect(compareNames(names('MOHYI', 'ALDIN'), names('MOHYIALDIN')).level).toBe('identisch');
  });
  it('calls a missing second given name "teilweise"', () => {
    const r = compareNames(names('MOHYI', 'ALDIN'), names('MOHYI'));
    expect(r.level).toBe('teilweise');
    expect(r.unmatchedQuery).toEqual(['ALDIN']);
  });
  it('takes the worst level of the pairs', () => {
    expect(compareNames(names('ANNA', 'MARIA'), names('MARIA', 'ANA')).level).toBe('tippfehler1');
  });
  it('says "fehlt" when one side has no name', () => {
    expect(compareNames([], names('ANNA')).level).toBe('fehlt');
  });
});

describe('comparing birth dates', () => {
  const d = (jahr?: number, monat?: number, tag?: number): TeilbekanntesDatum => ({
    ...(jahr !== undefined ? { jahr } : {}),
    ...(monat !== undefined ? { monat } : {}),
    ...(tag !== undefined ? { tag } : {}),
  });
  it.each<[TeilbekanntesDatum, TeilbekanntesDatum, DateLevel, boolean]>([
    [d(1990, 3, 14), d(1990, 3, 14), 'identisch', true],
    [d(1990, 1, 1), d(1990, 1, 1), 'platzhalter', true],
    [d(1990, 1, 1), d(1990, 3, 14), 'platzhalter-jahr', true],
    [d(1990), d(1990, 3, 14), 'jahr', true],
    [d(1990, 3), d(1990, 3, 14), 'jahr-monat', true],
    [d(1990, 4), d(1990, 3, 14), 'jahr-gleich-sonst-abweichend', false],
    [d(1990, 3, 4), d(1990, 4, 3), 'tag-monat-vertauscht', false],
    [d(1991, 3, 14), d(1990, 3, 14), 'jahr-plusminus1', false],
    [d(1990, 3, 15), d(1990, 3, 14), 'ziffer', false],
    [d(), d(1990, 3, 14), 'fehlt', false],
    [d(1985, 6, 2), d(1990, 3, 14), 'abweichend', false],
  ])('rates %j against %j as %s', (a, b, level, compatible) => {
    expect(compareDates(a, b)).toBe(level);
    expect(datesCompatible(level)).toBe(compatible);
  });
});

describe('comparing other fields', () => {
  it('ignores staatenlos and ungeklärt as nationality evidence', () => {
    expect(compareNationalities(['998'], ['475']).level).toBe('fehlt');
    expect(compareNationalities(['475', '163'], ['163'])).toEqual({
      level: 'identisch',
      common: '163',
    });
    expect(compareNationalities(['475'], ['163']).level).toBe('abweichend');
  });
  it('treats x and d as no evidence for sex', () => {
    expect(compareSex('m', 'm')).toBe('identisch');
    expect(compareSex('m', 'w')).toBe('abweichend');
    expect(compareSex('x', 'w')).toBe('fehlt');
  });
  it('folds OCR confusions in document numbers', () => {
    expect(compareDocuments(['N0I23456'], ['NO123456'])).toBe('identisch');
    expect(compareDocuments(['N0123456'], ['N0123457'])).toBe('tippfehler1');
    expect(compareDocuments([], ['N0123457'])).toBe('fehlt');
  });
});
