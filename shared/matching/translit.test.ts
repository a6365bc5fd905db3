import { describe, expect, it } from 'vitest';
import { CYRILLIC_SCHEMES, isCyrillic, transliterate } from './translit';
import type { CyrillicScheme } from './translit';

// Golden table: one row per name, one column per scheme (order of CYRILLIC_SCHEMES):
// icao, icao-ukr, ukr-reisepass, rus-mvd-310, rus-gost-52535, bgn-pcgn, dt-umschrift.
// Russian-only schemes (icao, mvd, gost, bgn) are only pinned for Russian names.
const RUSSIAN: readonly (readonly [string, readonly string[]])[] = [
  ['Шевченко', ['Shevchenko', '', '', 'Shevchenko', 'Shevchenko', 'Shevchenko', 'Schewtschenko']],
  ['Хрущов', ['Khrushchov', '', '', 'Khrushchov', 'Khrushchov', 'Khrushchov', 'Chruschtschow']],
  ['Юрий', ['Iurii', '', '', 'Yuriy', 'Iurii', 'Yuriy', 'Juri']],
  ['Мария', ['Mariia', '', '', 'Mariya', 'Mariia', 'Mariya', 'Marija']],
  ['Евгений', ['Evgenii', '', '', 'Evgeniy', 'Evgenii', 'Yevgeniy', 'Jewgeni']],
  ['Зайцев', ['Zaitsev', '', '', 'Zaytsev', 'Zaitcev', 'Zaytsev', 'Saizew']],
  ['Объедков', ['Obieedkov', '', '', 'Obyedkov', 'Obedkov', 'Ob”yedkov', 'Objedkow']],
  ['Жуков', ['Zhukov', '', '', 'Zhukov', 'Zhukov', 'Zhukov', 'Schukow']],
  ['Андрей', ['Andrei', '', '', 'Andrey', 'Andrei', 'Andrey', 'Andrei']],
];
const UKRAINIAN: readonly (readonly [string, string, string, string])[] = [
  // name, icao-ukr (Г→H, И→Y), ukr-reisepass (KMU 2010), dt-umschrift
  ['Григорій', 'Hryhorii', 'Hryhorii', 'Grigorij'],
  ['Юлія', 'Iuliia', 'Yuliia', 'Julija'],
  ['Євгенія', 'Ievheniia', 'Yevheniia', 'Jewgenija'],
  ['Згурський', 'Zhurskyi', 'Zghurskyi', 'Sgurski'],
  ['Їжакевич', 'Izhakevych', 'Yizhakevych', 'Jischakewitsch'],
  ['Олексій', 'Oleksii', 'Oleksii', 'Oleksij'],
  ['Щербак', 'Shcherbak', 'Shcherbak', 'Schtscherbak'],
];

describe('transliteration of Russian names', () => {
  const schemes: CyrillicScheme[] = ['icao', 'rus-mvd-310', 'rus-gost-52535', 'bgn-pcgn'];
  it.each(RUSSIAN)('writes %s as the documents do', (name, expected) => {
    for (const scheme of schemes) {
      expect(transliterate(name, scheme), scheme).toBe(expected[CYRILLIC_SCHEMES.indexOf(scheme)]);
    }
    expect(transliterate(name, 'dt-umschrift')).toBe(expected[6]);
  });
});

describe('transliteration of Ukrainian names', () => {
  it.each(UKRAINIAN)('writes %s as ICAO %s, passport %s, German %s', (name, icao, pass, de) => {
    expect(transliterate(name, 'icao-ukr')).toBe(icao);
    expect(transliterate(name, 'ukr-reisepass')).toBe(pass);
    expect(transliterate(name, 'dt-umschrift')).toBe(de);
  });
});

describe('script detection', () => {
  it('recognises Cyrillic and passes Latin through every scheme', () => {
    expect(isCyrillic('Шевченко')).toBe(true);
    expect(isCyrillic('Shevchenko')).toBe(false);
    for (const scheme of CYRILLIC_SCHEMES) expect(transliterate('Anna', scheme)).toBe('Anna');
  });
});
