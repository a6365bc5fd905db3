/**
 * The § 5 Abs. 1 AZRG-DV pre-check: the decision model between a draft and the Meldung that may be
 * sent — states, rules, the Meldung it allows, and what the protocol keeps of it.
 */
export type { PrecheckError, PrecheckErrorCode } from './errors';
export { PRECHECK_ERROR_TEXT, precheckErrorCodes } from './errors';
export type { PrecheckDraft } from './grundpersonalien';
export {
  draftFingerprint,
  grundpersonalienFingerprint,
  precheckSuchkriterium,
} from './grundpersonalien';
export type {
  Band,
  Entscheidung,
  Entscheidungsart,
  IdentitaetsPruefung,
  Kandidat,
  Mehrfacherfassung,
  Nachweisart,
  PrecheckState,
  Pruefpunkt,
  PruefpunktAntwort,
} from './model';
export {
  BEGRUENDUNG_MAX_LENGTH,
  BEGRUENDUNG_MIN_LENGTH,
  emptyPrecheckState,
  entscheidungsarten,
  migratePrecheckState,
  NACHWEISART_TEXT,
  nachweisarten,
  PARKGRUND_MAX_LENGTH,
  PRECHECK_SCHEMA_VERSION,
  PrecheckSchemaTooNewError,
  precheckStateSchema,
  PRUEFPUNKT_TEXT,
  pruefpunkte,
  VERMERK_MAX_LENGTH,
} from './model';
export type { PrecheckOutcome, PrecheckPhase } from './phase';
export { mustDecide, offeneKandidaten, precheckPhase } from './phase';
export type {
  EntscheidungEingabe,
  IdentitaetsPruefungEingabe,
  PrecheckEnv,
  PrecheckEvent,
  PrecheckResult,
  PruefpunktEingabe,
} from './reducer';
export { reducePrecheck } from './reducer';
export type {
  BuildDatenpflegeResult,
  BuildMeldungContext,
  BuildMeldungResult,
  DatenpflegeAnfrage,
  NichtIdentischMitMeldung,
} from './build';
export { buildDatenpflegeAnfrage, buildMeldung } from './build';
export type { DecidedKandidat, DecisionProtocolSummary } from './protocol';
export { summarizeForProtocol } from './protocol';
