import { describe, expect, it } from 'vitest';
import type { DraftContent } from '../domain/draft/model';
import { toGrundpersonalien } from '../domain/draft/to-meldung';
import type { Fehlernachricht } from '../register-api/messages';
import type { PrecheckErrorCode } from './errors';
import type { PrecheckState, Pruefpunkt } from './model';
import { emptyPrecheckState, pruefpunkte } from './model';
import { precheckPhase } from './phase';
import type { PrecheckEnv, PrecheckEvent, PrecheckResult } from './reducer';
import { reducePrecheck } from './reducer';
import {
  alleGeprueft,
  apply,
  clock,
  decide,
  draftFor,
  edited,
  envFor,
  identisch,
  keinTreffer,
  nichtIdentisch,
  NR,
  searched,
  treffer,
  trefferliste,
} from './testing';

/** Frozen all the way down: a reducer that mutated its input would throw here. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const step = (state: PrecheckState, event: PrecheckEvent, env: PrecheckEnv): PrecheckResult =>
  reducePrecheck(deepFreeze(state), event, env);

function refused(result: PrecheckResult): PrecheckErrorCode {
  if (result.ok) throw new Error('expected the event to be refused');
  return result.error.code;
}

function accepted(result: PrecheckResult): PrecheckState {
  if (!result.ok) throw new Error(`expected the event to be accepted, got ${result.error.code}`);
  return result.state;
}

const rejection = (...personalienGleich: string[]): Fehlernachricht => ({
  nachrichtentyp: '090099',
  hinweis: [],
  fehlerfall: [
    {
      fehlerschluessel: 'PERSONALIEN_GLEICH',
      fehlertext: 'Im Register sind Personen mit gleichen Grundpersonalien gespeichert.',
      fehlerhaftesAttribut: [],
    },
  ],
  personalienGleich,
});

/** A draft searched with A, B and C hits. */
function withHits() {
  const draft = draftFor();
  const env = envFor(draft);
  const state = apply(env, [searched(draft, trefferliste([NR.a, 'A'], [NR.b, 'B'], [NR.c, 'C']))]);
  return { draft, env, state };
}

describe('Vorprüfung: Zustände vor der Suche', () => {
  it('ein unvollständiger Entwurf kann nicht gesucht werden', () => {
    const draft = { ...draftFor(), status: 'offen' as const };
    const env = envFor(draft);
    expect(precheckPhase(emptyPrecheckState(), draft)).toEqual({ phase: 'draftIncomplete' });
    expect(refused(step(emptyPrecheckState(), searched(draft, keinTreffer()), env))).toBe(
      'DRAFT_INCOMPLETE',
    );
  });

  it('ein vollständiger Entwurf ohne Suche wartet auf die Suche', () => {
    expect(precheckPhase(emptyPrecheckState(), draftFor())).toEqual({
      phase: 'searchPending',
      grund: 'nochNichtGesucht',
    });
  });

  it('ein Suchergebnis zu anderen Grundpersonalien als denen im Entwurf wird abgelehnt', () => {
    const draft = draftFor();
    const anders = edited(draft, (c) => (c.grundpersonalien.vorname = 'Oxana'));
    const event = searched(anders, keinTreffer());
    expect(refused(step(emptyPrecheckState(), event, envFor(draft)))).toBe('SEARCH_NOT_CURRENT');
  });

  it('ohne Suche kann weder entschieden noch geparkt noch eine Ablehnung verarbeitet werden', () => {
    const env = envFor(draftFor());
    const empty = emptyPrecheckState();
    expect(refused(step(empty, decide(NR.a, nichtIdentisch()), env))).toBe('SEARCH_MISSING');
    expect(refused(step(empty, { type: 'park', grund: 'Rückfrage' }, env))).toBe('SEARCH_MISSING');
    const rejected = { type: 'erstmeldungRejected', fehlernachricht: rejection(NR.a) } as const;
    expect(refused(step(empty, rejected, env))).toBe('SEARCH_MISSING');
    const dup = { type: 'reportDuplicate', azrNummern: [NR.a, NR.b], begruendung: 'x'.repeat(20) };
    expect(refused(step(empty, dup as PrecheckEvent, env))).toBe('SEARCH_MISSING');
  });
});

