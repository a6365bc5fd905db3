import { describe, expect, it } from 'vitest';
import { DIN91379_NON_LETTERS, DIN91379_SEARCH_FORM } from '../domain/din91379/search-form';
import { canonicalName, tokenize, toSearchForm } from './normalize';

describe('the DIN 91379 search form', () => {
  it.each([
    ['Müller', 'MUELLER'],
    ['Straße', 'STRASSE'],
    ['Łukasz', 'LUKASZ'],
    ['Ørsted', 'OERSTED'],
    ['Åsa', 'AASA'],
    ['Þór', 'THOR'],
    ['Çağrı Yılmaz', 'CAGRI YILMAZ'],
    ['İbrahim', 'IBRAHIM'],
    ['Nguyễn', 'NGUYEN'],
    ['O’Brien', 'OBRIEN'],
    ["Al'Amri", 'ALAMRI'],
    ['Al-Srour', 'AL SROUR'],
    ['  Anna   Maria ', 'ANNA MARIA'],
    ['ẞ', 'SS'],
  ])('writes %s as %s', (input, expected) => {
    expect(toSearchForm(input)).toBe(expected);
  });

  it('treats a decomposed letter (NFD) like the composed one', () => {
    expect(toSearchForm('Mu\u0308ller')).toBe('MUELLER');
  });

  it('maps a DIN 91379 combining sequence as one letter', () => {
    expect(toSearchForm('C\u0328\u0306')).toBe('C');
  });

  it('carries the whole normative table: 649 letters and sequences', () => {
    expect(DIN91379_SEARCH_FORM.size).toBe(649);
    expect(DIN91379_SEARCH_FORM.get('ä')).toBe('AE');
    expect(DIN91379_SEARCH_FORM.get('Ŋ')).toBe('N');
    expect(DIN91379_NON_LETTERS.has('-')).toBe(true);
  });

  it('maps every letter of the table to A–Z only', () => {
    for (const [letter, form] of DIN91379_SEARCH_FORM) {
      expect(toSearchForm(letter), letter).toBe(form);
      expect(form).toMatch(/^[A-Z]+$/);
    }
  });

  it('finds every letter and sequence of the table inside a word as well', () => {
    for (const [letter, form] of DIN91379_SEARCH_FORM) {
      expect(toSearchForm(`x${letter}y`), letter).toBe(`X${form}Y`);
    }
  });
});

describe('token splitting', () => {
  it('splits at spaces, hyphens and commas and drops empty parts', () => {
    expect(tokenize('Al-Srour, Mohyi  Aldin')).toEqual(['AL', 'SROUR', 'MOHYI', 'ALDIN']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(undefined)).toEqual([]);
  });
});

describe('particles and compounds', () => {
  it.each([
    ['Al Srour', 'SROUR'],
    ['Al-Srour', 'SROUR'],
    ['El Sayed', 'SAYED'],
    ['as-Sayed', 'SAYED'],
    ['Mohammed bin Salman', 'MOHAMMEDSALMAN'],
    ['Ahmed ibn Ali', 'AHMEDALI'],
    ['Fatima bint Khalid', 'FATIMAKHALID'],
    ['Abdel Rahman', 'ABDRAHMAN'],
    ['Abd al-Rahman', 'ABDRAHMAN'],
    ['Abdul Rahman', 'ABDRAHMAN'],
    ['Abdulrahman', 'ABDRAHMAN'],
    ['Abdurrahman', 'ABDRAHMAN'],
    ['Abdelkader', 'ABDKADER'],
    ['Abdullah', 'ABDALLAH'],
    ['Abd Allah', 'ABDALLAH'],
    ['Abdallah', 'ABDALLAH'],
  ])('reads %s as %s', (input, expected) => {
    expect(canonicalName(input)).toBe(expected);
  });

  it('keeps an attached "Al" unless asked, because Albert is not al-Bert', () => {
    expect(canonicalName('Albert')).toBe('ALBERT');
    expect(canonicalName('Alsrour')).toBe('ALSROUR');
    expect(canonicalName('Alsrour', { stripAttachedArticles: true })).toBe('SROUR');
  });

  it('keeps a lone particle that is the whole name', () => {
    expect(canonicalName('Al')).toBe('AL');
    expect(canonicalName('Ben')).toBe('BEN');
  });
});
