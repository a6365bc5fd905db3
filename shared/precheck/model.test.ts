import { describe, expect, it } from 'vitest';
import { PRECHECK_ERROR_TEXT, precheckErrorCodes } from './errors';
import type { Kandidat, Nachweisart, PrecheckState } from './model';
import {
  emptyPrecheckState,
  migratePrecheckState,
  NACHWEISART_TEXT,
  nachweisarten,
  PRECHECK_SCHEMA_VERSION,
  PrecheckSchemaTooNewError,
  PRUEFPUNKT_TEXT,
  pruefpunkte,
} from './model';
import { summarizeForProtocol } from './protocol';
import {
  alleGeprueft,
  apply,
  decide,
  draftFor,
  envFor,
  identisch,
  nichtIdentisch,
  NR,
  searched,
  trefferliste,
} from './testing';

/** A state with every part filled in: search, both kinds of decision, duplicate, parking, rejection. */
function fullState(): PrecheckState {
  const draft = draftFor();
  return apply(envFor(draft), [
    searched(draft, trefferliste([NR.a, 'A'], [NR.b, 'B'], [NR.c, 'C'], [NR.d, 'B'])),
    decide(NR.a, identisch()),
    decide(NR.b, nichtIdentisch()),
    {
      type: 'erstmeldungRejected',
      fehlernachricht: {
        nachrichtentyp: '090099',
        hinweis: [],
        fehlerfall: [
          {
            fehlerschluessel: 'PERSONALIEN_GLEICH',
            fehlertext: 'gleich',
            fehlerhaftesAttribut: [],
          },
        ],
        personalienGleich: [NR.e],
      },
    },
    {
      type: 'reportDuplicate',
      azrNummern: [NR.a, NR.d],
      begruendung: 'Gleiches Lichtbild in beiden Datensätzen.',
    },
    { type: 'park', grund: 'Rückfrage bei der aktenführenden Behörde' },
  ]);
}

const roundTrip = (state: unknown) => migratePrecheckState(JSON.parse(JSON.stringify(state)));

describe('Gespeicherter Zustand der Vorprüfung', () => {
  it('übersteht Speichern und Laden unverändert (leer und vollständig)', () => {
    expect(roundTrip(emptyPrecheckState())).toEqual(emptyPrecheckState());
    const state = fullState();
    expect(state.kandidaten).toHaveLength(5);
    expect(roundTrip(state)).toEqual(state);
  });

  it('trägt seine Schemaversion', () => {
    expect(emptyPrecheckState().schemaVersion).toBe(PRECHECK_SCHEMA_VERSION);
  });

  it('ein Zustand aus einer neueren Version wird nicht geraten, sondern abgelehnt', () => {
    const newer = { ...emptyPrecheckState(), schemaVersion: PRECHECK_SCHEMA_VERSION + 1 };
    expect(() => roundTrip(newer)).toThrow(PrecheckSchemaTooNewError);
  });

  it('eine Version ohne Migrationsschritt wird abgelehnt', () => {
    expect(() => roundTrip({ ...emptyPrecheckState(), schemaVersion: 0 })).toThrow(
      /no migration from pre-check schema version 0/,
    );
  });

  it.each([null, 'text', [], {}, { ...emptyPrecheckState(), schemaVersion: '1' }])(
    'Unbrauchbares (%j) wird abgelehnt',
    (stored) => {
      expect(() => roundTrip(stored)).toThrow();
    },
  );

  const corrupt = (change: (state: PrecheckState & { kandidaten: Kandidat[] }) => void) => {
    const state = JSON.parse(JSON.stringify(fullState())) as PrecheckState & {
      kandidaten: Kandidat[];
    };
    change(state);
    return state;
  };

  it.each<[string, (state: PrecheckState & { kandidaten: Kandidat[] }) => void]>([
    [
      'zwei identische Kandidaten',
      (s) => (s.kandidaten[1]!.entscheidung = s.kandidaten[0]!.entscheidung),
    ],
    ['eine AZR-Nummer doppelt', (s) => (s.kandidaten[1]!.azrNummer = NR.a)],
    ['eine ungültige AZR-Nummer', (s) => (s.kandidaten[1]!.azrNummer = '240230123456')],
    ['Kandidaten ohne Suche', (s) => (s.suche = null)],
    [
      'ein Verwerfen trotz Suche',
      (s) => (s.verworfen = { grund: 'grundpersonalienGeaendert', am: '2026-11-23T09:00:00.000Z' }),
    ],
    [
      'eine Begründung unter 10 Zeichen',
      (s) => {
        const e = s.kandidaten[1]!.entscheidung;
        if (e?.art === 'nichtIdentisch') e.begruendung = 'kurz';
      },
    ],
    [
      'eine Mehrfacherfassung mit einer fremden Nummer',
      (s) => (s.mehrfacherfassung!.azrNummern = [NR.a, '230101000009']),
    ],
    [
      'eine widersprüchliche Mehrfacherfassung',
      (s) => (s.mehrfacherfassung!.azrNummern = [NR.a, NR.b]),
    ],
    ['eine unbekannte Eigenschaft', (s) => Object.assign(s, { extra: true })],
  ])('ein Zustand mit %s wird abgelehnt', (_, change) => {
    expect(() => roundTrip(corrupt(change))).toThrow();
  });
});

