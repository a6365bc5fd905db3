/** Texts of the change-notice inbox "Mitteilungen" (issue 7, item 4). */
export const noticesDe = {
  notices: {
    navUnread_one: '{{count}} ungelesene Mitteilung',
    navUnread_other: '{{count}} ungelesene Mitteilungen',
    starting: 'Mitteilungen werden geöffnet …',
    keyError:
      'Die Mitteilungen können nicht geöffnet werden, weil der Schlüssel für Ihre lokalen Daten nicht verfügbar ist. Bitte starten Sie azr-desk neu; bleibt der Fehler, wenden Sie sich an Ihre IT.',
    fetchNow: 'Jetzt abrufen',
    fetching: 'Mitteilungen werden abgerufen …',
    lastFetched: 'Zuletzt abgerufen: {{time}}',
    notYetFetched:
      'Noch nicht abgerufen. azr-desk ruft die Mitteilungen ab, sobald das Register erreichbar ist.',
    nextAttempt: 'Nächster Versuch um {{time}}.',
    failure: {
      unreachableTitle: 'Das Register ist nicht erreichbar',
      unreachable:
        'Es geht nichts verloren: Die Mitteilungen bleiben im Register, bis azr-desk sie abgerufen hat, und der Abruf wird automatisch wiederholt.',
      registerTitle: 'Mitteilungen konnten nicht abgerufen werden',
      register:
        'Es geht nichts verloren: Die Mitteilungen bleiben im Register, bis azr-desk sie abgerufen hat. Der Abruf wird automatisch wiederholt; bleibt der Fehler, wenden Sie sich an Ihre IT.',
      bridgeTitle: 'Anwendungsdienst nicht erreichbar',
      bridge:
        'azr-desk konnte die Mitteilungen gerade nicht abrufen. Es geht nichts verloren; der Abruf wird automatisch wiederholt.',
      localTitle: 'Mitteilungen noch nicht vollständig verarbeitet',
      local:
        'Die abgerufenen Mitteilungen sind gespeichert, konnten aber noch nicht alle verarbeitet werden. azr-desk versucht es automatisch erneut.',
    },
    listLabel: 'Mitteilungen des Registers',
    empty: 'Es liegen keine Mitteilungen des Registers vor.',
    unreadable_one:
      '{{count}} gespeicherte Mitteilung kann nicht gelesen werden (auf dem Datenträger verändert) und wird nicht angezeigt.',
    unreadable_other:
      '{{count}} gespeicherte Mitteilungen können nicht gelesen werden (auf dem Datenträger verändert) und werden nicht angezeigt.',
    loadError: 'Die Mitteilungen konnten nicht gelesen werden. Bitte versuchen Sie es erneut.',
    heading: '{{ausloeser}} vom {{date}}',
    ausloeser: {
      ZUSAMMENFUEHRUNG: 'Zusammenführung von Datensätzen',
      AENDERUNG: 'Änderung von Daten',
    },
    status: { neu: 'Ungelesen', erledigt: 'Erledigt' },
    wegfallend: 'Wegfallende AZR-Nummer',
    aktuell: 'Aktuelle AZR-Nummer',
    azrNummer: 'AZR-Nummer',
    nummernwechsel: '{{alt}} → {{neu}}',
    empfehlung: 'Empfehlung des Registers',
    keineEmpfehlung: 'Das Register hat keine Empfehlung angegeben.',
    lokal: 'In azr-desk',
    inArbeit: 'Wird verarbeitet …',
    entwuerfe_one: '{{count}} Entwurf auf die aktuelle AZR-Nummer umgeschlüsselt.',
    entwuerfe_other: '{{count}} Entwürfe auf die aktuelle AZR-Nummer umgeschlüsselt.',
    vorpruefungen_one: '{{count}} Vorprüfung auf die aktuelle AZR-Nummer umgeschlüsselt.',
    vorpruefungen_other: '{{count}} Vorprüfungen auf die aktuelle AZR-Nummer umgeschlüsselt.',
    nichtsBetroffen:
      'Keine Entwürfe oder Vorprüfungen mit der wegfallenden AZR-Nummer; lokal war nichts zu ändern.',
    keineLokaleAenderung: 'Lokal war nichts zu ändern.',
    betroffeneEntwuerfe: 'Umgeschlüsselte Entwürfe',
    openDraft: 'Entwurf öffnen: {{name}}',
    draftUnnamed: 'ohne Namen',
    draftGone: 'Entwurf nicht mehr vorhanden',
    markDone: 'Als erledigt markieren',
    markUnread: 'Als ungelesen markieren',
    markFailed: 'Der Status konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  },
};
