// The bridge schemas of transmission (issue 7): what the renderer may ask main to send or record.
// Main adds who is acting; a request naming a caseworker or authority, carrying an unknown key at any
// depth or lacking the outbox's idempotency key is refused, never repaired.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { summarizeForProtocol } from '../precheck';
import { buildDatenpflegeAnfrage, buildMeldung } from '../precheck/build';
import {
  ABSENDER,
  apply,
  decide,
  draftFor,
  envFor,
  nichtIdentisch,
  NR,
  searched,
  trefferliste,
} from '../precheck/testing';
import type { RequestOf } from './contract';
import { bridgeContract } from './contract';
import {
  datenpflegeRequestSchema,
  erstmeldungRequestSchema,
  folgemeldungRequestSchema,
  meldungResponseSchema,
  mitteilungenRequestSchema,
  vorpruefungRequestSchema,
} from './meldungen';
import { deepStrict } from './strict';

const KEY = '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f';

const grundpersonalien = {
  familienname: 'Hryhorenko',
  vorname: 'Oksana',
  geburtsangaben: {
    geburtsort: { ort: 'Charkiw' },
    geburtsortStaat: '166',
    tagDerGeburt: { jahr: 1990, monat: 3 },
  },
  geschlecht: 'w',
  staatsangehoerigkeit: ['166'],
};

const erstmeldung = () => ({
  idempotencyKey: KEY,
  geschaeftszeichen: 'ABH-2026/0815',
  grundpersonalien: structuredClone(grundpersonalien),
  nichtIdentischMit: [
    {
      aenderungsArt: '01',
      nichtIdentischMit: NR.a,
      begruendung: 'Lichtbild zeigt eine deutlich ältere Frau.',
    },
  ],
});

const folgemeldung = () => ({
  idempotencyKey: KEY,
  geschaeftszeichen: 'ABH-2026/0815',
  azrNummer: NR.b,
  grundpersonalien: {
    aenderungsArt: '02',
    referenzId: 'ABCDEFG11',
    neu: structuredClone(grundpersonalien),
  },
});

const datenpflege = () => ({
  idempotencyKey: KEY,
  abrufzweck: '21',
  geschaeftszeichen: 'ABH-2026/0815',
  mehrfacherfassung: { azrNummer: [NR.a, NR.b] },
  begruendung: 'Gleiche Person unter zwei Nummern erfasst.',
});

const meldungen = [
  ['register.erstmeldung', erstmeldungRequestSchema, erstmeldung],
  ['register.folgemeldung', folgemeldungRequestSchema, folgemeldung],
  ['register.datenpflege', datenpflegeRequestSchema, datenpflege],
] as const;

