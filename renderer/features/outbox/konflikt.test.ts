import { describe, expect, it } from 'vitest';
import type { Grundpersonalien, WeiterePersonalien } from '../../../shared/register-api/common';
import { gesamtauskunft, grundpersonalien } from '../../data/register/test-support';
import type { OutboxMeldung } from '../../data/outbox/model';
import { omitKeys } from '../../data/outbox/model';
import type { DiffRow } from './konflikt';
import { konfliktDiff as diffWith, rebaseFolgemeldung } from './konflikt';

type Folgemeldung = Extract<OutboxMeldung, { art: 'folgemeldung' }>['meldung'];

// The register (gesamtauskunft() of the test support): 240301000001, Grundpersonalien ABCDEFG11
// "Shevchenko, Hryhorii", weitere Personalien ABCDEFH11 with one Reisepass.
const REGISTER_GP = 'ABCDEFG11';
const REGISTER_WP = 'ABCDEFH11';
const STALE_GP = 'ABCDEFG03';
const STALE_WP = 'ABCDEFH05';

const weitere = (overrides: Partial<WeiterePersonalien> = {}): WeiterePersonalien => ({
  weitereNamen: [],
  ausweispapiere: [{ art: 'Reisepass', nummer: 'FE123456', ausstellenderStaat: '166' }],
  ...overrides,
});

const folge = (overrides: Partial<Folgemeldung> = {}): Folgemeldung => ({
  geschaeftszeichen: 'ABH-2026/0999',
  azrNummer: '240301000001',
  nichtIdentischMit: [],
  grundpersonalien: {
    aenderungsArt: '02',
    referenzId: STALE_GP,
    neu: grundpersonalien({ vorname: 'Hryhorii Petro' }),
  },
  ...overrides,
});

/** A Folgemeldung that changes only the weitere Personalien. */
const nurWeitere = (w: NonNullable<Folgemeldung['weiterePersonalien']>): Folgemeldung => ({
  ...omitKeys(folge(), ['grundpersonalien']),
  weiterePersonalien: w,
});

const texte = { unbekannterOrt: 'unbekannt' };
const diff = (auskunft: Parameters<typeof diffWith>[0], meldung: Folgemeldung) =>
  diffWith(auskunft, meldung, texte);

const byField = (rows: readonly DiffRow[]) => new Map(rows.map((row) => [row.feld, row]));

