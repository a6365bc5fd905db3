import { describe, expect, it } from 'vitest';
import { toSearchForm } from './normalize';
import { CYRILLIC_SCHEMES, transliterate } from './translit';
import {
  arabicTranscriptionKey,
  readCyrillicDe,
  readCyrillicIntl,
  tokenVariants,
  umlautVariants,
} from './variants';

const sf = (s: string) => toSearchForm(s);

describe('German umlaut variants', () => {
  it('gives both Ö→OE (the search form) and Ö→O', () => {
    expect(sf('Schröder')).toBe('SCHROEDER');
    expect(umlautVariants('Schröder')).toEqual([{ form: 'SCHRODER', scheme: 'umlaut-ohne-e' }]);
  });
  it('lets a written OE meet a bare O', () => {
    expect(umlautVariants('Schroeder')).toEqual([{ form: 'SCHRODER', scheme: 'umlaut-e' }]);
  });
  it('gives nothing for a name without umlaut forms', () => {
    expect(umlautVariants('Schmidt')).toEqual([]);
  });
});

describe('Cyrillic readings', () => {
  // Every scheme's spelling of a name must read back to one key in at least one reading.
  const NAMES = [
    'Шевченко',
    'Хрущов',
    'Юрий',
    'Мария',
    'Наталья',
    'Жуков',
    'Зайцев',
    'Черненко',
    'Владимир',
    'Ковальчук',
    'Андрій',
    'Олексій',
    'Юлія',
    'Григорій',
    'Сергей',
    'Щербак',
  ];
  it.each(NAMES)('links every spelling of %s', (name) => {
    const forms = CYRILLIC_SCHEMES.map((s) => sf(transliterate(name, s)))
      // Russian-only schemes leave Ukrainian letters untouched; those forms are not real spellings.
      .filter((f, i) => !/[іїєґ]/i.test(transliterate(name, CYRILLIC_SCHEMES[i] ?? 'icao')));
    const keys = (f: string) => new Set([readCyrillicIntl(f), readCyrillicDe(f)]);
    const first = forms[0] ?? '';
    for (const f of forms) {
      const shared = [...keys(first)].some((k) => keys(f).has(k));
      expect(shared, `${first} ~ ${f}`).toBe(true);
    }
  });

  it.each([
    ['SHEVCHENKO', 'шевченко', 'шевхенко'],
    ['SCHEWTSCHENKO', 'шевцченко', 'шевченко'],
    ['HRYHORII', 'григори', 'григори'],
    ['YULIIA', 'иулиа', 'иулиа'],
    ['JULIJA', 'иулиа', 'иулиа'],
    ['MARIA', 'мариа', 'мариа'],
  ])('reads %s as %s (intl) and %s (German)', (token, intl, de) => {
    expect(readCyrillicIntl(token)).toBe(intl);
    expect(readCyrillicDe(token)).toBe(de);
  });
});

describe('Arabic and Persian transcription families', () => {
  it.each([
    ['MOHAMMED', 'MUHAMAD'],
    ['MUHAMMAD', 'MUHAMAD'],
    ['MOHAMAD', 'MUHAMAD'],
    ['MOHAMED', 'MUHAMAD'],
    ['MEHMET', 'MAHMAT'],
    ['MAHMOUD', 'MAHMUD'],
    ['HUSSEIN', 'HUSIN'],
    ['HUSAIN', 'HUSIN'],
    ['HOSSEIN', 'HUSIN'],
    ['HOSSEINI', 'HUSIN'],
    ['HASSAN', 'HASAN'],
    ['AHMED', 'AHMAD'],
    ['FATIMAH', 'FATIMA'],
    ['ABDRAHMAN', 'ABDRAHMAN'],
    ['ALSROUR', 'SRUR'],
  ])('folds %s to %s', (token, key) => {
    expect(arabicTranscriptionKey(token)).toBe(key);
  });

  it('keeps Mohammed and Mehmet apart, and Hussein and Hassan', () => {
    expect(arabicTranscriptionKey('MOHAMMED')).not.toBe(arabicTranscriptionKey('MEHMET'));
    expect(arabicTranscriptionKey('HUSSEIN')).not.toBe(arabicTranscriptionKey('HASSAN'));
  });

  it('gives no key for one- and two-letter tokens', () => {
    expect(arabicTranscriptionKey('AL')).toBeUndefined();
  });
});

describe('labelled variants of a token', () => {
  it('labels each variant with its scheme', () => {
    const schemes = tokenVariants('ALSROUR').map((v) => v.scheme);
    expect(schemes).toEqual(['kyrillisch-intl', 'kyrillisch-dt', 'arabisch', 'artikel']);
    expect(tokenVariants('MUELLER', 'Müller').map((v) => v.scheme)).toContain('umlaut-ohne-e');
  });
});
