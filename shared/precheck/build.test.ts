import { describe, expect, it } from 'vitest';
import { codeLists } from '../domain/codelists';
import { toErstmeldung, toFolgemeldung } from '../domain/draft/to-meldung';
import { validateDraft } from '../domain/draft/validation';
import { datenpflegeAnfrage, erstmeldung, folgemeldung } from '../register-api/messages';
import type { BuildMeldungContext, BuildMeldungResult } from './build';
import { buildDatenpflegeAnfrage, buildMeldung } from './build';
import type { PrecheckError } from './errors';
import type { PrecheckState } from './model';
import { emptyPrecheckState } from './model';
import {
  ABSENDER,
  apply,
  decide,
  draftFor,
  edited,
  envFor,
  identisch,
  keinTreffer,
  nichtIdentisch,
  NR,
  searched,
  trefferliste,
} from './testing';

const context: BuildMeldungContext = { absender: ABSENDER };
const withReferenz = (azrNummer: string): BuildMeldungContext => ({
  absender: ABSENDER,
  grundpersonalienReferenz: { azrNummer, referenzId: 'ABCDEFG11' },
});

function missing(result: BuildMeldungResult): readonly PrecheckError[] {
  if (result.ok) throw new Error(`expected "not ready", got a ${result.art}`);
  return result.missing;
}

/** A draft searched with A, B and C hits. */
function withHits() {
  const draft = draftFor();
  const env = envFor(draft);
  const state = apply(env, [searched(draft, trefferliste([NR.a, 'A'], [NR.b, 'B'], [NR.c, 'C']))]);
  return { draft, env, state };
}

describe('Meldung aus der Vorprüfung: Voraussetzungen', () => {
  it('der Entwurf der Tests ist gültig (sonst prüften die Tests das Falsche)', () => {
    expect(validateDraft(draftFor().content, { today: '2026-11-23', codeLists })).toEqual([]);
  });

  it('ohne Suche keine Meldung', () => {
    expect(missing(buildMeldung(emptyPrecheckState(), draftFor(), context))).toEqual([
      { code: 'SEARCH_MISSING' },
    ]);
  });

  it('nach Änderung der Grundpersonalien keine Meldung aus dem alten Suchergebnis', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [decide(NR.a, nichtIdentisch()), decide(NR.b, nichtIdentisch())],
      state,
    );
    const now = edited(draft, (c) => (c.grundpersonalien.familienname = 'Hrihorenko'));
    expect(missing(buildMeldung(decided, now, context))).toEqual([{ code: 'SEARCH_OUTDATED' }]);
    const invalidated = apply(envFor(now), [{ type: 'draftEdited' }], decided);
    expect(missing(buildMeldung(invalidated, now, context))).toEqual([{ code: 'SEARCH_OUTDATED' }]);
  });

  it('ein unvollständiger Entwurf wird nicht gemeldet', () => {
    const draft = draftFor();
    const state = apply(envFor(draft), [searched(draft, keinTreffer())]);
    expect(missing(buildMeldung(state, { ...draft, status: 'offen' }, context))).toEqual([
      { code: 'DRAFT_INCOMPLETE' },
    ]);
  });

  it('eine Erstmeldung gibt es nicht, solange ein A/B-Kandidat offen ist', () => {
    const { draft, env, state } = withHits();
    expect(missing(buildMeldung(state, draft, context))).toEqual([
      { code: 'UNDECIDED', azrNummern: [NR.a, NR.b] },
    ]);
    const halb = apply(env, [decide(NR.a, nichtIdentisch())], state);
    expect(missing(buildMeldung(halb, draft, context))).toEqual([
      { code: 'UNDECIDED', azrNummern: [NR.b] },
    ]);
  });

  it('geparkt wird nichts gemeldet; alles Fehlende wird zusammen genannt', () => {
    const { draft, env, state } = withHits();
    const parked = apply(env, [{ type: 'park', grund: 'Rückfrage' }], state);
    expect(missing(buildMeldung(parked, { ...draft, status: 'offen' }, context))).toEqual([
      { code: 'DRAFT_INCOMPLETE' },
      { code: 'PARKED' },
      { code: 'UNDECIDED', azrNummern: [NR.a, NR.b] },
    ]);
  });
});

