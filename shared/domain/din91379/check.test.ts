import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOURCE_DIR,
  readGroups,
} from '../../../build/scripts/generate-din91379-characters';
import { DIN91379_GROUPS } from './characters';
import { deutscherRegeltext } from '../rules';
import { checkDin91379, din91379LetterGroups, DIN91379_LETTERS, zeichenFehlerRegel } from './check';

const zeichenFehlerText = (...args: Parameters<typeof zeichenFehlerRegel>) =>
  deutscherRegeltext(zeichenFehlerRegel(...args));

describe('DIN 91379: Zeichen in Namen (Datentyp A)', () => {
  it.each(['Müller', 'Łukasiewicz', 'Nguyễn', 'O’Brien', 'Al-Hassan', 'Ðorđević', 'Şahin', 'ß'])(
    'akzeptiert %s',
    (name) => expect(checkDin91379(name, 'A')).toBeUndefined(),
  );

  it('akzeptiert normative Kombinationsfolgen, auch in zerlegter Form (NFD)', () => {
    expect(checkDin91379('L\u0325\u0304ubo', 'A')).toBeUndefined();
    expect(checkDin91379('K\u035FHan', 'A')).toBeUndefined();
    expect(checkDin91379('Mu\u0308ller', 'A')).toBeUndefined();
  });

  it('lehnt eine nicht normative Kombination aus Buchstabe und Akzent ab', () => {
    expect(checkDin91379('Q\u0301uentin', 'A')).toEqual({ art: 'KOMBINATION', zeichen: 'Q\u0301' });
  });

  it('lehnt einen allein stehenden Akzent ab', () => {
    expect(checkDin91379('\u0301abc', 'A')).toMatchObject({ art: 'KOMBINATION' });
  });

  it.each([
    ['Иванов', 'kyrillisch'],
    ['محمد', 'arabisch'],
    ['Παπαδόπουλος', 'griechisch'],
    ['李', 'chinesisch/japanisch/koreanisch'],
  ])('lehnt %s als fremde Schrift (%s) ab und verlangt eine Umschrift', (name, schrift) => {
    const fehler = checkDin91379(name, 'A');
    expect(fehler).toMatchObject({ art: 'SCHRIFT', schrift });
    expect(zeichenFehlerText(fehler!, 'A')).toMatch(/lateinische Buchstaben.*Pass/);
  });

  it('nennt bei kyrillischer Schrift die Schrift auf Deutsch', () => {
    expect(zeichenFehlerText(checkDin91379('Иванов', 'A')!, 'A')).toContain('kyrillische Schrift');
  });

  it('lehnt Ziffern und Sonderzeichen in Namen ab, erlaubt sie im Datentyp B', () => {
    expect(checkDin91379('Müller2', 'A')).toEqual({ art: 'ZEICHEN', zeichen: '2' });
    expect(checkDin91379('AB-123/2026', 'B')).toBeUndefined();
    expect(checkDin91379('a@b', 'A')).toMatchObject({ art: 'ZEICHEN', zeichen: '@' });
  });

  it('lehnt Tabulator und Zeilenumbruch in jedem Datentyp ab', () => {
    for (const typ of ['A', 'B', 'C'] as const) {
      expect(checkDin91379('a\tb', typ)).toMatchObject({ art: 'ZEICHEN' });
      expect(checkDin91379('a\nb', typ)).toMatchObject({ art: 'ZEICHEN' });
    }
  });

  it('erlaubt allein stehende Akzente erst im Datentyp C', () => {
    expect(checkDin91379('x \u0301', 'C')).toBeUndefined();
  });

  it('die Zeichenauswahl bietet jede normative Buchstabenfolge genau einmal an', () => {
    const offered = [...din91379LetterGroups().values()].flat();
    expect(new Set(offered)).toEqual(DIN91379_LETTERS);
    expect(offered).toHaveLength(DIN91379_LETTERS.size);
    expect(din91379LetterGroups().get('L')).toContain('Ł');
  });
});

describe('DIN 91379: die erzeugte Tabelle', () => {
  it('hat die normativen Gruppen N1–N4 und die Diakritika', () => {
    expect(DIN91379_GROUPS.bnlreq).toHaveLength(18);
    expect(DIN91379_GROUPS.bnl).toHaveLength(60);
    expect(DIN91379_GROUPS.dc).toHaveLength(20);
    expect(DIN91379_LETTERS.size).toBe(649);
  });

  it.skipIf(!existsSync(DEFAULT_SOURCE_DIR))('entspricht den Quelldaten (kein Drift)', () => {
    const source = readGroups(DEFAULT_SOURCE_DIR);
    for (const [group, cps] of source)
      expect(DIN91379_GROUPS[group as keyof typeof DIN91379_GROUPS]).toEqual(
        cps.map((cp) => String.fromCodePoint(cp)),
      );
  });
});
