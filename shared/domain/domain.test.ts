import { describe, expect, it } from 'vitest';
import { azrNummerSchema, checkAzrNummer, normalizeAzrNummer } from './azr-nummer';
import {
  checkTeilbekanntesDatum,
  formatTeilbekanntesDatum,
  parseTeilbekanntesDatum,
  teilbekanntesDatumSchema,
} from './teilbekanntes-datum';

describe('Teilbekanntes Datum', () => {
  it.each([
    [{ jahr: 1990, monat: 3, tag: 14 }, '14.03.1990'],
    [{ jahr: 2018, monat: 7 }, '00.07.2018'],
    [{ jahr: 1990 }, '00.00.1990'],
    [{}, '00.00.0000'],
  ])('%o wird als %s gezeigt und zurückgelesen', (datum, text) => {
    expect(formatTeilbekanntesDatum(datum)).toBe(text);
    expect(parseTeilbekanntesDatum(text)).toEqual(datum);
  });

  it.each([
    [{ jahr: 2023, monat: 2, tag: 29 }, 'TAG_UNGUELTIG'],
    [{ jahr: 1900, monat: 2, tag: 29 }, 'TAG_UNGUELTIG'],
    [{ jahr: 2021, monat: 4, tag: 31 }, 'TAG_UNGUELTIG'],
    [{ jahr: 2021, monat: 13 }, 'MONAT_UNGUELTIG'],
    [{ jahr: 2021, tag: 5 }, 'TAG_OHNE_MONAT'],
    [{ monat: 5 }, 'MONAT_OHNE_JAHR'],
    [{ jahr: 90 }, 'JAHR_UNGUELTIG'],
  ])('%o ist ungültig (%s)', (datum, fehler) => {
    expect(checkTeilbekanntesDatum(datum)).toBe(fehler);
  });

  it('erkennt den Schalttag 2000 und 2024 als gültig', () => {
    expect(checkTeilbekanntesDatum({ jahr: 2000, monat: 2, tag: 29 })).toBeUndefined();
    expect(checkTeilbekanntesDatum({ jahr: 2024, monat: 2, tag: 29 })).toBeUndefined();
  });

  it('lehnt im Textformat einen Tag ohne Monat ab', () => {
    expect(parseTeilbekanntesDatum('14.00.1990')).toBeUndefined();
    expect(parseTeilbekanntesDatum('1990-03-14')).toBeUndefined();
  });

  it('das Schema meldet einen deutschen Text', () => {
    const result = teilbekanntesDatumSchema.safeParse({ jahr: 2021, monat: 2, tag: 30 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Diesen Tag gibt es in diesem Monat nicht.');
  });
});

describe('AZR-Nummer', () => {
  it('akzeptiert 12 Ziffern mit gültigem Erfassungsdatum', () => {
    expect(checkAzrNummer('240229123456')).toBeUndefined();
  });

  it.each([
    ['24022912345', 'FORMAT'],
    ['24022912345a', 'FORMAT'],
    ['230229123456', 'DATUM'],
    ['241301123456', 'DATUM'],
    ['240100123456', 'DATUM'],
  ])('%s ist ungültig (%s)', (nummer, fehler) => {
    expect(checkAzrNummer(nummer)).toBe(fehler);
  });

  it('entfernt Leerzeichen und Trennzeichen aus kopierten Nummern', () => {
    expect(normalizeAzrNummer(' 240229 123-456 ')).toBe('240229123456');
  });

  it('das Schema erklärt den Datumsfehler auf Deutsch', () => {
    const result = azrNummerSchema.safeParse('230229123456');
    expect(result.error?.issues[0]?.message).toMatch(/kein gültiges Datum/);
  });
});