describe('Meldung aus der Vorprüfung: Erstmeldung', () => {
  it('kein Treffer: die Erstmeldung des Entwurfs, ohne Hinweise', () => {
    const draft = draftFor();
    const state = apply(envFor(draft), [searched(draft, keinTreffer())]);
    const result = buildMeldung(state, draft, context);
    expect(result).toEqual({
      ok: true,
      art: 'erstmeldung',
      meldung: toErstmeldung(draft.content, ABSENDER),
    });
  });

  it('je ein Hinweis auf Personenverschiedenheit für jeden als nicht identisch entschiedenen Kandidaten', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [
        decide(NR.b, nichtIdentisch('Andere Passnummer und anderes Geburtsjahr.', ['dokument'])),
        decide(NR.a, nichtIdentisch()),
        decide(NR.c, nichtIdentisch('Lichtbild zeigt einen Mann.', ['lichtbild'])),
      ],
      state,
    );
    const result = buildMeldung(decided, draft, context);
    if (!result.ok || result.art !== 'erstmeldung') throw new Error('expected an Erstmeldung');
    expect(result.meldung.nichtIdentischMit).toEqual([
      {
        aenderungsArt: '01',
        nichtIdentischMit: NR.a,
        begruendung: 'Lichtbild zeigt eine deutlich ältere Frau; Geburtsjahr 1961.',
      },
      {
        aenderungsArt: '01',
        nichtIdentischMit: NR.b,
        begruendung: 'Andere Passnummer und anderes Geburtsjahr.',
      },
      { aenderungsArt: '01', nichtIdentischMit: NR.c, begruendung: 'Lichtbild zeigt einen Mann.' },
    ]);
    expect(erstmeldung.safeParse(result.meldung).success).toBe(true);
    // Apart from the links, exactly the draft's own Erstmeldung (shared/domain/draft).
    expect({ ...result.meldung, nichtIdentischMit: [] }).toEqual(
      toErstmeldung(draft.content, ABSENDER),
    );
  });

  it('ein offener Band-C-Kandidat bekommt keinen Hinweis und hält nichts auf', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [decide(NR.a, nichtIdentisch()), decide(NR.b, nichtIdentisch())],
      state,
    );
    const result = buildMeldung(decided, draft, context);
    if (!result.ok || result.art !== 'erstmeldung') throw new Error('expected an Erstmeldung');
    expect(result.meldung.nichtIdentischMit?.map((n) => n.nichtIdentischMit)).toEqual([NR.a, NR.b]);
  });

  it('nach personalienGleich: erst nach der Entscheidung, dann mit Hinweis auf die genannte Person', () => {
    const draft = draftFor();
    const env = envFor(draft);
    const rejected = apply(env, [
      searched(draft, keinTreffer()),
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
    ]);
    expect(missing(buildMeldung(rejected, draft, context))).toEqual([
      { code: 'UNDECIDED', azrNummern: [NR.e] },
    ]);
    const decided = apply(env, [decide(NR.e, nichtIdentisch())], rejected);
    const result = buildMeldung(decided, draft, context);
    if (!result.ok || result.art !== 'erstmeldung') throw new Error('expected an Erstmeldung');
    expect(result.meldung.nichtIdentischMit?.map((n) => n.nichtIdentischMit)).toEqual([NR.e]);
  });

  it('ein Entwurf, der als Folgemeldung angelegt ist, wird nicht still zur Erstmeldung', () => {
    const draft = draftFor((c) => {
      c.kind = 'folgemeldung';
      c.azrNummer = '2402 2912 3456';
    });
    const state = apply(envFor(draft), [searched(draft, keinTreffer())]);
    expect(missing(buildMeldung(state, draft, context))).toEqual([
      { code: 'DRAFT_TARGET_DIFFERS', azrNummern: [NR.a] },
    ]);
  });
});