describe('Vorprüfung: Suche', () => {
  it('kein Treffer: sofort bereit für eine Erstmeldung ohne Hinweise', () => {
    const draft = draftFor();
    const state = accepted(
      step(emptyPrecheckState(), searched(draft, keinTreffer()), envFor(draft)),
    );
    expect(state.suche?.gesuchtAm).toBe('2026-11-23T09:00:00.000Z');
    expect(state.kandidaten).toEqual([]);
    expect(precheckPhase(state, draft)).toEqual({
      phase: 'ready',
      ergebnis: { meldung: 'erstmeldung', nichtIdentischMit: [] },
    });
  });

  it('Treffer der Bänder A und B müssen entschieden werden, Band C nicht', () => {
    const { draft, state } = withHits();
    expect(state.kandidaten.map((k) => [k.azrNummer, k.band, k.entscheidung])).toEqual([
      [NR.a, 'A', null],
      [NR.b, 'B', null],
      [NR.c, 'C', null],
    ]);
    expect(precheckPhase(state, draft)).toEqual({
      phase: 'candidatesToDecide',
      offen: [NR.a, NR.b],
    });
  });

  it('nur Band-C-Treffer: bereit für eine Erstmeldung, ohne Entscheidung', () => {
    const draft = draftFor();
    const state = apply(envFor(draft), [searched(draft, trefferliste([NR.c, 'C']))]);
    expect(precheckPhase(state, draft)).toMatchObject({ phase: 'ready' });
  });

  it('eine Person, die über zwei Namensformen gefunden wird, ist ein Kandidat mit dem besten Band', () => {
    const draft = draftFor();
    const antwort = trefferliste([NR.a, 'C'], [NR.a, 'B'], [NR.b, 'B'], [NR.b, 'C']);
    const state = apply(envFor(draft), [searched(draft, antwort)]);
    expect(state.kandidaten.map((k) => [k.azrNummer, k.band])).toEqual([
      [NR.a, 'B'],
      [NR.b, 'B'],
    ]);
  });

  it('eine Gesamtauskunft statt einer Trefferliste ist ein Kandidat, der entschieden werden muss', () => {
    const draft = draftFor();
    const state = apply(envFor(draft), [
      searched(draft, {
        nachrichtentyp: '090004',
        hinweis: [],
        azrNummer: NR.d,
        nichtIdentischMit: [],
        nurGrunddaten: true,
        verarbeitungEingeschraenkt: false,
        uebermittlungssperre: [],
        grundpersonalien: {
          referenzId: 'ABCDEFG11',
          inhalt: treffer(NR.d, 'A').grundpersonalien,
        },
        lichtbildVorhanden: false,
      }),
    ]);
    expect(state.kandidaten).toEqual([
      { azrNummer: NR.d, band: null, personalienGleich: false, entscheidung: null },
    ]);
    expect(precheckPhase(state, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.d] });
  });

  it('eine erneute Suche mit denselben Grundpersonalien behält die Entscheidungen der verbliebenen Kandidaten', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [decide(NR.a, nichtIdentisch()), decide(NR.b, nichtIdentisch())],
      state,
    );
    const again = accepted(
      step(decided, searched(draft, trefferliste([NR.a, 'B'], [NR.d, 'A'])), env),
    );
    expect(again.kandidaten.map((k) => [k.azrNummer, k.band, k.entscheidung?.art ?? null])).toEqual(
      [
        [NR.a, 'B', 'nichtIdentisch'],
        [NR.d, 'A', null],
      ],
    );
    expect(precheckPhase(again, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.d] });
  });

  it('eine erneute Suche verwirft den Verdacht auf Mehrfacherfassung, wenn eine der Personen fehlt', () => {
    const { draft, env, state } = withHits();
    const dup: PrecheckEvent = {
      type: 'reportDuplicate',
      azrNummern: [NR.a, NR.b],
      begruendung: 'Gleiches Lichtbild in beiden Datensätzen.',
    };
    const reported = apply(env, [dup], state);
    const allStill = accepted(
      step(reported, searched(draft, trefferliste([NR.a, 'A'], [NR.b, 'A'])), env),
    );
    expect(allStill.mehrfacherfassung?.azrNummern).toEqual([NR.a, NR.b]);
    const oneGone = accepted(step(reported, searched(draft, trefferliste([NR.a, 'A'])), env));
    expect(oneGone.mehrfacherfassung).toBeNull();
  });
});