describe('konfliktDiff', () => {
  it('vergleicht Nummer, Stand und jedes Feld der Grundpersonalien in fester Reihenfolge', () => {
    const rows = diff(gesamtauskunft(), folge());
    expect(rows.map((row) => row.feld)).toEqual([
      'azrNummer',
      'referenzId',
      'familienname',
      'geburtsname',
      'vorname',
      'geburtsdatum',
      'geburtsort',
      'geschlecht',
      'staatsangehoerigkeit',
      'doktorgrad',
    ]);
    expect(rows).toContainEqual({
      feld: 'vorname',
      register: 'Hryhorii',
      meldung: 'Hryhorii Petro',
      abweichend: true,
    });
    expect(rows).toContainEqual({
      feld: 'referenzId',
      register: REGISTER_GP,
      meldung: STALE_GP,
      abweichend: true,
    });
    // What is the same is shown as the same, in readable form.
    expect(byField(rows).get('azrNummer')).toEqual({
      feld: 'azrNummer',
      register: '240301000001',
      meldung: '240301000001',
      abweichend: false,
    });
    expect(byField(rows).get('geburtsdatum')).toMatchObject({
      register: '14.05.1987',
      abweichend: false,
    });
    expect(byField(rows).get('geburtsort')).toMatchObject({
      register: 'Kharkiv, Ukraine (166)',
      abweichend: false,
    });
    expect(byField(rows).get('geburtsname')).toMatchObject({
      register: '',
      meldung: '',
      abweichend: false,
    });
    expect(rows.filter((row) => row.abweichend).map((row) => row.feld)).toEqual([
      'referenzId',
      'vorname',
    ]);
  });

  it('erkennt jede geänderte Angabe der Grundpersonalien', () => {
    const changed: Grundpersonalien = {
      familienname: 'Schewtschenko',
      geburtsname: 'Petrenko',
      vorname: 'Grigorij',
      geburtsangaben: {
        geburtsort: { unbekannt: true },
        geburtsortStaat: '163',
        tagDerGeburt: { jahr: 1987 },
      },
      geschlecht: 'x',
      doktorgrad: 'Dr.',
      staatsangehoerigkeit: ['166', '163'],
    };
    const rows = diff(
      gesamtauskunft(),
      folge({ grundpersonalien: { aenderungsArt: '02', referenzId: REGISTER_GP, neu: changed } }),
    );
    const fields = byField(rows);
    expect(fields.get('referenzId')?.abweichend).toBe(false);
    for (const feld of [
      'familienname',
      'geburtsname',
      'vorname',
      'geburtsdatum',
      'geburtsort',
      'geschlecht',
      'staatsangehoerigkeit',
      'doktorgrad',
    ] as const)
      expect(fields.get(feld), feld).toMatchObject({ abweichend: true });
    expect(fields.get('geburtsdatum')?.meldung).toBe('00.00.1987');
    // Code lists read with their labels, as in the pre-check.
    expect(fields.get('staatsangehoerigkeit')?.meldung).toMatch(/^Ukraine \(166\); .+ \(163\)$/);
    expect(fields.get('geschlecht')?.register).toBe('männlich (m)');
    expect(fields.get('geschlecht')?.meldung).toMatch(/\(x\)$/);
    // An unknown place of birth says so (in the caller's words), with the state of birth.
    expect(fields.get('geburtsort')?.meldung).toMatch(/^unbekannt, .+ \(163\)$/);
  });

  it('zeigt die Nummer, unter der das Register die Person nach einer Zusammenführung führt', () => {
    const rows = diff(
      gesamtauskunft({ azrNummer: '240301000009' }),
      folge({ azrNummer: '240301000001' }),
    );
    expect(rows[0]).toEqual({
      feld: 'azrNummer',
      register: '240301000009',
      meldung: '240301000001',
      abweichend: true,
    });
  });

  it('ohne Grundpersonalien in der Meldung nur deren Blöcke: weitere Personalien mit ihrem Stand', () => {
    const rows = diff(
      gesamtauskunft(),
      nurWeitere({
        aenderungsArt: '02',
        referenzId: STALE_WP,
        neu: weitere({
          weitereNamen: [{ personalienArt: '3', familienname: 'Ševčenko', vorname: 'Hryhorij' }],
          ausweispapiere: [{ art: 'Reisepass', nummer: 'FE999999', ausstellenderStaat: '166' }],
        }),
      }),
    );
    expect(rows.map((row) => row.feld)).toEqual([
      'azrNummer',
      'referenzIdWeitere',
      'weitereNamen',
      'ausweispapiere',
    ]);
    const fields = byField(rows);
    expect(fields.get('referenzIdWeitere')).toMatchObject({
      register: REGISTER_WP,
      meldung: STALE_WP,
      abweichend: true,
    });
    expect(fields.get('weitereNamen')).toMatchObject({
      register: '',
      abweichend: true,
    });
    expect(fields.get('weitereNamen')?.meldung).toMatch(/ \(3\): Ševčenko, Hryhorij$/);
    expect(fields.get('ausweispapiere')?.register).toBe('Reisepass FE123456, Ukraine (166)');
    expect(fields.get('ausweispapiere')?.meldung).toBe('Reisepass FE999999, Ukraine (166)');
    expect(fields.get('ausweispapiere')?.abweichend).toBe(true);
  });

  it('zeigt jede Angabe eines Ausweispapiers, die die Meldung ändern würde', () => {
    // Same kind and number, but another issuing state and a validity: the Folgemeldung would
    // overwrite them, so the difference must not read "gleich".
    const rows = diff(
      gesamtauskunft(),
      nurWeitere({
        aenderungsArt: '02',
        referenzId: REGISTER_WP,
        neu: weitere({
          ausweispapiere: [
            {
              art: 'Reisepass',
              nummer: 'FE123456',
              ausstellenderStaat: '163',
              gueltigBis: '2031-01-31',
            },
          ],
        }),
      }),
    );
    const papiere = byField(rows).get('ausweispapiere');
    expect(papiere?.abweichend).toBe(true);
    expect(papiere?.meldung).toMatch(/^Reisepass FE123456, .+ \(163\), 31\.01\.2031$/);
  });

  it('zeigt die Art eines weiteren Namens, die die Meldung ändern würde', () => {
    const register = gesamtauskunft({
      weiterePersonalien: {
        referenzId: REGISTER_WP,
        inhalt: weitere({
          weitereNamen: [{ personalienArt: '3', familienname: 'Ševčenko' }],
        }),
      },
    });
    const rows = diff(
      register,
      nurWeitere({
        aenderungsArt: '02',
        referenzId: REGISTER_WP,
        neu: weitere({ weitereNamen: [{ personalienArt: '4', familienname: 'Ševčenko' }] }),
      }),
    );
    expect(byField(rows).get('weitereNamen')?.abweichend).toBe(true);
  });

  it('weitere Personalien, die das Register nicht geliefert hat, sind leer', () => {
    const rows = diff(
      gesamtauskunft({ weiterePersonalien: undefined, nurGrunddaten: true }),
      folge({
        weiterePersonalien: { aenderungsArt: '02', referenzId: STALE_WP, neu: weitere() },
      }),
    );
    const fields = byField(rows);
    expect(fields.get('referenzIdWeitere')).toMatchObject({ register: '', meldung: STALE_WP });
    expect(fields.get('ausweispapiere')).toMatchObject({ register: '', abweichend: true });
    expect(fields.get('weitereNamen')).toMatchObject({
      register: '',
      meldung: '',
      abweichend: false,
    });
    // Both blocks are compared when the Meldung changes both.
    expect(fields.has('vorname')).toBe(true);
  });

  it('eine Meldung mit denselben Daten unterscheidet sich nur im Stand', () => {
    const rows = diff(
      gesamtauskunft(),
      folge({
        grundpersonalien: { aenderungsArt: '02', referenzId: STALE_GP, neu: grundpersonalien() },
      }),
    );
    expect(rows.filter((row) => row.abweichend).map((row) => row.feld)).toEqual(['referenzId']);
  });
});

