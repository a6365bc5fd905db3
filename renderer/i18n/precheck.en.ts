import type { PrecheckErrorCode } from '../../shared/precheck';
import {
  BEGRUENDUNG_MAX_LENGTH,
  BEGRUENDUNG_MIN_LENGTH,
  PARKGRUND_MAX_LENGTH,
  VERMERK_MAX_LENGTH,
} from '../../shared/precheck';

const errors: Readonly<Record<PrecheckErrorCode, string>> = {
  DRAFT_INCOMPLETE:
    'The draft is not complete yet. Please fill in the marked fields; then the register can be searched.',
  SEARCH_MISSING:
    'The register must be searched before any report. Please start the search with the draft’s core personal data.',
  SEARCH_OUTDATED:
    'The core personal data were changed after the search. Its result no longer applies; please search again.',
  SEARCH_NOT_CURRENT:
    'The search result belongs to other core personal data than the draft’s. Please search again with the current data.',
  UNKNOWN_CANDIDATE:
    'This AZR number is not among the persons found. Please choose a person from the list of results.',
  ALREADY_DECIDED:
    'A decision is already recorded for this person. To change it, withdraw the decision first.',
  NOT_DECIDED: 'There is no decision for this person that could be withdrawn.',
  SECOND_IDENTICAL:
    'Another person is already recorded as identical, and only one can be. Withdraw the other decision – or, if both records concern the same person, report a suspected duplicate.',
  CHECKLIST_INCOMPLETE:
    'Please answer every item of the identity check (photo, document, birth data, record-keeping authority) before recording “identical”.',
  CHECKLIST_NOTE_MISSING:
    'Where a check was not possible, please note briefly why (e.g. “no photo in the register”).',
  IDENTITY_UNVERIFIED:
    'None of the checks was possible, so identity cannot be established. Park the pre-check and clarify the case, e.g. with the record-keeping authority.',
  EVIDENCE_MISSING:
    'Please state how you recognised that it is a different person (e.g. photo, document, birth data).',
  REASON_MISSING: `Please give the reason for your finding in your own words (at least ${BEGRUENDUNG_MIN_LENGTH} characters).`,
  TEXT_TOO_LONG: `The text is too long. Please shorten it: reasons at most ${BEGRUENDUNG_MAX_LENGTH} characters, notes at most ${VERMERK_MAX_LENGTH}, the reason for parking at most ${PARKGRUND_MAX_LENGTH}.`,
  PARKED: 'The pre-check is parked. Resume it to change decisions or to create the report.',
  ALREADY_PARKED: 'The pre-check is already parked.',
  NOT_PARKED: 'The pre-check is not parked.',
  PARK_REASON_MISSING:
    'Please state why the pre-check is parked (e.g. “query to the record-keeping authority”).',
  DUPLICATE_TOO_FEW:
    'For a suspected duplicate, please choose at least two different persons from the list of results.',
  DUPLICATE_CONTRADICTION:
    'This contradicts your decisions: records that concern the same person cannot be partly identical and partly not identical with the person in the draft.',
  NO_DUPLICATE_REPORT: 'No suspected duplicate is recorded.',
  REJECTION_WITHOUT_CANDIDATES:
    'The register’s rejection names no persons with equal core personal data. Please read the register’s error message.',
  UNDECIDED:
    'At least one similar person still lacks your decision (identical or not identical). Only then can the report be created.',
  REFERENZ_MISSING:
    'The current state of the record is missing for the follow-up report. Please retrieve the person from the register again.',
  DRAFT_TARGET_DIFFERS:
    'The draft is a follow-up report to another AZR number than the pre-check’s result. Please check the AZR number in the draft or your decisions.',
};

