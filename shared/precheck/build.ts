import type { z } from 'zod';
import { normalizeAzrNummer } from '../domain/azr-nummer';
import type { Absender } from '../domain/draft/to-meldung';
import { toErstmeldung, toFolgemeldung } from '../domain/draft/to-meldung';
import type {
  datenpflegeAnfrage,
  Erstmeldung,
  Folgemeldung,
  nichtIdentischMit as nichtIdentischMitSchema,
} from '../register-api/messages';
import type { PrecheckError } from './errors';
import type { PrecheckDraft } from './grundpersonalien';
import type { PrecheckState } from './model';
import { nichtIdentischeKandidaten, offeneKandidaten, outcomeOf, searchError } from './phase';

export type DatenpflegeAnfrage = z.input<typeof datenpflegeAnfrage>;
export type NichtIdentischMitMeldung = z.input<typeof nichtIdentischMitSchema>;

export interface BuildMeldungContext {
  readonly absender: Absender;
  /**
   * For a Folgemeldung: the current Referenz-ID of the identical record's Grundpersonalien, read
   * from its Gesamtauskunft (a Folgemeldung names the version it changes; domain.md §5).
   */
  readonly grundpersonalienReferenz?: { readonly azrNummer: string; readonly referenzId: string };
}

export type BuildMeldungResult =
  | { readonly ok: true; readonly art: 'erstmeldung'; readonly meldung: Erstmeldung }
  | { readonly ok: true; readonly art: 'folgemeldung'; readonly meldung: Folgemeldung }
  /** Not ready: everything that is missing, each with its German text in PRECHECK_ERROR_TEXT. */
  | { readonly ok: false; readonly missing: readonly PrecheckError[] };

/**
 * The Meldung § 5 Abs. 1 AZRG-DV allows for this draft, built with the draft mapping of
 * shared/domain/draft: a Folgemeldung to the AZR-Nummer found identical (S. 2), or an Erstmeldung
 * with a Hinweis auf Personenverschiedenheit (`nichtIdentischMit`, Zuspeicherung) to every candidate
 * found to be a different person (S. 4) — band A/B ones as required, band C ones where decided.
 * A Folgemeldung carries the same links: the record it goes to is, by the caseworker's finding, a
 * different person from each of them.
 */
export function buildMeldung(
  state: PrecheckState,
  draft: PrecheckDraft,
  context: BuildMeldungContext,
): BuildMeldungResult {
  const missing: PrecheckError[] = [];
  if (draft.status !== 'bereit') missing.push({ code: 'DRAFT_INCOMPLETE' });
  const suche = searchError(state, draft);
  if (suche) return { ok: false, missing: [...missing, suche] };
  if (state.geparkt) missing.push({ code: 'PARKED' });
  const offen = offeneKandidaten(state);
  if (offen.length > 0) missing.push({ code: 'UNDECIDED', azrNummern: offen });
  if (missing.length > 0) return { ok: false, missing };

  // AZR.NichtIdentischMit.Meldung: in an Erstmeldung only 01 Zuspeicherung is allowed.
  const nichtIdentischMit = nichtIdentischeKandidaten(state).flatMap(
    (k): NichtIdentischMitMeldung[] =>
      k.entscheidung?.art === 'nichtIdentisch'
        ? [
            {
              aenderungsArt: '01',
              nichtIdentischMit: k.azrNummer,
              begruendung: k.entscheidung.begruendung,
            },
          ]
        : [],
  );
  const ergebnis = outcomeOf(state);
  const content = draft.content;
  const entwurfsNummer =
    content.kind === 'folgemeldung' ? normalizeAzrNummer(content.azrNummer) : undefined;

  if (ergebnis.meldung === 'erstmeldung') {
    if (entwurfsNummer !== undefined)
      return {
        ok: false,
        missing: [{ code: 'DRAFT_TARGET_DIFFERS', azrNummern: [entwurfsNummer] }],
      };
    return {
      ok: true,
      art: 'erstmeldung',
      meldung: { ...toErstmeldung(content, context.absender), nichtIdentischMit },
    };
  }

  const ziel = ergebnis.azrNummer;
  const fehlend: PrecheckError[] = [];
  if (entwurfsNummer !== undefined && entwurfsNummer !== ziel)
    fehlend.push({ code: 'DRAFT_TARGET_DIFFERS', azrNummern: [entwurfsNummer, ziel] });
  const referenz = context.grundpersonalienReferenz;
  if (referenz?.azrNummer !== ziel) fehlend.push({ code: 'REFERENZ_MISSING', azrNummern: [ziel] });
  if (fehlend.length > 0 || referenz === undefined) return { ok: false, missing: fehlend };
  const meldung = toFolgemeldung({ ...content, azrNummer: ziel }, context.absender, {
    grundpersonalien: referenz.referenzId,
  });
  return { ok: true, art: 'folgemeldung', meldung: { ...meldung, nichtIdentischMit } };
}

export type BuildDatenpflegeResult =
  | { readonly ok: true; readonly anfrage: DatenpflegeAnfrage }
  | { readonly ok: false; readonly missing: readonly PrecheckError[] };

/**
 * The DatenpflegeAnfrage (090040, Abrufzweck 21 Datenpflege) for the recorded suspected duplicate:
 * two or more register records the caseworker judges to be one person. Independent of the Meldung —
 * it may go out while the pre-check is parked.
 */
export function buildDatenpflegeAnfrage(
  state: PrecheckState,
  draft: PrecheckDraft,
  context: { readonly absender: Absender },
): BuildDatenpflegeResult {
  const missing: PrecheckError[] = [];
  if (draft.status !== 'bereit') missing.push({ code: 'DRAFT_INCOMPLETE' });
  const suche = searchError(state, draft);
  if (suche) missing.push(suche);
  const gruppe = state.mehrfacherfassung;
  if (!gruppe) missing.push({ code: 'NO_DUPLICATE_REPORT' });
  if (missing.length > 0 || !gruppe) return { ok: false, missing };
  return {
    ok: true,
    anfrage: {
      ...context.absender,
      abrufzweck: '21',
      geschaeftszeichen: draft.content.geschaeftszeichen.trim(),
      mehrfacherfassung: { azrNummer: [...gruppe.azrNummern] },
      begruendung: gruppe.begruendung,
    },
  };
}