describe('Vorprüfung: Änderung der Grundpersonalien macht die Suche ungültig', () => {
  const changes: [string, (c: DraftContent) => void][] = [
    ['Familienname', (c) => (c.grundpersonalien.familienname = 'Hryhorenko-Schmidt')],
    ['Geburtsname', (c) => (c.grundpersonalien.geburtsname = 'Petrenko')],
    ['Vorname', (c) => (c.grundpersonalien.vorname = 'Oksana Maria')],
    ['Doktorgrad', (c) => (c.grundpersonalien.doktorgrad = 'Dr.')],
    ['Geschlecht', (c) => (c.grundpersonalien.geschlecht = 'x')],
    ['Geburtsdatum', (c) => (c.grundpersonalien.geburtsdatum = '14.03.1990')],
    ['Geburtsort', (c) => (c.grundpersonalien.geburtsort = 'Kyjiw')],
    ['Geburtsort unbekannt', (c) => (c.grundpersonalien.geburtsortUnbekannt = true)],
    ['Geburtsland', (c) => (c.grundpersonalien.geburtsland = '998')],
    ['weitere Staatsangehörigkeit', (c) => c.grundpersonalien.staatsangehoerigkeit.push('152')],
    ['nur Groß-/Kleinschreibung', (c) => (c.grundpersonalien.familienname = 'HRYHORENKO')],
    ['nur ein Leerzeichen im Namen', (c) => (c.grundpersonalien.vorname = 'Ok sana')],
  ];

  it.each(changes)(
    '%s geändert: Suche, Kandidaten und Entscheidungen werden verworfen',
    (_, change) => {
      const { draft, state } = withHits();
      const decided = apply(envFor(draft), [decide(NR.a, nichtIdentisch())], state);
      const now = edited(draft, change);
      const result = accepted(
        step(decided, { type: 'draftEdited' }, envFor(now, clock('2026-11-24T10:00:00.000Z'))),
      );
      expect(result).toEqual({
        ...emptyPrecheckState(),
        verworfen: { grund: 'grundpersonalienGeaendert', am: '2026-11-24T10:00:00.000Z' },
      });
      expect(precheckPhase(result, now)).toEqual({
        phase: 'searchPending',
        grund: 'grundpersonalienGeaendert',
      });
    },
  );

  it('Leerzeichen am Anfang oder Ende sieht das Register nicht: die Suche bleibt gültig', () => {
    const { draft, state } = withHits();
    const now = edited(draft, (c) => (c.grundpersonalien.familienname = '  Hryhorenko '));
    expect(step(state, { type: 'draftEdited' }, envFor(now))).toEqual({ ok: true, state });
  });

  it.each<[string, (c: DraftContent) => void]>([
    ['Geschäftszeichen', (c) => (c.geschaeftszeichen = 'ABH-2026/0816')],
    [
      'weitere Personalien',
      (c) =>
        c.weiterePersonalien.weitereNamen.push({
          personalienArt: '3',
          familienname: 'Petrenko',
          vorname: '',
        }),
    ],
  ])('Änderung außerhalb der Grundpersonalien (%s) lässt die Suche bestehen', (_, change) => {
    const { draft, state } = withHits();
    const now = edited(draft, change);
    expect(step(state, { type: 'draftEdited' }, envFor(now))).toEqual({ ok: true, state });
  });

  it('ohne gespeicherte Suche ändert eine Bearbeitung nichts', () => {
    const state = emptyPrecheckState();
    expect(step(state, { type: 'draftEdited' }, envFor(draftFor()))).toEqual({ ok: true, state });
  });

  it('auch ohne Bearbeitungs-Ereignis gilt eine veraltete Suche nicht: keine Entscheidung, erneut suchen', () => {
    const { draft, state } = withHits();
    const now = edited(draft, (c) => (c.grundpersonalien.vorname = 'Oxana'));
    expect(precheckPhase(state, now)).toEqual({
      phase: 'searchPending',
      grund: 'grundpersonalienGeaendert',
    });
    expect(refused(step(state, decide(NR.a, nichtIdentisch()), envFor(now)))).toBe(
      'SEARCH_OUTDATED',
    );
    expect(refused(step(state, { type: 'park', grund: 'Rückfrage' }, envFor(now)))).toBe(
      'SEARCH_OUTDATED',
    );
  });

  it('das Verwerfen hebt auch Parken, Abweisung und Verdacht auf Mehrfacherfassung auf', () => {
    const { draft, env, state } = withHits();
    const full = apply(
      env,
      [
        { type: 'erstmeldungRejected', fehlernachricht: rejection(NR.e) },
        {
          type: 'reportDuplicate',
          azrNummern: [NR.a, NR.b],
          begruendung: 'Gleiches Lichtbild, gleicher Pass.',
        },
        { type: 'park', grund: 'Rückfrage bei der aktenführenden Behörde' },
      ],
      state,
    );
    const now = edited(draft, (c) => (c.grundpersonalien.vorname = 'Oxana'));
    const result = accepted(step(full, { type: 'draftEdited' }, envFor(now)));
    expect(result.kandidaten).toEqual([]);
    expect(result.geparkt).toBeNull();
    expect(result.abweisung).toBeNull();
    expect(result.mehrfacherfassung).toBeNull();
  });

  it('eine neue Suche mit den geänderten Grundpersonalien beginnt von vorn', () => {
    const { draft, env, state } = withHits();
    const decided = apply(env, [decide(NR.a, nichtIdentisch())], state);
    const now = edited(draft, (c) => (c.grundpersonalien.vorname = 'Oxana'));
    const envNow = envFor(now);
    const invalidated = apply(envNow, [{ type: 'draftEdited' }], decided);
    const fresh = accepted(step(invalidated, searched(now, trefferliste([NR.a, 'A'])), envNow));
    expect(fresh.verworfen).toBeNull();
    expect(fresh.kandidaten).toEqual([
      { azrNummer: NR.a, band: 'A', personalienGleich: false, entscheidung: null },
    ]);
    // Directly, without the edit event: the old decisions do not carry over either.
    const direct = accepted(step(decided, searched(now, trefferliste([NR.a, 'A'])), envNow));
    expect(direct.kandidaten[0]?.entscheidung).toBeNull();
  });
});