describe('Meldungen über die Brücke: Schemas', () => {
  it.each(meldungen)(
    '%s: die vollständige Meldung mit Schlüssel ist gültig',
    (channel, schema, make) => {
      expect(schema.safeParse(make()).success).toBe(true);
      expect(bridgeContract[channel].request).toBe(schema);
    },
  );

  it.each(meldungen)('%s: ohne idempotencyKey abgelehnt', (_channel, schema, make) => {
    expect(issuesOf(schema, without(make(), 'idempotencyKey'))).toContainEqual(
      expect.objectContaining({ path: ['idempotencyKey'] }),
    );
  });

  it.each(
    meldungen.flatMap(([channel, schema, make]) =>
      ['', 'kein-uuid', 'gateway-test-0001', `${KEY}\r\nX-Injected: 1`, `${KEY}0`, 42, null].map(
        (key) => [channel, key, schema, make] as const,
      ),
    ),
  )('%s: der ungültige Schlüssel %j wird abgelehnt', (_channel, key, schema, make) => {
    expect(issuesOf(schema, { ...make(), idempotencyKey: key })).toContainEqual(
      expect.objectContaining({ path: ['idempotencyKey'] }),
    );
  });

  it.each(
    meldungen.flatMap(([channel, schema, make]) =>
      [
        { durchfuehrenderSachbearbeiter: 'jemand.anders' },
        { durchfuehrendeBehoerde: '100002' },
        ABSENDER,
      ].map((anAzr) => [channel, Object.keys(anAzr).join('+'), schema, make, anAzr] as const),
    ),
  )(
    '%s: AnAZR vom Renderer (%s) wird abgelehnt, nicht überschrieben',
    (_channel, _fields, schema, make, anAzr) => {
      const result = schema.safeParse({ ...make(), ...anAzr });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({ code: 'unrecognized_keys' }),
      );
    },
  );

  it.each([
    ['oben', (m: ReturnType<typeof erstmeldung>) => Object.assign(m, { prioritaet: 'hoch' })],
    [
      'in den Grundpersonalien',
      (m: ReturnType<typeof erstmeldung>) =>
        Object.assign(m.grundpersonalien, { geburtsdatum: '01.03.1990' }),
    ],
    [
      'im Geburtsdatum',
      (m: ReturnType<typeof erstmeldung>) =>
        Object.assign(m.grundpersonalien.geburtsangaben.tagDerGeburt, { stunde: 3 }),
    ],
    [
      'im Geburtsort (Variante einer Auswahl)',
      (m: ReturnType<typeof erstmeldung>) =>
        Object.assign(m.grundpersonalien.geburtsangaben.geburtsort, { bezirk: 'X' }),
    ],
    [
      'in einem Hinweis auf Personenverschiedenheit',
      (m: ReturnType<typeof erstmeldung>) =>
        Object.assign(m.nichtIdentischMit[0] ?? {}, { lichtbild: 'data:…' }),
    ],
  ])('Erstmeldung: ein unbekannter Schlüssel %s wird abgelehnt, nicht entfernt', (_where, add) => {
    const meldung = erstmeldung();
    add(meldung);
    const result = erstmeldungRequestSchema.safeParse(meldung);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys' }),
    );
  });

  it('Folgemeldung und Datenpflege: auch verschachtelte unbekannte Schlüssel werden abgelehnt', () => {
    const f = folgemeldung();
    Object.assign(f.grundpersonalien.neu, { alias: 'X' });
    expect(folgemeldungRequestSchema.safeParse(f).success).toBe(false);
    const d = datenpflege();
    Object.assign(d.mehrfacherfassung, { weitere: [NR.c] });
    expect(datenpflegeRequestSchema.safeParse(d).success).toBe(false);
  });

  it('die Regeln des Registers gelten weiter: Pflichtfelder, AZR-Nummern, Abrufzweck 21', () => {
    expect(
      erstmeldungRequestSchema.safeParse({ ...erstmeldung(), geschaeftszeichen: ' ' }).success,
    ).toBe(false);
    const falscheNummer = erstmeldung();
    Object.assign(falscheNummer.nichtIdentischMit[0] ?? {}, { nichtIdentischMit: '241399000001' });
    expect(erstmeldungRequestSchema.safeParse(falscheNummer).success).toBe(false);
    expect(
      folgemeldungRequestSchema.safeParse({ ...folgemeldung(), azrNummer: '12345' }).success,
    ).toBe(false);
    expect(datenpflegeRequestSchema.safeParse({ ...datenpflege(), abrufzweck: '01' }).success).toBe(
      false,
    );
    expect(
      datenpflegeRequestSchema.safeParse({
        ...datenpflege(),
        mehrfacherfassung: { azrNummer: [NR.a] },
      }).success,
    ).toBe(false);
  });

  it('die Meldung der Vorprüfung passt ohne AnAZR, mit Schlüssel, unverändert durch', () => {
    const draft = draftFor();
    const env = envFor(draft);
    const state = apply(env, [
      searched(draft, trefferliste([NR.a, 'A'], [NR.b, 'B'])),
      decide(NR.a, nichtIdentisch()),
      decide(NR.b, nichtIdentisch()),
    ]);
    const built = buildMeldung(state, draft, { absender: ABSENDER });
    if (!built.ok || built.art !== 'erstmeldung') throw new Error('Erstmeldung erwartet');
    const meldung = without(
      built.meldung,
      'durchfuehrenderSachbearbeiter',
      'durchfuehrendeBehoerde',
    );
    const request: RequestOf<'register.erstmeldung'> = { ...meldung, idempotencyKey: KEY };
    expect(erstmeldungRequestSchema.parse(request)).toEqual({
      ...meldung,
      idempotencyKey: KEY,
    });
    const pflege = buildDatenpflegeAnfrage(
      {
        ...state,
        mehrfacherfassung: {
          azrNummern: [NR.a, NR.b],
          begruendung: 'Doppelt erfasst unter zwei Schreibweisen.',
          festgestelltAm: '2026-11-23T09:00:00.000Z',
        },
      },
      draft,
      { absender: ABSENDER },
    );
    if (!pflege.ok) throw new Error('Datenpflege erwartet');
    const anfrage = without(
      pflege.anfrage,
      'durchfuehrenderSachbearbeiter',
      'durchfuehrendeBehoerde',
    );
    expect(datenpflegeRequestSchema.safeParse({ ...anfrage, idempotencyKey: KEY }).success).toBe(
      true,
    );
  });

  it('die Antwort ist das Ergebnis von register.anfrage: Antwort (090098 | 090099) oder Fehler', () => {
    expect(
      meldungResponseSchema.safeParse({
        ergebnis: 'antwort',
        antwort: { nachrichtentyp: '090098', azrNummer: NR.a },
      }).success,
    ).toBe(true);
    expect(
      meldungResponseSchema.safeParse({
        ergebnis: 'antwort',
        antwort: {
          nachrichtentyp: '090099',
          fehlerfall: [{ fehlerschluessel: 'PERSONALIEN_GLEICH', fehlertext: 'Gleich.' }],
          personalienGleich: [NR.b],
        },
      }).success,
    ).toBe(true);
    expect(
      meldungResponseSchema.safeParse({
        ergebnis: 'fehler',
        fehler: { code: 'REGISTER_UNREACHABLE' },
      }).success,
    ).toBe(true);
    expect(
      meldungResponseSchema.safeParse({
        ergebnis: 'antwort',
        antwort: { nachrichtentyp: '090004', azrNummer: NR.a },
      }).success,
    ).toBe(false);
  });
});

