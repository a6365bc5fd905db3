import { describe, expect, it } from 'vitest';
import { erstmeldung, folgemeldung } from '../../register-api/messages';
import { codeLists } from '../codelists';
import type { DraftContent } from './model';
import { DRAFT_SCHEMA_VERSION, emptyDraftContent } from './model';
import { DraftSchemaTooNewError, migrateDraftContent } from './migrations';
import { toErstmeldung, toFolgemeldung } from './to-meldung';
import type { ValidationContext } from './validation';
import { validateDraft } from './validation';

const context: ValidationContext = { today: '2026-11-23', codeLists };
const codelisten = { staatsangehoerigkeit: '2021-02-19', geschlecht: '1' };

/** A complete, valid Erstmeldung draft; tests change one thing at a time. */
function validDraft(change: (draft: DraftContent) => void = () => {}): DraftContent {
  const draft = emptyDraftContent('erstmeldung', codelisten);
  draft.geschaeftszeichen = 'ABH-2026/0815';
  Object.assign(draft.grundpersonalien, {
    familienname: 'Kowalczyk',
    vorname: 'Łucja Maria',
    geschlecht: 'w',
    geburtsdatum: '00.07.1990',
    geburtsort: 'Łódź',
    geburtsland: '152',
    staatsangehoerigkeit: ['152'],
  });
  change(draft);
  return draft;
}

const messagesAt = (draft: DraftContent, path: string) =>
  validateDraft(draft, context)
    .filter((issue) => issue.path === path)
    .map((issue) => issue.message);

