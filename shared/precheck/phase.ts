import type { PrecheckError } from './errors';
import type { PrecheckDraft } from './grundpersonalien';
import { draftFingerprint } from './grundpersonalien';
import type { Kandidat, PrecheckState } from './model';

/**
 * Where the pre-check of a draft stands, derived from the stored facts and the draft as it is now:
 *
 *   draftIncomplete → searchPending → candidatesToDecide → ready
 *                                   ↘ parked ↙ (unclear: nothing is sent)
 *
 * `ready` says which Meldung § 5 Abs. 1 AZRG-DV allows: a Folgemeldung to the one candidate found
 * identical (S. 2), or an Erstmeldung with a Hinweis auf Personenverschiedenheit to every candidate
 * found to be a different person (S. 4).
 */
export type PrecheckOutcome =
  | {
      readonly meldung: 'folgemeldung';
      readonly azrNummer: string;
      readonly nichtIdentischMit: readonly string[];
    }
  | { readonly meldung: 'erstmeldung'; readonly nichtIdentischMit: readonly string[] };

export type PrecheckPhase =
  | { readonly phase: 'draftIncomplete' }
  | {
      readonly phase: 'searchPending';
      readonly grund: 'nochNichtGesucht' | 'grundpersonalienGeaendert';
    }
  | { readonly phase: 'parked'; readonly grund: string; readonly seit: string }
  | { readonly phase: 'candidatesToDecide'; readonly offen: readonly string[] }
  | { readonly phase: 'ready'; readonly ergebnis: PrecheckOutcome };

/**
 * Must this candidate be decided? Band A and B hits must (§ 5 Abs. 1 S. 4: persons whose
 * Grundpersonalien match or only slightly deviate), and so must every number the register itself
 * named as personalienGleich. A number without a band (from a rejection or a Gesamtauskunft) is
 * treated like band A. Band C hits may be decided but need not be.
 */
export const mustDecide = (kandidat: Kandidat): boolean =>
  kandidat.personalienGleich || kandidat.band !== 'C';

export const identischerKandidat = (state: PrecheckState): Kandidat | undefined =>
  state.kandidaten.find((k) => k.entscheidung?.art === 'identisch');

/**
 * The candidates that still need a decision. A candidate the caseworker judged to be the same
 * register person as the identical one (a suspected duplicate) is settled by that judgement: it
 * can be neither a second "identisch" nor "nicht identisch" without contradiction.
 */
export function offeneKandidaten(state: PrecheckState): string[] {
  const identisch = identischerKandidat(state);
  const gruppe = state.mehrfacherfassung?.azrNummern ?? [];
  const durchGruppe = identisch !== undefined && gruppe.includes(identisch.azrNummer) ? gruppe : [];
  return state.kandidaten
    .filter((k) => mustDecide(k) && k.entscheidung === null && !durchGruppe.includes(k.azrNummer))
    .map((k) => k.azrNummer);
}

/** Every candidate decided "nicht identisch", in the order of the search. */
export const nichtIdentischeKandidaten = (state: PrecheckState): Kandidat[] =>
  state.kandidaten.filter((k) => k.entscheidung?.art === 'nichtIdentisch');

/** Whether the stored search still belongs to the draft's Grundpersonalien. */
export function searchError(state: PrecheckState, draft: PrecheckDraft): PrecheckError | undefined {
  if (state.suche === null) {
    return { code: state.verworfen ? 'SEARCH_OUTDATED' : 'SEARCH_MISSING' };
  }
  if (state.suche.grundpersonalienFingerprint !== draftFingerprint(draft))
    return { code: 'SEARCH_OUTDATED' };
  return undefined;
}

export function precheckPhase(state: PrecheckState, draft: PrecheckDraft): PrecheckPhase {
  if (draft.status !== 'bereit') return { phase: 'draftIncomplete' };
  const suche = searchError(state, draft);
  if (suche)
    return {
      phase: 'searchPending',
      grund: suche.code === 'SEARCH_OUTDATED' ? 'grundpersonalienGeaendert' : 'nochNichtGesucht',
    };
  if (state.geparkt) return { phase: 'parked', ...state.geparkt };
  const offen = offeneKandidaten(state);
  if (offen.length > 0) return { phase: 'candidatesToDecide', offen };
  return { phase: 'ready', ergebnis: outcomeOf(state) };
}

/** The outcome of a fully decided pre-check (callers check `offeneKandidaten` first). */
export function outcomeOf(state: PrecheckState): PrecheckOutcome {
  const nichtIdentischMit = nichtIdentischeKandidaten(state).map((k) => k.azrNummer);
  const identisch = identischerKandidat(state);
  return identisch
    ? { meldung: 'folgemeldung', azrNummer: identisch.azrNummer, nichtIdentischMit }
    : { meldung: 'erstmeldung', nichtIdentischMit };
}
