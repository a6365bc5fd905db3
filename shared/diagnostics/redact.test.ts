import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactValue } from './redact';

describe('Schwärzen personenbezogener Daten in Protokollen', () => {
  it('eine Zeile mit Name, Geburtsdatum und Zertifikatsinhaber kommt geschwärzt heraus', () => {
    const line =
      'Suche gesendet familienname=Müller vorname="Anna Maria" geburtsdatum 12.03.1985 ' +
      'mit Zertifikat CN=Erika Mustermann, O=Stadt Musterstadt, C=DE';
    const result = redact(line);
    for (const secret of [
      'Müller',
      'Anna',
      'Maria',
      '12.03.1985',
      'Erika',
      'Mustermann',
      'Musterstadt',
    ]) {
      expect(result).not.toContain(secret);
    }
    expect(result).toContain('familienname=');
    expect(result).toContain('CN=');
    expect(result).toContain('Suche gesendet');
  });

  it.each([
    ['1985-03-12', 'ISO'],
    ['12/03/1985', 'Schrägstrich'],
    ['3.12.85', 'kurz'],
    ['00.00.1985', 'teilbekannt'],
    ['12. März 1985', 'ausgeschrieben'],
    ['March 12, 1985', 'englisch'],
  ])('erkennt Geburtsdaten im Format %s (%s)', (date) => {
    expect(redact(`geboren ${date} in X`)).toBe(`geboren ${REDACTED} in X`);
  });

  it('lässt Zeitstempel der Technik stehen', () => {
    expect(redact('gestartet 2026-11-23T10:00:00.000Z')).toContain('2026-11-23T10:00:00.000Z');
  });

  it('maskiert JSON-Felder mit Namen und AZR-Nummern, auf Wunsch mit den letzten drei Ziffern', () => {
    const json = '{"vorname":"Ali","nachname":"Yılmaz","azrNummer":"210315123456"}';
    const full = redact(json);
    expect(full).not.toMatch(/Ali|Yılmaz|123456/);
    expect(redact('AZR-Nummer 210315 123456', { azrNummer: 'partial' })).toBe(
      'AZR-Nummer *********456',
    );
  });

  it('schwärzt Felder in strukturierten Daten nach ihrem Namen', () => {
    expect(
      redactValue({ familienname: 'Schmidt', anzahl: 3, nested: { text: 'am 01.01.1990' } }),
    ).toEqual({
      familienname: REDACTED,
      anzahl: 3,
      nested: { text: `am ${REDACTED}` },
    });
  });
});