describe('Fehlertexte', () => {
  it.each(precheckErrorCodes)('%s hat einen deutschen Satz ohne technischen Code', (code) => {
    const text = PRECHECK_ERROR_TEXT[code];
    expect(text).toMatch(/^[A-ZÄÖÜ].*\.$/s);
    expect(text).not.toMatch(/[A-Z]{3,}_[A-Z]/);
  });

  it('jede Nachweisart und jeder Prüfpunkt hat eine Beschriftung', () => {
    for (const art of nachweisarten) expect(NACHWEISART_TEXT[art]).not.toBe('');
    for (const punkt of pruefpunkte) expect(PRUEFPUNKT_TEXT[punkt]).not.toBe('');
  });
});

describe('Protokoll einer Entscheidung', () => {
  const state = fullState();
  const decided = (nummer: string) => {
    const kandidat = state.kandidaten.find((k) => k.azrNummer === nummer);
    if (!kandidat?.entscheidung) throw new Error('expected a decided candidate');
    return { ...kandidat, entscheidung: kandidat.entscheidung };
  };

  it('„nicht identisch“: AZR-Nummer, Entscheidung, Nachweisarten – ohne Begründung', () => {
    const summary = summarizeForProtocol(decided(NR.b));
    expect(summary).toEqual({
      operation: 'vorpruefung',
      azrNummern: [NR.b],
      entscheidung: 'nichtIdentisch',
      nachweisarten: ['lichtbild', 'geburtsdaten'],
      band: 'B',
      entschiedenAm: '2026-11-23T09:00:00.000Z',
      ergebnis: 'nichtIdentisch:lichtbild+geburtsdaten',
    });
    expect(JSON.stringify(summary)).not.toMatch(/Lichtbild zeigt|1961/);
  });

  it('„identisch“: die durchgeführten Prüfungen – ohne Vermerke', () => {
    const summary = summarizeForProtocol(decided(NR.a));
    expect(summary).toEqual({
      operation: 'vorpruefung',
      azrNummern: [NR.a],
      entscheidung: 'identisch',
      nachweisarten: ['lichtbild', 'dokument', 'geburtsdaten'],
      pruefpunkte: {
        lichtbildVerglichen: 'ja',
        dokumentGeprueft: 'ja',
        geburtsdatenUebereinstimmend: 'ja',
        aktenfuehrendeBehoerdeBefragt: 'nichtMoeglich',
      },
      band: 'A',
      entschiedenAm: '2026-11-23T09:00:00.000Z',
      ergebnis: 'identisch:lichtbild+dokument+geburtsdaten',
    });
    const vermerk = alleGeprueft.aktenfuehrendeBehoerdeBefragt;
    if (vermerk?.ergebnis !== 'nichtMoeglich') throw new Error('fixture changed');
    expect(JSON.stringify(summary)).not.toContain(vermerk.vermerk);
  });

  it('gleiche Nachweise in anderer Reihenfolge ergeben dieselbe Protokollzeile', () => {
    const base = decided(NR.b);
    if (base.entscheidung.art !== 'nichtIdentisch') throw new Error('fixture changed');
    const reversed = {
      ...base,
      entscheidung: {
        ...base.entscheidung,
        nachweisarten: ['geburtsdaten', 'lichtbild'] as Nachweisart[],
      },
    };
    expect(summarizeForProtocol(reversed).ergebnis).toBe(summarizeForProtocol(base).ergebnis);
  });
});