describe('Vorprüfung: Entscheidung „identisch“', () => {
  it('mit vollständiger Checkliste wird sie mit Zeitpunkt festgehalten, Vermerke getrimmt', () => {
    const { draft, state } = withHits();
    const env = envFor(draft, clock('2026-11-23T11:30:00.000Z'));
    const pruefung = {
      ...alleGeprueft,
      aktenfuehrendeBehoerdeBefragt: { ergebnis: 'nichtMoeglich', vermerk: '  nicht erreicht  ' },
    } as const;
    const result = accepted(step(state, decide(NR.a, identisch(pruefung)), env));
    expect(result.kandidaten[0]?.entscheidung).toEqual({
      art: 'identisch',
      pruefung: {
        lichtbildVerglichen: { ergebnis: 'ja' },
        dokumentGeprueft: { ergebnis: 'ja' },
        geburtsdatenUebereinstimmend: { ergebnis: 'ja' },
        aktenfuehrendeBehoerdeBefragt: { ergebnis: 'nichtMoeglich', vermerk: 'nicht erreicht' },
      },
      entschiedenAm: '2026-11-23T11:30:00.000Z',
    });
  });

  it.each(pruefpunkte)('ohne Antwort auf „%s“ wird sie abgelehnt', (punkt: Pruefpunkt) => {
    const { env, state } = withHits();
    const pruefung = { ...alleGeprueft };
    delete pruefung[punkt];
    const result = step(state, decide(NR.a, identisch(pruefung)), env);
    expect(result).toEqual({
      ok: false,
      error: { code: 'CHECKLIST_INCOMPLETE', pruefpunkte: [punkt] },
    });
  });

  it('„nicht möglich“ ohne Vermerk wird abgelehnt', () => {
    const { env, state } = withHits();
    const pruefung = {
      ...alleGeprueft,
      lichtbildVerglichen: { ergebnis: 'nichtMoeglich', vermerk: '   ' },
    } as const;
    expect(step(state, decide(NR.a, identisch(pruefung)), env)).toEqual({
      ok: false,
      error: { code: 'CHECKLIST_NOTE_MISSING', pruefpunkte: ['lichtbildVerglichen'] },
    });
  });

  it('ein zu langer Vermerk wird abgelehnt', () => {
    const { env, state } = withHits();
    const pruefung = {
      ...alleGeprueft,
      dokumentGeprueft: { ergebnis: 'nichtMoeglich', vermerk: 'x'.repeat(1001) },
    } as const;
    expect(refused(step(state, decide(NR.a, identisch(pruefung)), env))).toBe('TEXT_TOO_LONG');
  });

  it('wenn keine einzige Prüfung möglich war, ist die Identität nicht festgestellt', () => {
    const { env, state } = withHits();
    const nicht = { ergebnis: 'nichtMoeglich', vermerk: 'nicht möglich' } as const;
    const pruefung = Object.fromEntries(pruefpunkte.map((p) => [p, nicht]));
    expect(refused(step(state, decide(NR.a, identisch(pruefung)), env))).toBe(
      'IDENTITY_UNVERIFIED',
    );
  });

  it('nur eine Person kann identisch sein', () => {
    const { env, state } = withHits();
    const first = apply(env, [decide(NR.a, identisch())], state);
    expect(step(first, decide(NR.b, identisch()), env)).toEqual({
      ok: false,
      error: { code: 'SECOND_IDENTICAL', azrNummern: [NR.a] },
    });
  });

  it('nach Rücknahme der ersten kann eine andere Person identisch sein', () => {
    const { env, state } = withHits();
    const moved = apply(
      env,
      [
        decide(NR.a, identisch()),
        { type: 'withdrawDecision', azrNummer: NR.a },
        decide(NR.b, identisch()),
      ],
      state,
    );
    expect(moved.kandidaten.map((k) => k.entscheidung?.art ?? null)).toEqual([
      null,
      'identisch',
      null,
    ]);
  });

  it('identisch plus alle übrigen A/B entschieden: bereit für die Folgemeldung', () => {
    const { draft, env, state } = withHits();
    const result = apply(env, [decide(NR.a, identisch()), decide(NR.b, nichtIdentisch())], state);
    expect(precheckPhase(result, draft)).toEqual({
      phase: 'ready',
      ergebnis: { meldung: 'folgemeldung', azrNummer: NR.a, nichtIdentischMit: [NR.b] },
    });
  });

  it('identisch allein genügt nicht, solange ein anderer A/B-Kandidat offen ist', () => {
    const { draft, env, state } = withHits();
    const result = apply(env, [decide(NR.a, identisch())], state);
    expect(precheckPhase(result, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.b] });
  });
});