describe('Meldung aus der Vorprüfung: Folgemeldung', () => {
  function identical(): { draft: ReturnType<typeof draftFor>; state: PrecheckState } {
    const { draft, env, state } = withHits();
    return {
      draft,
      state: apply(env, [decide(NR.b, identisch()), decide(NR.a, nichtIdentisch())], state),
    };
  }

  it('an die AZR-Nummer des identischen Kandidaten, mit der Referenz-ID seiner Grundpersonalien', () => {
    const { draft, state } = identical();
    const result = buildMeldung(state, draft, withReferenz(NR.b));
    if (!result.ok || result.art !== 'folgemeldung') throw new Error('expected a Folgemeldung');
    const expected = toFolgemeldung({ ...draft.content, azrNummer: NR.b }, ABSENDER, {
      grundpersonalien: 'ABCDEFG11',
    });
    expect(result.meldung).toEqual({
      ...expected,
      nichtIdentischMit: [
        {
          aenderungsArt: '01',
          nichtIdentischMit: NR.a,
          begruendung: 'Lichtbild zeigt eine deutlich ältere Frau; Geburtsjahr 1961.',
        },
      ],
    });
    expect(result.meldung.azrNummer).toBe(NR.b);
    expect(folgemeldung.safeParse(result.meldung).success).toBe(true);
  });

  it('ohne aktuelle Referenz-ID des identischen Datensatzes keine Folgemeldung', () => {
    const { draft, state } = identical();
    expect(missing(buildMeldung(state, draft, context))).toEqual([
      { code: 'REFERENZ_MISSING', azrNummern: [NR.b] },
    ]);
    expect(missing(buildMeldung(state, draft, withReferenz(NR.a)))).toEqual([
      { code: 'REFERENZ_MISSING', azrNummern: [NR.b] },
    ]);
  });

  it('ein Folgemeldungs-Entwurf zu derselben AZR-Nummer passt', () => {
    const { state } = identical();
    const draft = draftFor((c) => {
      c.kind = 'folgemeldung';
      c.azrNummer = NR.b;
    });
    expect(buildMeldung(state, draft, withReferenz(NR.b))).toMatchObject({
      ok: true,
      art: 'folgemeldung',
    });
  });

  it('ein Folgemeldungs-Entwurf zu einer anderen AZR-Nummer passt nicht', () => {
    const { state } = identical();
    const draft = draftFor((c) => {
      c.kind = 'folgemeldung';
      c.azrNummer = NR.d;
    });
    expect(missing(buildMeldung(state, draft, withReferenz(NR.b)))).toEqual([
      { code: 'DRAFT_TARGET_DIFFERS', azrNummern: [NR.d, NR.b] },
    ]);
  });
});

describe('DatenpflegeAnfrage (090040) aus dem Verdacht auf Mehrfacherfassung', () => {
  it('nennt die Personen, das Geschäftszeichen, Abrufzweck 21 und die Begründung', () => {
    const { draft, env, state } = withHits();
    const reported = apply(
      env,
      [
        { type: 'park', grund: 'Zwei Datensätze derselben Person?' },
        {
          type: 'reportDuplicate',
          azrNummern: [NR.b, NR.a],
          begruendung: 'Gleiches Lichtbild und gleiche Passnummer in beiden Datensätzen.',
        },
      ],
      state,
    );
    const result = buildDatenpflegeAnfrage(reported, draft, { absender: ABSENDER });
    expect(result).toEqual({
      ok: true,
      anfrage: {
        ...ABSENDER,
        abrufzweck: '21',
        geschaeftszeichen: 'ABH-2026/0815',
        mehrfacherfassung: { azrNummer: [NR.b, NR.a] },
        begruendung: 'Gleiches Lichtbild und gleiche Passnummer in beiden Datensätzen.',
      },
    });
    if (result.ok) expect(datenpflegeAnfrage.safeParse(result.anfrage).success).toBe(true);
  });

  it('ohne festgehaltenen Verdacht keine Anfrage', () => {
    const { draft, state } = withHits();
    expect(buildDatenpflegeAnfrage(state, draft, { absender: ABSENDER })).toEqual({
      ok: false,
      missing: [{ code: 'NO_DUPLICATE_REPORT' }],
    });
  });

  it('nicht aus einem veralteten Suchergebnis', () => {
    const { draft, env, state } = withHits();
    const reported = apply(
      env,
      [{ type: 'reportDuplicate', azrNummern: [NR.a, NR.b], begruendung: 'Gleiches Lichtbild.' }],
      state,
    );
    const now = edited(draft, (c) => (c.grundpersonalien.vorname = 'Oxana'));
    expect(buildDatenpflegeAnfrage(reported, now, { absender: ABSENDER })).toEqual({
      ok: false,
      missing: [{ code: 'SEARCH_OUTDATED' }],
    });
  });
});