describe('Entwurf: Prüfregeln', () => {
  it('ein vollständiger Entwurf hat keine Beanstandung', () => {
    expect(validateDraft(validDraft(), context)).toEqual([]);
  });

  it('ein leerer Entwurf nennt jedes Pflichtfeld mit einem deutschen Satz', () => {
    const issues = validateDraft(emptyDraftContent('erstmeldung', codelisten), context);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'geschaeftszeichen',
        'grundpersonalien.familienname',
        'grundpersonalien.geburtsdatum',
        'grundpersonalien.geburtsort',
        'grundpersonalien.geburtsland',
      ]),
    );
    expect(
      messagesAt(emptyDraftContent('erstmeldung', codelisten), 'grundpersonalien.familienname'),
    ).toEqual(['Bitte geben Sie den Familiennamen an.']);
  });

  it('kyrillischer Familienname: Hinweis auf die lateinische Umschrift', () => {
    const draft = validDraft((d) => (d.grundpersonalien.familienname = 'Шевченко'));
    expect(messagesAt(draft, 'grundpersonalien.familienname')[0]).toMatch(
      /kyrillische Schrift.*lateinische Buchstaben/,
    );
  });

  it('arabischer Vorname: Hinweis auf die lateinische Umschrift', () => {
    const draft = validDraft((d) => (d.grundpersonalien.vorname = 'محمد'));
    expect(messagesAt(draft, 'grundpersonalien.vorname')[0]).toMatch(/arabische Schrift/);
  });

  it('Namen länger als 120 Zeichen werden abgelehnt', () => {
    const draft = validDraft((d) => (d.grundpersonalien.familienname = 'A'.repeat(121)));
    expect(messagesAt(draft, 'grundpersonalien.familienname')[0]).toMatch(/Höchstens 120 Zeichen/);
  });

  it.each(['00.00.0000', '00.00.1990', '00.07.2018', '29.02.2024'])(
    'Geburtsdatum %s ist gültig',
    (datum) => {
      expect(
        messagesAt(
          validDraft((d) => (d.grundpersonalien.geburtsdatum = datum)),
          'grundpersonalien.geburtsdatum',
        ),
      ).toEqual([]);
    },
  );

  it.each([
    ['29.02.2023', 'Diesen Tag gibt es in diesem Monat nicht.'],
    ['14.00.1990', /Tag ohne Monat/],
    ['00.13.1990', /Monat gibt es nicht/],
    ['1990-03-14', /TT\.MM\.JJJJ/],
    ['01.01.2027', /in der Zukunft/],
    ['', /00\.00\.0000/],
  ])('Geburtsdatum „%s“ wird abgelehnt', (datum, message) => {
    const [first] = messagesAt(
      validDraft((d) => (d.grundpersonalien.geburtsdatum = datum)),
      'grundpersonalien.geburtsdatum',
    );
    expect(first).toMatch(message);
  });

  it('ein nur im Jahr bekanntes Datum im laufenden Jahr ist nicht „in der Zukunft“', () => {
    expect(
      messagesAt(
        validDraft((d) => (d.grundpersonalien.geburtsdatum = '00.00.2026')),
        'grundpersonalien.geburtsdatum',
      ),
    ).toEqual([]);
  });

  it('keine bis vier Staatsangehörigkeiten sind erlaubt, fünf nicht', () => {
    expect(
      validateDraft(
        validDraft((d) => (d.grundpersonalien.staatsangehoerigkeit = [])),
        context,
      ),
    ).toEqual([]);
    const four = validDraft(
      (d) => (d.grundpersonalien.staatsangehoerigkeit = ['152', '121', '163', '475']),
    );
    expect(validateDraft(four, context)).toEqual([]);
    const five = validDraft(
      (d) => (d.grundpersonalien.staatsangehoerigkeit = ['152', '121', '163', '475', '124']),
    );
    expect(messagesAt(five, 'grundpersonalien.staatsangehoerigkeit')[0]).toMatch(/Höchstens 4/);
  });

  it.each(['997', '998', '999'])(
    '%s steht allein und nicht neben einer anderen Staatsangehörigkeit',
    (code) => {
      expect(
        validateDraft(
          validDraft((d) => (d.grundpersonalien.staatsangehoerigkeit = [code])),
          context,
        ),
      ).toEqual([]);
      const mixed = validDraft((d) => (d.grundpersonalien.staatsangehoerigkeit = ['152', code]));
      expect(messagesAt(mixed, 'grundpersonalien.staatsangehoerigkeit')[0]).toMatch(
        new RegExp(`\\(${code}\\) kann nicht mit weiteren`),
      );
    },
  );

  it('unbekannte oder doppelte Staatsangehörigkeiten werden an ihrer Zeile gemeldet', () => {
    const draft = validDraft(
      (d) => (d.grundpersonalien.staatsangehoerigkeit = ['152', '152', '001']),
    );
    expect(messagesAt(draft, 'grundpersonalien.staatsangehoerigkeit.1')).toEqual([
      'Diese Staatsangehörigkeit ist schon eingetragen.',
    ]);
    expect(messagesAt(draft, 'grundpersonalien.staatsangehoerigkeit.2')[0]).toMatch(/001 gibt es/);
  });

  it('der Geburtsstaat darf nicht „ohne Angabe“ (999) sein', () => {
    expect(
      messagesAt(
        validDraft((d) => (d.grundpersonalien.geburtsland = '999')),
        'grundpersonalien.geburtsland',
      )[0],
    ).toMatch(/998/);
  });

  it('Geschlecht nur aus der Codeliste (m, w, x, d) oder leer', () => {
    expect(
      validateDraft(
        validDraft((d) => (d.grundpersonalien.geschlecht = '')),
        context,
      ),
    ).toEqual([]);
    expect(
      validateDraft(
        validDraft((d) => (d.grundpersonalien.geschlecht = 'd')),
        context,
      ),
    ).toEqual([]);
    expect(
      messagesAt(
        validDraft((d) => (d.grundpersonalien.geschlecht = 'f')),
        'grundpersonalien.geschlecht',
      )[0],
    ).toMatch(/kein Geschlechtsschlüssel/);
  });

  it('Geburtsort unbekannt ersetzt den Ort', () => {
    const draft = validDraft((d) =>
      Object.assign(d.grundpersonalien, { geburtsort: '', geburtsortUnbekannt: true }),
    );
    expect(validateDraft(draft, context)).toEqual([]);
  });

  it('eine Folgemeldung braucht eine AZR-Nummer mit gültigem Datum', () => {
    const folge = (nummer: string) =>
      validDraft((d) => Object.assign(d, { kind: 'folgemeldung', azrNummer: nummer }));
    expect(messagesAt(folge(''), 'azrNummer')[0]).toMatch(/braucht die AZR-Nummer/);
    expect(messagesAt(folge('23022912345'), 'azrNummer')).toEqual([
      'Die AZR-Nummer hat genau 12 Ziffern.',
    ]);
    expect(messagesAt(folge('230229123456'), 'azrNummer')[0]).toMatch(/kein gültiges Datum/);
    expect(validateDraft(folge('240229 123456'), context)).toEqual([]);
  });

  it.each([
    ['C01X00T47', undefined],
    ['c01x 00t47', undefined],
    ['C01-X00', /nur Buchstaben A–Z und Ziffern/],
    ['AB12', /5 bis 20 Zeichen/],
    ['', /Dokumentennummer an/],
  ])('Dokumentennummer „%s“', (nummer, message) => {
    const draft = validDraft((d) =>
      d.weiterePersonalien.ausweispapiere.push({
        art: 'Reisepass',
        nummer,
        ausstellenderStaat: '152',
        gueltigBis: '2030-01-31',
      }),
    );
    const found = messagesAt(draft, 'weiterePersonalien.ausweispapiere.0.nummer');
    if (message === undefined) expect(found).toEqual([]);
    else expect(found[0]).toMatch(message);
  });

  it('ein weiterer Name ohne Familien- und Vornamen wird beanstandet', () => {
    const draft = validDraft((d) =>
      d.weiterePersonalien.weitereNamen.push({
        personalienArt: '6',
        familienname: '',
        vorname: '',
      }),
    );
    expect(messagesAt(draft, 'weiterePersonalien.weitereNamen.0.familienname')[0]).toMatch(
      /Namen an/,
    );
  });
});