describe('Vorprüfung: Entscheidung „nicht identisch“', () => {
  it('wird mit Nachweisarten (ohne Dubletten), getrimmter Begründung und Zeitpunkt festgehalten', () => {
    const { draft, state } = withHits();
    const env = envFor(draft, clock('2026-11-23T12:00:00.000Z'));
    const eingabe = nichtIdentisch('  Anderes Geburtsjahr laut Pass (1961).  ', [
      'dokument',
      'geburtsdaten',
      'dokument',
    ]);
    const result = accepted(step(state, decide(NR.b, eingabe), env));
    expect(result.kandidaten[1]?.entscheidung).toEqual({
      art: 'nichtIdentisch',
      nachweisarten: ['dokument', 'geburtsdaten'],
      begruendung: 'Anderes Geburtsjahr laut Pass (1961).',
      entschiedenAm: '2026-11-23T12:00:00.000Z',
    });
  });

  it('ohne Nachweisart wird sie abgelehnt', () => {
    const { env, state } = withHits();
    const eingabe = nichtIdentisch('Anderes Geburtsjahr laut Pass.', []);
    expect(refused(step(state, decide(NR.a, eingabe), env))).toBe('EVIDENCE_MISSING');
  });

  it.each(['', '   ', 'zu kurz', '  123456789  '])(
    'ohne schriftliche Begründung (%j) wird sie abgelehnt',
    (begruendung) => {
      const { env, state } = withHits();
      expect(refused(step(state, decide(NR.a, nichtIdentisch(begruendung)), env))).toBe(
        'REASON_MISSING',
      );
    },
  );

  it('Begründungen von 10 bis 2000 Zeichen werden angenommen, längere abgelehnt', () => {
    const { env, state } = withHits();
    expect(step(state, decide(NR.a, nichtIdentisch('1234567890')), env).ok).toBe(true);
    expect(step(state, decide(NR.a, nichtIdentisch('x'.repeat(2000))), env).ok).toBe(true);
    expect(refused(step(state, decide(NR.a, nichtIdentisch('x'.repeat(2001))), env))).toBe(
      'TEXT_TOO_LONG',
    );
  });

  it('alle A/B nicht identisch: bereit für eine Erstmeldung mit Hinweisen zu diesen Personen', () => {
    const { draft, env, state } = withHits();
    const result = apply(
      env,
      [decide(NR.b, nichtIdentisch()), decide(NR.a, nichtIdentisch())],
      state,
    );
    expect(precheckPhase(result, draft)).toEqual({
      phase: 'ready',
      ergebnis: { meldung: 'erstmeldung', nichtIdentischMit: [NR.a, NR.b] },
    });
  });

  it('ein Band-C-Kandidat darf entschieden werden und bekommt dann auch einen Hinweis', () => {
    const { draft, env, state } = withHits();
    const result = apply(
      env,
      [
        decide(NR.a, nichtIdentisch()),
        decide(NR.b, nichtIdentisch()),
        decide(NR.c, nichtIdentisch()),
      ],
      state,
    );
    expect(precheckPhase(result, draft)).toEqual({
      phase: 'ready',
      ergebnis: { meldung: 'erstmeldung', nichtIdentischMit: [NR.a, NR.b, NR.c] },
    });
  });
});

