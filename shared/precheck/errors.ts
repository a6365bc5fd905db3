import type { Pruefpunkt } from './model';
import {
  BEGRUENDUNG_MAX_LENGTH,
  BEGRUENDUNG_MIN_LENGTH,
  PARKGRUND_MAX_LENGTH,
  VERMERK_MAX_LENGTH,
} from './model';

/**
 * The closed set of reasons why the pre-check refuses a step or cannot yet build a Meldung. The
 * same codes serve both: a refused event (`reducePrecheck`) and an item of a "not ready" answer
 * (`buildMeldung`). The caseworker sees the German sentence; the code goes to the protocol and log.
 */
export const precheckErrorCodes = [
  /** The draft does not pass its input rules yet (status `offen`). */
  'DRAFT_INCOMPLETE',
  /** No search has been run for the draft (§ 5 Abs. 1 S. 1 AZRG-DV). */
  'SEARCH_MISSING',
  /** The Grundpersonalien changed after the search: its result no longer applies. */
  'SEARCH_OUTDATED',
  /** A search result arrived for other Grundpersonalien than the draft's current ones. */
  'SEARCH_NOT_CURRENT',
  /** The AZR-Nummer is not among the candidates of the current search. */
  'UNKNOWN_CANDIDATE',
  /** The candidate already has a decision: withdraw it first. */
  'ALREADY_DECIDED',
  /** There is no decision to withdraw. */
  'NOT_DECIDED',
  /** Another candidate is already "identisch"; only one can be. */
  'SECOND_IDENTICAL',
  /** "identisch" without every checklist item answered. */
  'CHECKLIST_INCOMPLETE',
  /** A checklist item was "not possible" without a note why. */
  'CHECKLIST_NOTE_MISSING',
  /** "identisch" although not a single check could be done. */
  'IDENTITY_UNVERIFIED',
  /** "nicht identisch" without an evidence type. */
  'EVIDENCE_MISSING',
  /** "nicht identisch" or a suspected duplicate without a written reason. */
  'REASON_MISSING',
  /** A reason, note or parking reason is longer than the register or the store accepts. */
  'TEXT_TOO_LONG',
  /** The pre-check is parked: decisions and the Meldung wait until it is resumed. */
  'PARKED',
  'ALREADY_PARKED',
  'NOT_PARKED',
  'PARK_REASON_MISSING',
  /** A suspected duplicate needs at least two different register candidates. */
  'DUPLICATE_TOO_FEW',
  /** Candidates judged to be one person have contradicting decisions. */
  'DUPLICATE_CONTRADICTION',
  /** No suspected duplicate is recorded. */
  'NO_DUPLICATE_REPORT',
  /** A 090099 without `personalienGleich` numbers: nothing for the pre-check to reopen. */
  'REJECTION_WITHOUT_CANDIDATES',
  /** Candidates that must be decided are still undecided (§ 5 Abs. 1 S. 4 AZRG-DV). */
  'UNDECIDED',
  /** A Folgemeldung needs the current Referenz-ID of the record's Grundpersonalien. */
  'REFERENZ_MISSING',
  /** The draft is a Folgemeldung to another AZR-Nummer than the pre-check's result. */
  'DRAFT_TARGET_DIFFERS',
] as const;

export type PrecheckErrorCode = (typeof precheckErrorCodes)[number];

export interface PrecheckError {
  readonly code: PrecheckErrorCode;
  /** The AZR-Nummern concerned (the undecided ones, the other "identisch" one, …). */
  readonly azrNummern?: readonly string[];
  /** Checklist items concerned (unanswered, or "not possible" without a note). */
  readonly pruefpunkte?: readonly Pruefpunkt[];
}

/**
 * What the caseworker reads: what happened and what to do next. The German locale shows these
 * (renderer/i18n/precheck.de.ts); the English one has its own.
 */
