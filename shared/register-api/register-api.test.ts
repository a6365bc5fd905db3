import { describe, expect, it } from 'vitest';
import {
  anfrageAntwort,
  azrAnfrage,
  createOpenApiDocument,
  erstmeldung,
  meldungAntwort,
  registerOperations,
} from './index';

const absender = { durchfuehrenderSachbearbeiter: 'M. Muster', durchfuehrendeBehoerde: '123456' };

const grundpersonalien = (overrides: Record<string, unknown> = {}) => ({
  familienname: 'Hryhorenko',
  vorname: 'Oksana',
  geburtsangaben: {
    geburtsort: { ort: 'Charkiw' },
    geburtsortStaat: '166',
    tagDerGeburt: { jahr: 1990, monat: 3 },
  },
  geschlecht: 'w',
  staatsangehoerigkeit: ['166'],
  ...overrides,
});

describe('AZRAnfrage (090001)', () => {
  it('nimmt genau ein Suchkriterium an', () => {
    const ok = azrAnfrage.safeParse({ ...absender, anfrageAZR: { azrNummer: '240229123456' } });
    expect(ok.success).toBe(true);
    const zwei = azrAnfrage.safeParse({
      ...absender,
      anfrageAZR: { azrNummer: '240229123456', passnummer: 'FA123' },
    });
    expect(zwei.success).toBe(false);
    const keins = azrAnfrage.safeParse({ ...absender, anfrageAZR: {} });
    expect(keins.success).toBe(false);
  });

  it('verlangt zu einem Abrufzweck das Geschäftszeichen', () => {
    const ohne = azrAnfrage.safeParse({
      ...absender,
      abrufzweck: '01',
      anfrageAZR: { passnummer: 'FA123456' },
    });
    expect(ohne.error?.issues[0]?.message).toBe(
      'Zu einem Abrufzweck gehört das Geschäftszeichen des Vorgangs.',
    );
    const mit = azrAnfrage.safeParse({
      ...absender,
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026-0815',
      anfrageAZR: { passnummer: 'FA123456' },
    });
    expect(mit.success).toBe(true);
  });

  it('lehnt eine AZR-Nummer mit unmöglichem Datum schon vor dem Senden ab', () => {
    const result = azrAnfrage.safeParse({ ...absender, anfrageAZR: { azrNummer: '230231123456' } });
    expect(result.success).toBe(false);
  });

  it('erlaubt eine Suche nach Grundpersonalien ohne Geburtsangaben', () => {
    const result = azrAnfrage.safeParse({
      ...absender,
      anfrageAZR: {
        grundpersonalien: { familienname: 'Hryhorenko', vorname: '', staatsangehoerigkeit: [] },
      },
    });
    expect(result.success).toBe(true);
  });
});

describe('Antworten', () => {
  it('unterscheidet kein Treffer, Trefferliste und Gesamtauskunft am Nachrichtentyp', () => {
    expect(anfrageAntwort.parse({ nachrichtentyp: '090002' })).toEqual({
      nachrichtentyp: '090002',
      hinweis: [],
    });
    const liste = anfrageAntwort.safeParse({
      nachrichtentyp: '090003',
      trefferPersonaliensuche: [
        {
          azrNummer: '240229123456',
          grundpersonalien: grundpersonalien(),
          personalienArt: '0',
          erklaerung: {
            band: 'A',
            punktzahl: 31.5,
            felder: [{ feld: 'Familienname', bewertung: 'identisch' }],
          },
        },
      ],
    });
    expect(liste.success).toBe(true);
  });

  it('eine Fehlernachricht nennt die gleichen Personen (personalienGleich)', () => {
    const antwort = meldungAntwort.parse({
      nachrichtentyp: '090099',
      fehlerfall: [{ fehlerschluessel: 'PERSONALIEN_GLEICH', fehlertext: 'Gleiche Personalien' }],
      personalienGleich: ['240229123456'],
    });
    expect(antwort.nachrichtentyp === '090099' && antwort.personalienGleich).toEqual([
      '240229123456',
    ]);
  });

  it('eine Erstmeldung trägt Hinweise auf Personenverschiedenheit mit Begründung', () => {
    const meldung = erstmeldung.safeParse({
      ...absender,
      geschaeftszeichen: 'ABH-2026-0815',
      grundpersonalien: grundpersonalien(),
      nichtIdentischMit: [
        { aenderungsArt: '01', nichtIdentischMit: '240229123456', begruendung: '' },
      ],
    });
    expect(meldung.success).toBe(false);
  });
});

describe('OpenAPI-Dokument', () => {
  it('beschreibt jede Operation der Tabelle unter ihrem Pfad', () => {
    const document = createOpenApiDocument('0.1.0');
    for (const operation of Object.values(registerOperations)) {
      expect(document.paths[operation.path]).toHaveProperty(operation.method.toLowerCase());
    }
    expect(JSON.stringify(document.paths['/v1/erstmeldung'])).toContain('nichtIdentischMit');
  });
});