describe('Vorprüfung: Entscheidungen ändern und zurücknehmen', () => {
  it('eine Entscheidung wird nicht stillschweigend überschrieben', () => {
    const { env, state } = withHits();
    const first = apply(env, [decide(NR.a, nichtIdentisch())], state);
    expect(step(first, decide(NR.a, identisch()), env)).toEqual({
      ok: false,
      error: { code: 'ALREADY_DECIDED', azrNummern: [NR.a] },
    });
  });

  it('eine Rücknahme öffnet den Kandidaten wieder', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [decide(NR.a, nichtIdentisch()), decide(NR.b, nichtIdentisch())],
      state,
    );
    const withdrawn = accepted(step(decided, { type: 'withdrawDecision', azrNummer: NR.b }, env));
    expect(withdrawn.kandidaten[1]?.entscheidung).toBeNull();
    expect(precheckPhase(withdrawn, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.b] });
  });

  it('ohne Entscheidung gibt es nichts zurückzunehmen', () => {
    const { env, state } = withHits();
    expect(refused(step(state, { type: 'withdrawDecision', azrNummer: NR.a }, env))).toBe(
      'NOT_DECIDED',
    );
  });

  it('Entscheidungen gibt es nur zu Kandidaten der Suche', () => {
    const { env, state } = withHits();
    expect(step(state, decide(NR.e, nichtIdentisch()), env)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CANDIDATE', azrNummern: [NR.e] },
    });
    expect(refused(step(state, { type: 'withdrawDecision', azrNummer: NR.e }, env))).toBe(
      'UNKNOWN_CANDIDATE',
    );
  });
});

describe('Vorprüfung: Parken (Identität unklar)', () => {
  it('Parken braucht einen Grund', () => {
    const { env, state } = withHits();
    expect(refused(step(state, { type: 'park', grund: '  ' }, env))).toBe('PARK_REASON_MISSING');
    expect(refused(step(state, { type: 'park', grund: 'x'.repeat(1001) }, env))).toBe(
      'TEXT_TOO_LONG',
    );
  });

  it('geparkt: Phase „parked“ mit Grund und Zeitpunkt; Entscheidungen warten', () => {
    const { draft, state } = withHits();
    const env = envFor(draft, clock('2026-11-23T13:00:00.000Z'));
    const parked = accepted(
      step(state, { type: 'park', grund: ' Rückfrage bei der aktenführenden Behörde ' }, env),
    );
    expect(precheckPhase(parked, draft)).toEqual({
      phase: 'parked',
      grund: 'Rückfrage bei der aktenführenden Behörde',
      seit: '2026-11-23T13:00:00.000Z',
    });
    expect(refused(step(parked, decide(NR.a, nichtIdentisch()), env))).toBe('PARKED');
    expect(refused(step(parked, { type: 'park', grund: 'noch einmal' }, env))).toBe(
      'ALREADY_PARKED',
    );
  });

  it('geparkt: eine Entscheidung kann nicht zurückgenommen werden', () => {
    const { env, state } = withHits();
    const parked = apply(
      env,
      [decide(NR.a, nichtIdentisch()), { type: 'park', grund: 'Rückfrage' }],
      state,
    );
    expect(refused(step(parked, { type: 'withdrawDecision', azrNummer: NR.a }, env))).toBe(
      'PARKED',
    );
  });

  it('auch eine entscheidungsreife Vorprüfung kann geparkt werden', () => {
    const draft = draftFor();
    const env = envFor(draft);
    const parked = apply(env, [searched(draft, keinTreffer()), { type: 'park', grund: 'Zweifel' }]);
    expect(precheckPhase(parked, draft)).toMatchObject({ phase: 'parked' });
  });

  it('Fortsetzen führt zurück in den Stand vor dem Parken', () => {
    const { draft, env, state } = withHits();
    const parked = apply(env, [{ type: 'park', grund: 'Rückfrage' }], state);
    const resumed = accepted(step(parked, { type: 'unpark' }, env));
    expect(resumed).toEqual(state);
    expect(precheckPhase(resumed, draft)).toEqual({
      phase: 'candidatesToDecide',
      offen: [NR.a, NR.b],
    });
  });

  it('eine erneute Suche mit denselben Grundpersonalien hebt das Parken nicht auf', () => {
    const { draft, env, state } = withHits();
    const parked = apply(env, [{ type: 'park', grund: 'Rückfrage' }], state);
    const again = accepted(step(parked, searched(draft, trefferliste([NR.a, 'A'])), env));
    expect(precheckPhase(again, draft)).toMatchObject({ phase: 'parked', grund: 'Rückfrage' });
  });

  it('nicht geparkt: Fortsetzen wird abgelehnt', () => {
    const { env, state } = withHits();
    expect(refused(step(state, { type: 'unpark' }, env))).toBe('NOT_PARKED');
  });
});

