import type { noticesDe } from './notices.de';

/** English texts of the change-notice inbox; the keys must match notices.de.ts. */
export const noticesEn: typeof noticesDe = {
  notices: {
    navUnread_one: '{{count}} unread notice',
    navUnread_other: '{{count}} unread notices',
    starting: 'Opening notices …',
    keyError:
      'The notices cannot be opened because the key for your local data is not available. Please restart azr-desk; if the error persists, contact your IT.',
    fetchNow: 'Fetch now',
    fetching: 'Fetching notices …',
    lastFetched: 'Last fetched: {{time}}',
    notYetFetched:
      'Not fetched yet. azr-desk fetches the notices as soon as the register is reachable.',
    nextAttempt: 'Next attempt at {{time}}.',
    failure: {
      unreachableTitle: 'The register is not reachable',
      unreachable:
        'Nothing is lost: the notices stay in the register until azr-desk has fetched them, and fetching is retried automatically.',
      registerTitle: 'Notices could not be fetched',
      register:
        'Nothing is lost: the notices stay in the register until azr-desk has fetched them. Fetching is retried automatically; if the error persists, contact your IT.',
      bridgeTitle: 'Application service not reachable',
      bridge:
        'azr-desk could not fetch the notices just now. Nothing is lost; fetching is retried automatically.',
      localTitle: 'Notices not fully processed yet',
      local:
        'The fetched notices are saved but could not all be processed yet. azr-desk retries automatically.',
    },
    listLabel: 'Notices from the register',
    empty: 'There are no notices from the register.',
    unreadable_one: '{{count}} saved notice cannot be read (changed on disk) and is not shown.',
    unreadable_other: '{{count}} saved notices cannot be read (changed on disk) and are not shown.',
    loadError: 'The notices could not be read. Please try again.',
    heading: '{{ausloeser}} of {{date}}',
    ausloeser: {
      ZUSAMMENFUEHRUNG: 'Records merged',
      AENDERUNG: 'Data changed',
    },
    status: { neu: 'Unread', erledigt: 'Done' },
    wegfallend: 'Obsolete AZR number',
    aktuell: 'Current AZR number',
    azrNummer: 'AZR number',
    nummernwechsel: '{{alt}} → {{neu}}',
    empfehlung: "Register's recommendation",
    keineEmpfehlung: 'The register gave no recommendation.',
    lokal: 'In azr-desk',
    inArbeit: 'Being processed …',
    entwuerfe_one: '{{count}} draft re-keyed to the current AZR number.',
    entwuerfe_other: '{{count}} drafts re-keyed to the current AZR number.',
    vorpruefungen_one: '{{count}} pre-check re-keyed to the current AZR number.',
    vorpruefungen_other: '{{count}} pre-checks re-keyed to the current AZR number.',
    nichtsBetroffen:
      'No drafts or pre-checks with the obsolete AZR number; nothing had to change locally.',
    keineLokaleAenderung: 'Nothing had to change locally.',
    betroffeneEntwuerfe: 'Re-keyed drafts',
    openDraft: 'Open draft: {{name}}',
    draftUnnamed: 'unnamed',
    draftGone: 'Draft no longer exists',
    markDone: 'Mark as done',
    markUnread: 'Mark as unread',
    markFailed: 'The status could not be saved. Please try again.',
  },
};
