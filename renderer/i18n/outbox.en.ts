import type { outboxDe } from './outbox.de';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the outbox; same keys as `outbox.de.ts`. */
export const outboxEn: Widen<typeof outboxDe> = {
  outbox: {
    loading: 'Loading the outbox …',
    locked: 'The outbox is locked or being unlocked. The reports remain stored.',
    keyError:
      'The key for drafts and outbox is not available. The reports remain stored encrypted; please restart azr-desk.',
    summaryLabel: 'State of the outbox',
    summary:
      '{{wartet}} waiting · {{sending}} being sent · {{bestaetigt}} confirmed · {{abgelehnt}} rejected · {{konflikt}} in conflict',
    empty: 'The outbox is empty. Reports confirmed in the pre-check appear here.',
    noMatch: 'No report in this state.',
    filter: 'Show state',
    all: 'All',
    sendNow: 'Send now',
    sendNowEntry: 'Send now: {{name}}',
    sendNowDone: 'Waiting reports are being sent now.',
    more: 'Show more',
    shown: '{{shown}} of {{total}} reports shown',
    listLabel: 'Reports in the outbox',
    actionFailed: 'That did not work. The reports remain stored; please try again.',
    unreadable:
      'An entry cannot be decrypted (changed or damaged). It will not be sent; please contact your IT.',
    column: {
      geschaeftszeichen: 'File reference',
      name: 'Person',
      art: 'Kind',
      status: 'State',
      versuche: 'Attempts',
      antwort: 'Answer of the register',
      aktionen: 'Actions',
    },
    art: {
      erstmeldung: 'First report',
      folgemeldung: 'Follow-up report',
      datenpflege: 'Data maintenance',
    },
    status: {
      wartet: 'waiting',
      'wird-gesendet': 'being sent',
      bestaetigt: 'confirmed',
      abgelehnt: 'rejected',
      konflikt: 'conflict',
    },
    attempts_one: '{{count}} attempt',
    attempts_other: '{{count}} attempts',
    nextAttempt: 'next attempt {{time}}',
    certificate: {
      CERTIFICATE_MISSING:
        'The reports are waiting: no authority certificate is set up on this workstation. Please contact your IT. As soon as a valid certificate is there, azr-desk sends them by itself; nothing is lost.',
      CERTIFICATE_REJECTED:
        'The reports are waiting: the register rejected the authority certificate (e.g. expired or revoked). Please contact your IT. As soon as a valid certificate is set up, azr-desk sends them by itself; nothing is lost.',
      SERVER_UNTRUSTED:
        'The reports are waiting: the other side did not prove to be the register, so nothing was sent. Please contact your IT; nothing is lost.',
    },
    lastError: {
      REGISTER_UNREACHABLE: 'register not reachable',
      MALFORMED_ANSWER: 'unusable answer',
      CERTIFICATE_MISSING: 'no certificate',
      CERTIFICATE_REJECTED: 'certificate rejected',
      SERVER_UNTRUSTED: 'server not trusted',
      INTERNER_FEHLER: 'error in the register',
      other: 'temporary error',
    },
    answer: {
      bestaetigt: 'AZR number {{azrNummer}}',
      zusammengefuehrt: 'AZR number {{azrNummer}} (instead of the merged {{alt}})',
      personalienGleich:
        'Persons with equal basic personal data: {{nummern}}. The pre-check is reopened with these persons.',
      vorgaenger:
        'Not sent: the previous report of this case was rejected (equal basic personal data).',
      fehler: {
        AZR_NUMMER_UNKNOWN: 'The AZR number is unknown to the register.',
        PURPOSE_NOT_ADMITTED: 'Your authority is not admitted for this.',
        INVALID_REQUEST: 'The report is incomplete and was not sent.',
        other: 'The report was rejected.',
      },
      konflikt: 'Conflict: {{text}}',
    },
    konflikt: {
      open: 'Resolve conflict: {{name}}',
      heading: 'Conflict: {{name}}',
      referenzVeraltet:
        'The record was changed in the register in the meantime. Read it again, check the difference and decide whether your report is brought up to date or discarded.',
      idempotenzKonflikt:
        'The register knows this report under its key with different content. Check in the register whether the person was already reported before sending again.',
      reread: 'Read record again',
      rereading: 'Reading the record …',
      rereadFailed:
        'The record could not be read. Your report stays in the outbox; please try again.',
      notAuskunft:
        'The register did not deliver a full record; bringing the report up to date is not possible.',
      diffCaption: 'Difference between the register and your report',
      feld: 'Field',
      register: 'In the register now',
      meldung: 'Your report',
      vergleich: 'Difference',
      geaendert: 'differs',
      gleich: 'same',
      noDifference: 'The data match; only the version (reference ID) is new.',
      rebase: 'Bring up to date and send',
      resend: 'Send again with a new key',
      abandon: 'Discard report',
      abandonTitle: 'Discard report?',
      abandonBody:
        'The report for {{name}} is removed from the outbox and not sent. The draft can then be edited again.',
      abandonConfirm: 'Discard',
      cancel: 'Cancel',
      rebased: 'The report was brought up to date and is being sent.',
      abandoned: 'The report was discarded; the draft can be edited again.',
      close: 'Close',
    },
    feld: {
      referenzId: 'Version (reference ID) basic personal data',
      referenzIdWeitere: 'Version (reference ID) further personal data',
      azrNummer: 'AZR number',
      familienname: 'Family name',
      geburtsname: 'Birth name',
      vorname: 'Given names',
      geburtsdatum: 'Date of birth',
      geburtsort: 'Place of birth',
      geschlecht: 'Sex',
      staatsangehoerigkeit: 'Nationality',
      doktorgrad: 'Doctoral degree',
      weitereNamen: 'Further names',
      ausweispapiere: 'Identity documents',
      leer: '–',
      unbekannt: 'unknown',
    },
  },
};