describe('Vorprüfung: Ablehnung der Erstmeldung mit personalienGleich (090099)', () => {
  it('genannte Personen werden Kandidaten, die entschieden werden müssen – auch ohne Suchtreffer', () => {
    const draft = draftFor();
    const env = envFor(draft, clock('2026-11-23T14:00:00.000Z'));
    const state = apply(env, [searched(draft, keinTreffer())]);
    const event = { type: 'erstmeldungRejected', fehlernachricht: rejection(NR.e) } as const;
    const reopened = accepted(step(state, event, env));
    expect(reopened.kandidaten).toEqual([
      { azrNummer: NR.e, band: null, personalienGleich: true, entscheidung: null },
    ]);
    expect(reopened.abweisung).toEqual({ azrNummern: [NR.e], am: '2026-11-23T14:00:00.000Z' });
    expect(precheckPhase(reopened, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.e] });
  });

  it('ein genannter Band-C-Kandidat muss nun entschieden werden', () => {
    const { draft, env, state } = withHits();
    const decided = apply(
      env,
      [decide(NR.a, nichtIdentisch()), decide(NR.b, nichtIdentisch())],
      state,
    );
    const reopened = apply(
      env,
      [{ type: 'erstmeldungRejected', fehlernachricht: rejection(NR.c) }],
      decided,
    );
    expect(reopened.kandidaten[2]).toMatchObject({
      azrNummer: NR.c,
      band: 'C',
      personalienGleich: true,
    });
    expect(precheckPhase(reopened, draft)).toEqual({ phase: 'candidatesToDecide', offen: [NR.c] });
  });

  it('schon getroffene Entscheidungen zu genannten Personen bleiben bestehen', () => {
    const { env, state } = withHits();
    const decided = apply(env, [decide(NR.a, nichtIdentisch())], state);
    const reopened = apply(
      env,
      [{ type: 'erstmeldungRejected', fehlernachricht: rejection(NR.a, NR.a) }],
      decided,
    );
    expect(reopened.kandidaten[0]).toMatchObject({
      personalienGleich: true,
      entscheidung: { art: 'nichtIdentisch' },
    });
    expect(reopened.abweisung?.azrNummern).toEqual([NR.a]);
  });

  it('eine Ablehnung ohne personalienGleich ändert nichts', () => {
    const { env, state } = withHits();
    const event = { type: 'erstmeldungRejected', fehlernachricht: rejection() } as const;
    expect(refused(step(state, event, env))).toBe('REJECTION_WITHOUT_CANDIDATES');
  });

  it('eine erneute Suche behält die genannten Personen, auch wenn sie nicht gefunden werden', () => {
    const { draft, env, state } = withHits();
    const reopened = apply(
      env,
      [
        { type: 'erstmeldungRejected', fehlernachricht: rejection(NR.e) },
        decide(NR.e, nichtIdentisch()),
      ],
      state,
    );
    const again = accepted(step(reopened, searched(draft, trefferliste([NR.a, 'A'])), env));
    expect(
      again.kandidaten.map((k) => [k.azrNummer, k.personalienGleich, k.entscheidung?.art ?? null]),
    ).toEqual([
      [NR.a, false, null],
      [NR.e, true, 'nichtIdentisch'],
    ]);
  });
});

