import type { Grundpersonalien } from '../register-api/common';
import type { AnfrageAntwort, Fehlernachricht } from '../register-api/messages';
import type { PrecheckError } from './errors';
import type { PrecheckDraft } from './grundpersonalien';
import { draftFingerprint, grundpersonalienFingerprint } from './grundpersonalien';
import type {
  Band,
  Entscheidung,
  IdentitaetsPruefung,
  Kandidat,
  Nachweisart,
  PrecheckState,
  Pruefpunkt,
} from './model';
import {
  BEGRUENDUNG_MAX_LENGTH,
  BEGRUENDUNG_MIN_LENGTH,
  emptyPrecheckState,
  groupContradicts,
  PARKGRUND_MAX_LENGTH,
  pruefpunkte,
  VERMERK_MAX_LENGTH,
} from './model';
import { identischerKandidat, searchError } from './phase';

/** A checklist item as the form delivers it; unanswered items are simply absent. */
export type PruefpunktEingabe =
  { readonly ergebnis: 'ja' } | { readonly ergebnis: 'nichtMoeglich'; readonly vermerk: string };

export type IdentitaetsPruefungEingabe = Partial<Readonly<Record<Pruefpunkt, PruefpunktEingabe>>>;

export type EntscheidungEingabe =
  | { readonly art: 'identisch'; readonly pruefung: IdentitaetsPruefungEingabe }
  | {
      readonly art: 'nichtIdentisch';
      readonly nachweisarten: readonly Nachweisart[];
      readonly begruendung: string;
    };

/**
 * What can happen to a pre-check. Facts from outside are in the past tense (a search completed,
 * the draft was edited, the register rejected an Erstmeldung); the caseworker's acts are verbs.
 */
export type PrecheckEvent =
  /** The register answered the search; `gesucht` is the criterion that was sent. */
  | {
      readonly type: 'searchCompleted';
      readonly gesucht: Grundpersonalien;
      readonly antwort: AnfrageAntwort;
    }
  /** The draft was saved; if its Grundpersonalien changed, the search is discarded. */
  | { readonly type: 'draftEdited' }
  | {
      readonly type: 'decide';
      readonly azrNummer: string;
      readonly entscheidung: EntscheidungEingabe;
    }
  | { readonly type: 'withdrawDecision'; readonly azrNummer: string }
  | { readonly type: 'park'; readonly grund: string }
  | { readonly type: 'unpark' }
  /** 090099 in answer to an Erstmeldung built from this pre-check. */
  | { readonly type: 'erstmeldungRejected'; readonly fehlernachricht: Fehlernachricht }
  | {
      readonly type: 'reportDuplicate';
      readonly azrNummern: readonly string[];
      readonly begruendung: string;
    }
  | { readonly type: 'withdrawDuplicate' };

export interface PrecheckEnv {
  /** The draft as it is now: every step is judged against its current Grundpersonalien. */
  readonly draft: PrecheckDraft;
  /** The clock for recorded times. */
  readonly now: () => Date;
}

export type PrecheckResult =
  | { readonly ok: true; readonly state: PrecheckState }
  | { readonly ok: false; readonly error: PrecheckError };

const ok = (state: PrecheckState): PrecheckResult => ({ ok: true, state });
const fail = (error: PrecheckError): PrecheckResult => ({ ok: false, error });

/**
 * The pre-check's transitions: pure, the clock and the current draft injected. Returns the new
 * state, or the rule the event breaks (the state is then unchanged).
 */