/** English texts of the § 5 pre-check wizard (issue 7); merged into `en.ts`. */
export const precheckEn = {
  precheck: {
    errors,
    title: 'Pre-check under § 5 AZRG-DV',
    titleFor: 'Pre-check: {{name}}',
    description:
      'Before any report the register is searched. For every similar person you record whether it is the same person; only then is the report sent.',
    stepsLabel: 'Pre-check steps',
    stepOf: 'Step {{n}} of {{total}}',
    step: {
      suche: 'Search the register',
      entscheidung: 'Decide similar persons',
      pruefen: 'Review and hand over',
    },
    back: 'Back',
    next: 'Next',
    toDraft: 'To the draft',
    search: {
      intro:
        'The search uses exactly these core personal data from the draft. If you change the draft later, you must search again.',
      tableCaption: 'Core personal data for the search',
      run: 'Search the register',
      again: 'Search again',
      running: 'Searching …',
      none: 'No similar person found in the register.',
      found_one: '{{count}} similar person found.',
      found_other: '{{count}} similar persons found.',
      record: 'The register names exactly one record: AZR number {{azrNummer}}.',
    },
    table: {
      familienname: 'Family name',
      geburtsname: 'Birth name',
      vorname: 'Given names',
      geburtsdatum: 'Date of birth',
      geburtsort: 'Place of birth',
      geschlecht: 'Sex',
      staatsangehoerigkeit: 'Nationality',
      none: '–',
      unknownPlace: 'unknown',
      differs: 'differs',
    },
    band: {
      A: 'identity very likely',
      B: 'similar person – check required',
      C: 'weakly similar',
    },
    candidates: {
      none: 'The search found no similar person. You can review the report in the next step.',
      open_one: '{{count}} person still needs a decision.',
      open_other: '{{count}} persons still need a decision.',
      allDecided: 'Every person that needs a decision has one.',
    },
    candidate: {
      azrNummer: 'AZR number {{azrNummer}}',
      unnamed: 'Name not known',
      personalienGleich: 'reported as equal by the register',
      sperre: 'Transmission block',
      must: 'Decision required',
      may: 'Decision optional',
      compareCaption: 'Draft and register compared',
      draftColumn: 'Draft',
      registerColumn: 'Register',
      matchedForm: 'Found via: {{form}}',
      behoerde: 'Authority keeping the file: {{kennzeichen}}',
      why: 'Why similar',
      withheld: 'The register transmits no data about this person.',
      noDetails:
        'There are no data for this AZR number. Retrieve the record to compare it with the draft.',
      lookup: 'Retrieve record',
      lookingUp: 'Retrieving record …',
    },
    decision: {
      formLabel: 'Decision on {{name}} ({{azrNummer}})',
      question: 'Is {{name}} the same person as in the draft?',
      identisch: 'Yes, the same person (identical)',
      nichtIdentisch: 'No, a different person (not identical)',
      checklist: 'Identity check (§ 5(1) sentence 3 AZRG-DV)',
      done: 'checked and consistent',
      notPossible: 'not possible',
      vermerk: 'Why not possible?',
      evidence: 'What shows that it is a different person?',
      begruendung: 'Reason',
      begruendungHint:
        'At least {{min}}, at most {{max}} characters. It is sent to the register with the note on different persons.',
      save: 'Record decision',
      recorded: 'Recorded decision',
      recordedIdentisch: 'Recorded: the same person (identical)',
      recordedNichtIdentisch: 'Recorded: a different person (not identical)',
      recordedAt: 'on {{date}}',
      evidenceList: 'Evidence: {{list}}',
      reasonIs: 'Reason: {{text}}',
      withdraw: 'Withdraw decision',
      protocolFailed:
        'The decision could not be written to the protocol and is therefore not recorded. Please try again.',
    },
    pruefpunkt: {
      lichtbildVerglichen: 'Photo compared',
      dokumentGeprueft: 'Document checked',
      geburtsdatenUebereinstimmend: 'Birth data consistent',
      aktenfuehrendeBehoerdeBefragt: 'Authority keeping the file asked',
    },
    nachweis: {
      lichtbild: 'Photo',
      dokument: 'Identity document',
      geburtsdaten: 'Birth data',
      fingerabdruck: 'Fingerprint reference number',
      auskunftBehoerde: 'Information from the authority keeping the file',
      sonstiges: 'Other (see reason)',
    },
    park: {
      title: 'Park the case',
      grund: 'What is still unclear?',
      hint: 'While the case is parked, nothing is sent to the register.',
      park: 'Park case',
      parkedSince: 'Parked since {{date}}',
      unpark: 'Resume case',
    },
    duplicate: {
      title: 'Report suspected duplicate records (data maintenance)',
      begruendung: 'Why do these records concern the same person?',
      report: 'Record suspicion',
      recorded: 'Suspected duplicate records: {{list}}',
      send: 'Send to data maintenance',
      sent: 'Put in the outbox on {{date}}.',
      withdraw: 'Withdraw suspicion',
    },
    review: {
      intro:
        'This is how the report will be sent to the register. Please check everything before you put it in the outbox.',
      notReady: 'The report cannot be built yet:',
      readingRecord: 'Retrieving the current state of the record …',
      erstmeldungTitle: 'First report (new person)',
      folgemeldungTitle: 'Follow-up report for AZR number {{azrNummer}}',
      geschaeftszeichen: 'File reference',
      referenz: 'State of the record (reference ID)',
      grundpersonalien: 'Core personal data',
      weiterePersonalien: 'Further personal data',
      nichtIdentischMit: 'Notes on different persons',
      keinHinweis: 'None – there was no similar person who is a different one.',
      hinweisItem: 'Not identical with AZR number {{azrNummer}}: {{begruendung}}',
      confirm: 'I have checked the data; they are to be sent to the register like this.',
      submit: 'Put in the outbox',
      submitting: 'Handing over …',
      afterSubmit:
        'The report is sent as soon as the register is reachable. The draft can no longer be changed afterwards.',
      submitFailed:
        'The report could not be put in the outbox. Nothing was sent; please try again.',
      readOnly: 'The report has been handed over. See its state in the outbox.',
    },
    sent: {
      title: 'The report is in the outbox',
      body: 'It is sent as soon as the register is reachable.',
      link: 'To the outbox',
    },
    done: {
      title: 'Confirmed by the register',
      body: 'The report was confirmed on {{date}}. AZR number of the person: {{azrNummer}}.',
    },
    rejected: {
      title: 'The register rejected the first report',
      body: 'The register has persons with equal core personal data ({{list}}). Please decide for each whether it is the same person.',
    },
  },
};