describe('Vorprüfung: Verdacht auf Mehrfacherfassung (Datenpflege)', () => {
  const report = (
    azrNummern: string[],
    begruendung = 'Gleiches Lichtbild und gleiche Passnummer.',
  ): PrecheckEvent => ({
    type: 'reportDuplicate',
    azrNummern,
    begruendung,
  });

  it('mindestens zwei verschiedene Personen aus der Trefferliste', () => {
    const { env, state } = withHits();
    expect(refused(step(state, report([NR.a]), env))).toBe('DUPLICATE_TOO_FEW');
    expect(refused(step(state, report([NR.a, NR.a]), env))).toBe('DUPLICATE_TOO_FEW');
    expect(step(state, report([NR.a, NR.e]), env)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CANDIDATE', azrNummern: [NR.e] },
    });
  });

  it('braucht eine schriftliche Begründung', () => {
    const { env, state } = withHits();
    expect(refused(step(state, report([NR.a, NR.b], ' '), env))).toBe('REASON_MISSING');
  });

  it('wird festgehalten, auch während die Vorprüfung geparkt ist, und ersetzt einen früheren', () => {
    const { env, state } = withHits();
    const parked = apply(
      env,
      [report([NR.a, NR.c]), { type: 'park', grund: 'Dublette im Register?' }],
      state,
    );
    const replaced = accepted(step(parked, report([NR.a, NR.b, NR.b]), env));
    expect(replaced.mehrfacherfassung).toEqual({
      azrNummern: [NR.a, NR.b],
      begruendung: 'Gleiches Lichtbild und gleiche Passnummer.',
      festgestelltAm: expect.any(String) as string,
    });
  });

  it('widerspricht er den Entscheidungen, wird er abgelehnt', () => {
    const { env, state } = withHits();
    const decided = apply(env, [decide(NR.a, identisch()), decide(NR.b, nichtIdentisch())], state);
    expect(refused(step(decided, report([NR.a, NR.b]), env))).toBe('DUPLICATE_CONTRADICTION');
  });

  it('eine Entscheidung, die ihm widerspricht, wird abgelehnt', () => {
    const { env, state } = withHits();
    const reported = apply(env, [report([NR.a, NR.b]), decide(NR.a, identisch())], state);
    expect(refused(step(reported, decide(NR.b, nichtIdentisch()), env))).toBe(
      'DUPLICATE_CONTRADICTION',
    );
  });

  it('mit dem identischen Kandidaten in der Gruppe sind die übrigen Gruppenmitglieder erledigt', () => {
    const { draft, env, state } = withHits();
    const result = apply(env, [report([NR.a, NR.b]), decide(NR.a, identisch())], state);
    expect(precheckPhase(result, draft)).toEqual({
      phase: 'ready',
      ergebnis: { meldung: 'folgemeldung', azrNummer: NR.a, nichtIdentischMit: [] },
    });
  });

  it('ohne identischen Kandidaten müssen auch Gruppenmitglieder entschieden werden', () => {
    const { draft, env, state } = withHits();
    const result = apply(env, [report([NR.a, NR.b])], state);
    expect(precheckPhase(result, draft)).toEqual({
      phase: 'candidatesToDecide',
      offen: [NR.a, NR.b],
    });
  });

  it('kann zurückgenommen werden', () => {
    const { env, state } = withHits();
    const reported = apply(env, [report([NR.a, NR.b])], state);
    expect(
      accepted(step(reported, { type: 'withdrawDuplicate' }, env)).mehrfacherfassung,
    ).toBeNull();
    expect(refused(step(state, { type: 'withdrawDuplicate' }, env))).toBe('NO_DUPLICATE_REPORT');
  });
});

describe('Vorprüfung: Hilfen', () => {
  it('der Suchzeitpunkt kommt aus der übergebenen Uhr', () => {
    const draft = draftFor();
    const env = envFor(draft, () => new Date('2030-01-02T03:04:05.000Z'));
    const state = apply(env, [searched(draft, keinTreffer())]);
    expect(state.suche?.gesuchtAm).toBe('2030-01-02T03:04:05.000Z');
  });

  it('gesucht wird mit den Grundpersonalien, die auch gemeldet würden', () => {
    const draft = draftFor();
    expect((searched(draft, keinTreffer()) as { gesucht: unknown }).gesucht).toEqual(
      toGrundpersonalien(draft.content),
    );
  });
});