export const PRECHECK_ERROR_TEXT: Readonly<Record<PrecheckErrorCode, string>> = {
  DRAFT_INCOMPLETE:
    'Der Entwurf ist noch nicht vollständig. Bitte ergänzen Sie die markierten Angaben; danach kann im Register gesucht werden.',
  SEARCH_MISSING:
    'Vor einer Meldung muss im Register gesucht werden. Bitte starten Sie die Suche mit den Grundpersonalien des Entwurfs.',
  SEARCH_OUTDATED:
    'Die Grundpersonalien wurden nach der Suche geändert. Das Suchergebnis gilt nicht mehr; bitte suchen Sie erneut.',
  SEARCH_NOT_CURRENT:
    'Das Suchergebnis gehört zu anderen Grundpersonalien als denen im Entwurf. Bitte suchen Sie mit den aktuellen Grundpersonalien erneut.',
  UNKNOWN_CANDIDATE:
    'Diese AZR-Nummer gehört nicht zu den Personen aus der Suche. Bitte wählen Sie eine Person aus der Trefferliste.',
  ALREADY_DECIDED:
    'Zu dieser Person ist schon eine Entscheidung gespeichert. Um sie zu ändern, nehmen Sie die Entscheidung zuerst zurück.',
  NOT_DECIDED: 'Zu dieser Person gibt es keine Entscheidung, die zurückgenommen werden könnte.',
  SECOND_IDENTICAL:
    'Eine andere Person ist schon als identisch festgehalten, und identisch kann nur eine sein. Nehmen Sie die andere Entscheidung zurück – oder melden Sie, wenn beide Datensätze dieselbe Person betreffen, einen Verdacht auf Mehrfacherfassung.',
  CHECKLIST_INCOMPLETE:
    'Bitte beantworten Sie alle Punkte der Identitätsprüfung (Lichtbild, Dokument, Geburtsdaten, aktenführende Behörde), bevor Sie „identisch“ festhalten.',
  CHECKLIST_NOTE_MISSING:
    'Wo eine Prüfung nicht möglich war, vermerken Sie bitte kurz, warum (z. B. „kein Lichtbild im Register“).',
  IDENTITY_UNVERIFIED:
    'Keine der Prüfungen war möglich, so lässt sich die Identität nicht feststellen. Parken Sie die Vorprüfung und klären Sie den Fall, z. B. mit der aktenführenden Behörde.',
  EVIDENCE_MISSING:
    'Bitte geben Sie an, woran Sie erkannt haben, dass es eine andere Person ist (z. B. Lichtbild, Dokument, Geburtsdaten).',
  REASON_MISSING: `Bitte begründen Sie Ihre Feststellung in eigenen Worten (mindestens ${BEGRUENDUNG_MIN_LENGTH} Zeichen).`,
  TEXT_TOO_LONG: `Der Text ist zu lang. Bitte kürzen Sie ihn: Begründungen höchstens ${BEGRUENDUNG_MAX_LENGTH} Zeichen, Vermerke höchstens ${VERMERK_MAX_LENGTH}, der Grund für das Parken höchstens ${PARKGRUND_MAX_LENGTH}.`,
  PARKED:
    'Die Vorprüfung ist geparkt. Setzen Sie sie fort, um Entscheidungen zu ändern oder die Meldung zu erstellen.',
  ALREADY_PARKED: 'Die Vorprüfung ist bereits geparkt.',
  NOT_PARKED: 'Die Vorprüfung ist nicht geparkt.',
  PARK_REASON_MISSING:
    'Bitte geben Sie an, warum die Vorprüfung geparkt wird (z. B. „Rückfrage bei der aktenführenden Behörde“).',
  DUPLICATE_TOO_FEW:
    'Für einen Verdacht auf Mehrfacherfassung wählen Sie bitte mindestens zwei verschiedene Personen aus der Trefferliste.',
  DUPLICATE_CONTRADICTION:
    'Das widerspricht Ihren Entscheidungen: Datensätze, die dieselbe Person betreffen, können nicht teils identisch und teils nicht identisch mit der Person im Entwurf sein.',
  NO_DUPLICATE_REPORT: 'Es ist kein Verdacht auf Mehrfacherfassung festgehalten.',
  REJECTION_WITHOUT_CANDIDATES:
    'Die Ablehnung des Registers nennt keine Personen mit gleichen Grundpersonalien. Bitte beachten Sie die Fehlermeldung des Registers.',
  UNDECIDED:
    'Zu mindestens einer ähnlichen Person fehlt noch Ihre Entscheidung (identisch oder nicht identisch). Erst danach kann die Meldung erstellt werden.',
  REFERENZ_MISSING:
    'Für die Folgemeldung fehlt der aktuelle Stand des Datensatzes. Bitte rufen Sie die Person im Register erneut ab.',
  DRAFT_TARGET_DIFFERS:
    'Der Entwurf ist als Folgemeldung zu einer anderen AZR-Nummer angelegt, als die Vorprüfung ergibt. Bitte prüfen Sie die AZR-Nummer im Entwurf oder Ihre Entscheidungen.',
};