describe('rebaseFolgemeldung', () => {
  it('setzt die Referenz-ID der Grundpersonalien auf den Stand des Registers, sonst nichts', () => {
    const stale = folge();
    const rebased = rebaseFolgemeldung(gesamtauskunft(), stale);
    expect(rebased).toEqual({
      ...stale,
      grundpersonalien: { ...stale.grundpersonalien, referenzId: REGISTER_GP },
    });
    // The stale Meldung itself is not changed (the Postausgang still shows it until rebased).
    expect(stale.grundpersonalien?.referenzId).toBe(STALE_GP);
    expect(rebased).not.toHaveProperty('weiterePersonalien');
  });

  it('setzt auch den Stand der weiteren Personalien, wenn die Meldung einen nennt', () => {
    const stale = folge({
      weiterePersonalien: { aenderungsArt: '02', referenzId: STALE_WP, neu: weitere() },
    });
    const rebased = rebaseFolgemeldung(gesamtauskunft(), stale);
    expect(rebased?.grundpersonalien?.referenzId).toBe(REGISTER_GP);
    expect(rebased?.weiterePersonalien).toEqual({
      aenderungsArt: '02',
      referenzId: REGISTER_WP,
      neu: weitere(),
    });
  });

  it('lässt weitere Personalien ohne Stand (neu angelegt) ohne Stand', () => {
    const stale = nurWeitere({ aenderungsArt: '01', neu: weitere() });
    const rebased = rebaseFolgemeldung(gesamtauskunft(), stale);
    expect(rebased?.weiterePersonalien).toEqual({ aenderungsArt: '01', neu: weitere() });
    expect(rebased).not.toHaveProperty('grundpersonalien');
    // Also when the register delivered no weitere Personalien at all.
    expect(
      rebaseFolgemeldung(gesamtauskunft({ weiterePersonalien: undefined }), stale)
        ?.weiterePersonalien,
    ).toEqual({ aenderungsArt: '01', neu: weitere() });
  });

  it('richtet die Meldung an die aktuelle Nummer nach einer Zusammenführung', () => {
    const rebased = rebaseFolgemeldung(
      gesamtauskunft({ azrNummer: '240301000009' }),
      folge({ azrNummer: '240301000001' }),
    );
    expect(rebased?.azrNummer).toBe('240301000009');
  });

  it('ohne den Block, dessen Stand die Meldung nennt, ist kein Neuaufsetzen möglich', () => {
    const stale = folge({
      weiterePersonalien: { aenderungsArt: '02', referenzId: STALE_WP, neu: weitere() },
    });
    expect(
      rebaseFolgemeldung(gesamtauskunft({ weiterePersonalien: undefined }), stale),
    ).toBeUndefined();
  });

  it('übernimmt Geschäftszeichen, Inhalt und Hinweise auf Personenverschiedenheit unverändert', () => {
    const stale = folge({
      nichtIdentischMit: [
        {
          aenderungsArt: '01',
          nichtIdentischMit: '240301000007',
          begruendung: 'Anderes Lichtbild, anderer Geburtsort laut Reisepass.',
        },
      ],
    });
    const rebased = rebaseFolgemeldung(gesamtauskunft(), stale);
    expect(rebased?.geschaeftszeichen).toBe(stale.geschaeftszeichen);
    expect(rebased?.nichtIdentischMit).toEqual(stale.nichtIdentischMit);
    expect(rebased?.grundpersonalien?.neu).toEqual(stale.grundpersonalien?.neu);
    expect(rebased?.grundpersonalien?.aenderungsArt).toBe('02');
  });
});
