import type { printDe } from './print.de';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the printouts. */
export const printEn: Widen<typeof printDe> = {
  print: {
    action: 'Print as PDF',
    actionProtocol: 'Print extract as PDF',
    working: 'Creating the printout …',
    saved: 'The printout was saved: {{location}}',
    cancelled: 'The printout was not saved.',
    loading: 'Preparing the printout …',
    gone: 'This printout is no longer available. Please create it again from the record or the protocol.',
    back: 'Back',
    printNow: 'Print',
    previewHint:
      'Print view: “Print” opens the print dialog, where you can create a PDF (A4). The data are not stored.',
    titleAuskunft: 'Information from the Central Register of Foreigners',
    titleProtokoll: 'Extract from the retrieval protocol',
    confidential: 'Confidential – personal data',
    headerLabel: 'About this retrieval',
    behoerde: 'Authority',
    sachbearbeiter: 'Caseworker',
    erstelltAm: 'Date/time',
    abrufzweck: 'Purpose',
    geschaeftszeichen: 'File reference',
    ohneAbrufzweck: 'no purpose (basic data only)',
    unbekannt: 'not known',
    keines: '–',
    filter: 'Selection',
    filterAlle: 'all entries',
    filterVon: 'from {{date}}',
    filterBis: 'to {{date}}',
    filterOperation: 'Operation: {{operation}}',
    filterGeschaeftszeichen: 'File reference: {{value}}',
    filterAzrNummer: 'AZR number: {{value}}',
    count: '{{count}} of {{total}} entries',
    intact: 'Checksum chain intact ({{count}} lines checked).',
    broken: 'Checksum chain broken at line {{line}}: {{reason}}',
    footer:
      'This printout contains personal data from the Central Register of Foreigners. Use only for the stated purpose, do not pass on, destroy securely after use.',
  },
};