describe('Entwurf → Meldung', () => {
  const absender = {
    durchfuehrenderSachbearbeiter: 'Frau Beispiel',
    durchfuehrendeBehoerde: '123456',
  };

  it('ein gültiger Entwurf ergibt eine Erstmeldung, die das Register-Schema annimmt', () => {
    const draft = validDraft((d) => {
      d.weiterePersonalien.weitereNamen.push({
        personalienArt: '5',
        familienname: 'Kowalczyk-Nowak',
        vorname: '',
      });
      d.weiterePersonalien.ausweispapiere.push({
        art: 'Reisepass',
        nummer: 'ec 1234567',
        ausstellenderStaat: '152',
        gueltigBis: '',
      });
    });
    const meldung = erstmeldung.parse(toErstmeldung(draft, absender));
    expect(meldung.grundpersonalien.geburtsangaben.tagDerGeburt).toEqual({ jahr: 1990, monat: 7 });
    expect(meldung.weiterePersonalien?.ausweispapiere[0]?.nummer).toBe('EC1234567');
  });

  it('ein unbekanntes Geburtsdatum wird nicht erfunden', () => {
    const meldung = toErstmeldung(
      validDraft((d) => (d.grundpersonalien.geburtsdatum = '00.00.0000')),
      absender,
    );
    expect(meldung.grundpersonalien.geburtsangaben.tagDerGeburt).toEqual({});
  });

  it('ein Folgemeldungs-Entwurf ergibt eine Folgemeldung unter der AZR-Nummer', () => {
    const draft = validDraft((d) =>
      Object.assign(d, { kind: 'folgemeldung', azrNummer: '240229 123456' }),
    );
    const meldung = folgemeldung.parse(
      toFolgemeldung(draft, absender, { grundpersonalien: 'ABCDEFG11' }),
    );
    expect(meldung.azrNummer).toBe('240229123456');
  });
});

describe('Entwurf: Schema-Migration', () => {
  const v1 = () => {
    const content: Partial<DraftContent> = validDraft();
    delete content.codelisten;
    return content;
  };

  it('ein Entwurf der Version 1 erhält die Codelisten-Versionen seines Erstellungstags', () => {
    const migrated = migrateDraftContent(v1(), 1, {
      createdAt: new Date('2026-01-10T10:00:00'),
      codeLists,
    });
    expect(migrated.codelisten).toEqual({ staatsangehoerigkeit: '2021-02-19', geschlecht: '1' });
    expect(migrated.grundpersonalien.familienname).toBe('Kowalczyk');
  });

  it('ein aktueller Entwurf bleibt unverändert', () => {
    const draft = validDraft();
    expect(
      migrateDraftContent(draft, DRAFT_SCHEMA_VERSION, { createdAt: new Date(), codeLists }),
    ).toEqual(draft);
  });

  it('ein Entwurf aus einer neueren Version wird nicht geraten, sondern abgewiesen', () => {
    expect(() =>
      migrateDraftContent(validDraft(), DRAFT_SCHEMA_VERSION + 1, {
        createdAt: new Date(),
        codeLists,
      }),
    ).toThrow(DraftSchemaTooNewError);
  });

  it('ein Inhalt, der nach der Migration nicht passt, ist ein Fehler', () => {
    expect(() =>
      migrateDraftContent({ kind: 'erstmeldung' }, 1, { createdAt: new Date(), codeLists }),
    ).toThrow();
  });
});