describe('register.mitteilungen: Schema', () => {
  it.each([undefined, {}, { nach: '17' }, { anzahl: 1 }, { nach: 'abc', anzahl: 500 }])(
    'nimmt %j an',
    (request) => {
      expect(mitteilungenRequestSchema.safeParse(request).success).toBe(true);
    },
  );

  it.each([
    null,
    { nach: '' },
    { anzahl: 0 },
    { anzahl: 501 },
    { anzahl: '10' },
    { anzahl: 1.5 },
    { seite: 2 },
    { nach: 'x'.repeat(201) },
  ])('lehnt %j ab', (request) => {
    expect(mitteilungenRequestSchema.safeParse(request).success).toBe(false);
  });
});

describe('protocol.vorpruefung: Schema', () => {
  const am = '2026-11-23T09:00:00.000Z';
  const nicht = () => ({
    ...summarizeForProtocol({
      azrNummer: NR.a,
      band: 'A',
      entscheidung: {
        art: 'nichtIdentisch',
        nachweisarten: ['geburtsdaten', 'lichtbild'],
        begruendung: 'Lichtbild zeigt eine deutlich ältere Frau; Geburtsjahr 1961.',
        entschiedenAm: am,
      },
    }),
    geschaeftszeichen: 'ABH-2026/0815',
  });
  const gleich = () => ({
    ...summarizeForProtocol({
      azrNummer: NR.b,
      band: null,
      entscheidung: {
        art: 'identisch',
        pruefung: {
          lichtbildVerglichen: { ergebnis: 'ja' },
          dokumentGeprueft: { ergebnis: 'ja' },
          geburtsdatenUebereinstimmend: { ergebnis: 'ja' },
          aktenfuehrendeBehoerdeBefragt: { ergebnis: 'nichtMoeglich', vermerk: 'nicht erreicht' },
        },
        entschiedenAm: am,
      },
    }),
    geschaeftszeichen: 'ABH-2026/0816',
  });

  it('nimmt die Zusammenfassung der Vorprüfung plus Geschäftszeichen unverändert an', () => {
    // Compile-time too: the wizard passes summarizeForProtocol(...) as it is.
    const request: RequestOf<'protocol.vorpruefung'> = nicht();
    expect(vorpruefungRequestSchema.parse(request)).toEqual(nicht());
    expect(nicht().ergebnis).toBe('nichtIdentisch:lichtbild+geburtsdaten');
    expect(vorpruefungRequestSchema.parse(gleich())).toEqual(gleich());
    expect(gleich().ergebnis).toBe('identisch:lichtbild+dokument+geburtsdaten');
  });

  it.each([
    ['ohne Geschäftszeichen', () => without(nicht(), 'geschaeftszeichen')],
    ['mit leerem Geschäftszeichen', () => ({ ...nicht(), geschaeftszeichen: '  ' })],
    ['mit zu langem Geschäftszeichen', () => ({ ...nicht(), geschaeftszeichen: 'X'.repeat(81) })],
    ['mit Begründung (Freitext)', () => ({ ...nicht(), begruendung: 'ältere Frau' })],
    ['mit Vermerk (Freitext)', () => ({ ...gleich(), vermerk: 'nicht erreicht' })],
    ['mit Namen', () => ({ ...nicht(), familienname: 'Hryhorenko' })],
    ['mit Freitext im Ergebnis', () => ({ ...nicht(), ergebnis: 'nichtIdentisch:ältere Frau' })],
    [
      'mit einem Ergebnis, das nicht zur Entscheidung passt',
      () => ({ ...nicht(), ergebnis: 'identisch:lichtbild+geburtsdaten' }),
    ],
    ['mit ungültiger AZR-Nummer', () => ({ ...nicht(), azrNummern: ['241399000001'] })],
    ['mit zwei AZR-Nummern', () => ({ ...nicht(), azrNummern: [NR.a, NR.b] })],
    ['ohne AZR-Nummer', () => ({ ...nicht(), azrNummern: [] })],
    ['mit falscher Operation', () => ({ ...nicht(), operation: 'anfrage' })],
    ['mit unbekannter Nachweisart', () => ({ ...nicht(), nachweisarten: ['gefuehl'] })],
    [
      'mit doppelter Nachweisart',
      () => ({
        ...nicht(),
        nachweisarten: ['lichtbild', 'lichtbild'],
        ergebnis: 'nichtIdentisch:lichtbild+lichtbild',
      }),
    ],
    [
      'mit Nachweisarten außer der Reihe',
      () => ({
        ...nicht(),
        nachweisarten: ['geburtsdaten', 'lichtbild'],
        ergebnis: 'nichtIdentisch:geburtsdaten+lichtbild',
      }),
    ],
    [
      '„nicht identisch“ ohne Nachweis',
      () => ({ ...nicht(), nachweisarten: [], ergebnis: 'nichtIdentisch:' }),
    ],
    [
      '„nicht identisch“ mit Prüfpunkten',
      () => ({ ...nicht(), pruefpunkte: gleich().pruefpunkte }),
    ],
    ['„identisch“ ohne Prüfpunkte', () => without(gleich(), 'pruefpunkte')],
    [
      '„identisch“ mit Nachweisen, die nicht geprüft wurden',
      () => ({
        ...gleich(),
        nachweisarten: ['lichtbild', 'dokument', 'geburtsdaten', 'auskunftBehoerde'],
        ergebnis: 'identisch:lichtbild+dokument+geburtsdaten+auskunftBehoerde',
      }),
    ],
    [
      'mit Freitext in einem Prüfpunkt',
      () => ({
        ...gleich(),
        pruefpunkte: { ...gleich().pruefpunkte, dokumentGeprueft: 'Pass sah echt aus' },
      }),
    ],
    ['mit unbekanntem Band', () => ({ ...nicht(), band: 'D' })],
    ['mit ungültigem Zeitpunkt', () => ({ ...nicht(), entschiedenAm: 'gestern' })],
  ])('lehnt eine Zusammenfassung %s ab', (_what, make) => {
    expect(vorpruefungRequestSchema.safeParse(make()).success).toBe(false);
  });
});

describe('deepStrict', () => {
  it('behält die Prüfungen jedes Knotens und weigert sich bei Behältern, die es nicht erreicht', () => {
    const schema = deepStrict(
      z.object({
        liste: z.array(z.object({ n: z.number().min(1) })).min(1),
        wahl: z.discriminatedUnion('art', [
          z.object({ art: z.literal('a'), x: z.object({ y: z.string() }) }),
          z.object({ art: z.literal('b') }),
        ]),
      }),
    );
    expect(schema.safeParse({ liste: [{ n: 1 }], wahl: { art: 'b' } }).success).toBe(true);
    expect(schema.safeParse({ liste: [], wahl: { art: 'b' } }).success).toBe(false);
    expect(schema.safeParse({ liste: [{ n: 0 }], wahl: { art: 'b' } }).success).toBe(false);
    expect(
      schema.safeParse({ liste: [{ n: 1 }], wahl: { art: 'a', x: { y: '', z: 1 } } }).success,
    ).toBe(false);
    expect(() => deepStrict(z.object({ r: z.record(z.string(), z.object({})) }))).toThrow(/record/);
  });
});

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

/** A copy without the given keys. */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}