export function reducePrecheck(
  state: PrecheckState,
  event: PrecheckEvent,
  env: PrecheckEnv,
): PrecheckResult {
  const at = () => env.now().toISOString();
  switch (event.type) {
    case 'searchCompleted':
      return searchCompleted(state, event.gesucht, event.antwort, env.draft, at());
    case 'draftEdited':
      return draftEdited(state, env.draft, at());
    case 'decide':
      return decide(state, event.azrNummer, event.entscheidung, env.draft, at());
    case 'withdrawDecision':
      return withdrawDecision(state, event.azrNummer);
    case 'park':
      return park(state, event.grund, env.draft, at());
    case 'unpark':
      return state.geparkt ? ok({ ...state, geparkt: null }) : fail({ code: 'NOT_PARKED' });
    case 'erstmeldungRejected':
      return erstmeldungRejected(state, event.fehlernachricht, env.draft, at());
    case 'reportDuplicate':
      return reportDuplicate(state, event.azrNummern, event.begruendung, env.draft, at());
    case 'withdrawDuplicate':
      return state.mehrfacherfassung
        ? ok({ ...state, mehrfacherfassung: null })
        : fail({ code: 'NO_DUPLICATE_REPORT' });
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled pre-check event ${JSON.stringify(value)}`);
}

// ---- search ------------------------------------------------------------------------------------------

const BAND_RANK: Readonly<Record<Band, number>> = { A: 0, B: 1, C: 2 };

/** The hits of an answer, one per AZR-Nummer (a person found by two name forms keeps its best band). */
function hitsOf(antwort: AnfrageAntwort): Map<string, Band | null> {
  const hits = new Map<string, Band | null>();
  switch (antwort.nachrichtentyp) {
    case '090002':
      break;
    case '090003':
      for (const treffer of antwort.trefferPersonaliensuche) {
        const band = treffer.erklaerung.band;
        const known = hits.get(treffer.azrNummer);
        if (known === undefined || (known !== null && BAND_RANK[band] < BAND_RANK[known]))
          hits.set(treffer.azrNummer, band);
      }
      break;
    case '090004':
      // A single full record instead of a list: no band, so it must be decided like band A.
      hits.set(antwort.azrNummer, null);
      break;
    default:
      return assertNever(antwort);
  }
  return hits;
}

/**
 * § 5 Abs. 1 S. 1 AZRG-DV: the search must be run with the draft's current Grundpersonalien. A new
 * search for the same Grundpersonalien refreshes the list and keeps the decisions of candidates
 * that are still in it (and of numbers the register named as personalienGleich); a search for new
 * Grundpersonalien starts over.
 */
function searchCompleted(
  state: PrecheckState,
  gesucht: Grundpersonalien,
  antwort: AnfrageAntwort,
  draft: PrecheckDraft,
  at: string,
): PrecheckResult {
  if (draft.status !== 'bereit') return fail({ code: 'DRAFT_INCOMPLETE' });
  const fingerprint = draftFingerprint(draft);
  if (grundpersonalienFingerprint(gesucht) !== fingerprint)
    return fail({ code: 'SEARCH_NOT_CURRENT' });

  const base =
    state.suche?.grundpersonalienFingerprint === fingerprint ? state : emptyPrecheckState();
  const previous = new Map(base.kandidaten.map((k) => [k.azrNummer, k]));
  const hits = hitsOf(antwort);
  const kandidaten: Kandidat[] = [...hits].map(([azrNummer, band]) => ({
    azrNummer,
    band,
    personalienGleich: previous.get(azrNummer)?.personalienGleich ?? false,
    entscheidung: previous.get(azrNummer)?.entscheidung ?? null,
  }));
  // Numbers the register named are kept even when the search does not show them (e.g. große Sperre).
  for (const k of base.kandidaten)
    if (k.personalienGleich && !hits.has(k.azrNummer)) kandidaten.push({ ...k, band: null });

  const nummern = new Set(kandidaten.map((k) => k.azrNummer));
  const gruppe = base.mehrfacherfassung;
  return ok({
    ...base,
    suche: { grundpersonalienFingerprint: fingerprint, gesuchtAm: at },
    kandidaten,
    // A duplicate judged over a set of persons is void once one of them is no longer a candidate.
    mehrfacherfassung: gruppe && gruppe.azrNummern.every((n) => nummern.has(n)) ? gruppe : null,
    verworfen: null,
  });
}

/** Any change to the Grundpersonalien the register would see invalidates the search. */
function draftEdited(state: PrecheckState, draft: PrecheckDraft, at: string): PrecheckResult {
  if (state.suche === null || state.suche.grundpersonalienFingerprint === draftFingerprint(draft))
    return ok(state);
  return ok({ ...emptyPrecheckState(), verworfen: { grund: 'grundpersonalienGeaendert', am: at } });
}

// ---- decisions ---------------------------------------------------------------------------------------

function decide(
  state: PrecheckState,
  azrNummer: string,
  eingabe: EntscheidungEingabe,
  draft: PrecheckDraft,
  at: string,
): PrecheckResult {
  if (state.geparkt) return fail({ code: 'PARKED' });
  const suche = searchError(state, draft);
  if (suche) return fail(suche);
  const kandidat = state.kandidaten.find((k) => k.azrNummer === azrNummer);
  if (!kandidat) return fail({ code: 'UNKNOWN_CANDIDATE', azrNummern: [azrNummer] });
  if (kandidat.entscheidung) return fail({ code: 'ALREADY_DECIDED', azrNummern: [azrNummer] });

  if (eingabe.art === 'identisch') {
    const anderer = identischerKandidat(state);
    if (anderer) return fail({ code: 'SECOND_IDENTICAL', azrNummern: [anderer.azrNummer] });
  }
  const entscheidung = readEntscheidung(eingabe, at);
  if (!entscheidung.ok) return fail(entscheidung.error);

  const kandidaten = state.kandidaten.map((k) =>
    k.azrNummer === azrNummer ? { ...k, entscheidung: entscheidung.value } : k,
  );
  const gruppe = state.mehrfacherfassung;
  if (
    gruppe &&
    gruppe.azrNummern.includes(azrNummer) &&
    groupContradicts(kandidaten, gruppe.azrNummern)
  )
    return fail({ code: 'DUPLICATE_CONTRADICTION', azrNummern: gruppe.azrNummern });
  return ok({ ...state, kandidaten });
}

type Read<T> = { ok: true; value: T } | { ok: false; error: PrecheckError };

function readEntscheidung(eingabe: EntscheidungEingabe, at: string): Read<Entscheidung> {
  if (eingabe.art === 'identisch') {
    const pruefung = readPruefung(eingabe.pruefung);
    if (!pruefung.ok) return pruefung;
    return { ok: true, value: { art: 'identisch', pruefung: pruefung.value, entschiedenAm: at } };
  }
  const nachweisarten = [...new Set(eingabe.nachweisarten)];
  if (nachweisarten.length === 0) return { ok: false, error: { code: 'EVIDENCE_MISSING' } };
  const begruendung = readBegruendung(eingabe.begruendung);
  if (!begruendung.ok) return begruendung;
  return {
    ok: true,
    value: {
      art: 'nichtIdentisch',
      nachweisarten,
      begruendung: begruendung.value,
      entschiedenAm: at,
    },
  };
}

/**
 * § 5 Abs. 1 S. 3 AZRG-DV: doubts about the identity are resolved before attaching. Every item of
 * the checklist is answered; "not possible" carries a note; and at least one check was actually
 * done — "identisch" on no evidence at all is not a resolved doubt, it is a case to park.
 */
function readPruefung(eingabe: IdentitaetsPruefungEingabe): Read<IdentitaetsPruefung> {
  const unbeantwortet = pruefpunkte.filter((p) => eingabe[p] === undefined);
  if (unbeantwortet.length > 0)
    return { ok: false, error: { code: 'CHECKLIST_INCOMPLETE', pruefpunkte: unbeantwortet } };
  const ohneVermerk = pruefpunkte.filter((p) => {
    const antwort = eingabe[p];
    return antwort?.ergebnis === 'nichtMoeglich' && antwort.vermerk.trim() === '';
  });
  if (ohneVermerk.length > 0)
    return { ok: false, error: { code: 'CHECKLIST_NOTE_MISSING', pruefpunkte: ohneVermerk } };
  const zuLang = pruefpunkte.filter((p) => {
    const antwort = eingabe[p];
    return (
      antwort?.ergebnis === 'nichtMoeglich' && antwort.vermerk.trim().length > VERMERK_MAX_LENGTH
    );
  });
  if (zuLang.length > 0)
    return { ok: false, error: { code: 'TEXT_TOO_LONG', pruefpunkte: zuLang } };
  if (pruefpunkte.every((p) => eingabe[p]?.ergebnis !== 'ja'))
    return { ok: false, error: { code: 'IDENTITY_UNVERIFIED' } };

  const antwort = (p: Pruefpunkt) => {
    const a = eingabe[p];
    return a?.ergebnis === 'nichtMoeglich'
      ? { ergebnis: 'nichtMoeglich' as const, vermerk: a.vermerk.trim() }
      : { ergebnis: 'ja' as const };
  };
  return {
    ok: true,
    value: {
      lichtbildVerglichen: antwort('lichtbildVerglichen'),
      dokumentGeprueft: antwort('dokumentGeprueft'),
      geburtsdatenUebereinstimmend: antwort('geburtsdatenUebereinstimmend'),
      aktenfuehrendeBehoerdeBefragt: antwort('aktenfuehrendeBehoerdeBefragt'),
    },
  };
}

function readBegruendung(text: string): Read<string> {
  const begruendung = text.trim();
  if (begruendung.length < BEGRUENDUNG_MIN_LENGTH)
    return { ok: false, error: { code: 'REASON_MISSING' } };
  if (begruendung.length > BEGRUENDUNG_MAX_LENGTH)
    return { ok: false, error: { code: 'TEXT_TOO_LONG' } };
  return { ok: true, value: begruendung };
}

/** Withdrawing only removes; it needs no current search (a stale one is void anyway). */
function withdrawDecision(state: PrecheckState, azrNummer: string): PrecheckResult {
  if (state.geparkt) return fail({ code: 'PARKED' });
  const kandidat = state.kandidaten.find((k) => k.azrNummer === azrNummer);
  if (!kandidat) return fail({ code: 'UNKNOWN_CANDIDATE', azrNummern: [azrNummer] });
  if (!kandidat.entscheidung) return fail({ code: 'NOT_DECIDED', azrNummern: [azrNummer] });
  return ok({
    ...state,
    kandidaten: state.kandidaten.map((k) =>
      k.azrNummer === azrNummer ? { ...k, entscheidung: null } : k,
    ),
  });
}

// ---- parking -----------------------------------------------------------------------------------------

/** Identity still unclear after the search: nothing is sent, the case waits with a reason. */
function park(
  state: PrecheckState,
  grund: string,
  draft: PrecheckDraft,
  at: string,
): PrecheckResult {
  if (state.geparkt) return fail({ code: 'ALREADY_PARKED' });
  const suche = searchError(state, draft);
  if (suche) return fail(suche);
  const text = grund.trim();
  if (text === '') return fail({ code: 'PARK_REASON_MISSING' });
  if (text.length > PARKGRUND_MAX_LENGTH) return fail({ code: 'TEXT_TOO_LONG' });
  return ok({ ...state, geparkt: { grund: text, seit: at } });
}

// ---- the register's answers -------------------------------------------------------------------------

/**
 * The register enforces § 5 Abs. 1 S. 4 AZRG-DV: an Erstmeldung is rejected while persons with
 * equal Grundpersonalien have no nichtIdentischMit link, and the rejection names them. Each named
 * number becomes a candidate that must be decided — also when the search did not show it. Decisions
 * already recorded for a number stand (the rejected message was built before them).
 */
function erstmeldungRejected(
  state: PrecheckState,
  fehlernachricht: Fehlernachricht,
  draft: PrecheckDraft,
  at: string,
): PrecheckResult {
  const genannt = [...new Set(fehlernachricht.personalienGleich)];
  if (genannt.length === 0) return fail({ code: 'REJECTION_WITHOUT_CANDIDATES' });
  const suche = searchError(state, draft);
  if (suche) return fail(suche);
  const kandidaten: Kandidat[] = state.kandidaten.map((k) =>
    genannt.includes(k.azrNummer) ? { ...k, personalienGleich: true } : k,
  );
  for (const azrNummer of genannt)
    if (!kandidaten.some((k) => k.azrNummer === azrNummer))
      kandidaten.push({ azrNummer, band: null, personalienGleich: true, entscheidung: null });
  return ok({ ...state, kandidaten, abweisung: { azrNummern: genannt, am: at } });
}

// ---- suspected duplicates ----------------------------------------------------------------------------

/**
 * Two or more register candidates that the caseworker judges to be one and the same person: the
 * basis of a DatenpflegeAnfrage (090040). Allowed while parked — reporting a suspected duplicate is
 * one way to resolve an unclear case. A new report replaces the previous one.
 */
function reportDuplicate(
  state: PrecheckState,
  azrNummern: readonly string[],
  begruendungText: string,
  draft: PrecheckDraft,
  at: string,
): PrecheckResult {
  const suche = searchError(state, draft);
  if (suche) return fail(suche);
  const nummern = [...new Set(azrNummern)];
  if (nummern.length < 2) return fail({ code: 'DUPLICATE_TOO_FEW' });
  const unbekannt = nummern.filter((n) => !state.kandidaten.some((k) => k.azrNummer === n));
  if (unbekannt.length > 0) return fail({ code: 'UNKNOWN_CANDIDATE', azrNummern: unbekannt });
  const begruendung = readBegruendung(begruendungText);
  if (!begruendung.ok) return fail(begruendung.error);
  if (groupContradicts(state.kandidaten, nummern))
    return fail({ code: 'DUPLICATE_CONTRADICTION', azrNummern: nummern });
  return ok({
    ...state,
    mehrfacherfassung: { azrNummern: nummern, begruendung: begruendung.value, festgestelltAm: at },
  });
}
