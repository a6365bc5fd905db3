/** German texts of the Postausgang (outbox, issue 7). */
export const outboxDe = {
  outbox: {
    loading: 'Postausgang wird geladen …',
    locked: 'Der Postausgang ist gesperrt oder wird entsperrt. Die Meldungen bleiben gespeichert.',
    keyError:
      'Der Schlüssel für Entwürfe und Postausgang ist nicht verfügbar. Die Meldungen bleiben verschlüsselt gespeichert; bitte starten Sie azr-desk neu.',
    summaryLabel: 'Zustand des Postausgangs',
    summary:
      '{{wartet}} warten · {{sending}} werden gesendet · {{bestaetigt}} bestätigt · {{abgelehnt}} abgelehnt · {{konflikt}} mit Konflikt',
    empty: 'Der Postausgang ist leer. Bestätigte Meldungen aus der Vorprüfung erscheinen hier.',
    noMatch: 'Keine Meldung in diesem Zustand.',
    filter: 'Zustand anzeigen',
    all: 'Alle',
    sendNow: 'Jetzt senden',
    sendNowEntry: 'Jetzt senden: {{name}}',
    sendNowDone: 'Wartende Meldungen werden jetzt gesendet.',
    more: 'Weitere anzeigen',
    shown: '{{shown}} von {{total}} Meldungen angezeigt',
    listLabel: 'Meldungen im Postausgang',
    actionFailed:
      'Das hat nicht geklappt. Die Meldungen bleiben gespeichert; bitte versuchen Sie es erneut.',
    unreadable:
      'Ein Eintrag lässt sich nicht entschlüsseln (verändert oder beschädigt). Er wird nicht gesendet; bitte wenden Sie sich an Ihre IT.',
    column: {
      geschaeftszeichen: 'Geschäftszeichen',
      name: 'Person',
      art: 'Art',
      status: 'Zustand',
      versuche: 'Versuche',
      antwort: 'Antwort des Registers',
      aktionen: 'Aktionen',
    },
    art: {
      erstmeldung: 'Erstmeldung',
      folgemeldung: 'Folgemeldung',
      datenpflege: 'Datenpflege',
    },
    status: {
      wartet: 'wartet',
      'wird-gesendet': 'wird gesendet',
      bestaetigt: 'bestätigt',
      abgelehnt: 'abgelehnt',
      konflikt: 'Konflikt',
    },
    attempts_one: '{{count}} Versuch',
    attempts_other: '{{count}} Versuche',
    nextAttempt: 'nächster Versuch {{time}}',
    certificate: {
      CERTIFICATE_MISSING:
        'Die Meldungen warten: Auf diesem Arbeitsplatz ist kein Behördenzertifikat eingerichtet. Bitte wenden Sie sich an Ihre IT. Sobald ein gültiges Zertifikat da ist, sendet azr-desk sie selbst; es geht nichts verloren.',
      CERTIFICATE_REJECTED:
        'Die Meldungen warten: Das Register hat das Behördenzertifikat abgelehnt (z. B. abgelaufen oder gesperrt). Bitte wenden Sie sich an Ihre IT. Sobald ein gültiges Zertifikat eingerichtet ist, sendet azr-desk sie selbst; es geht nichts verloren.',
      SERVER_UNTRUSTED:
        'Die Meldungen warten: Die Gegenstelle hat sich nicht als das Register ausgewiesen, daher wurde nichts gesendet. Bitte wenden Sie sich an Ihre IT; es geht nichts verloren.',
    },
    lastError: {
      REGISTER_UNREACHABLE: 'Register nicht erreichbar',
      MALFORMED_ANSWER: 'Antwort unbrauchbar',
      CERTIFICATE_MISSING: 'kein Zertifikat',
      CERTIFICATE_REJECTED: 'Zertifikat abgelehnt',
      SERVER_UNTRUSTED: 'Gegenstelle nicht vertrauenswürdig',
      INTERNER_FEHLER: 'Fehler im Register',
      other: 'vorübergehender Fehler',
    },
    answer: {
      bestaetigt: 'AZR-Nummer {{azrNummer}}',
      zusammengefuehrt: 'AZR-Nummer {{azrNummer}} (statt der zusammengeführten {{alt}})',
      personalienGleich:
        'Personen mit gleichen Grundpersonalien: {{nummern}}. Die Vorprüfung wird mit diesen Personen erneut geöffnet.',
      vorgaenger:
        'Nicht gesendet: die vorherige Meldung dieses Falls wurde abgelehnt (gleiche Grundpersonalien).',
      fehler: {
        AZR_NUMMER_UNKNOWN: 'Die AZR-Nummer ist im Register unbekannt.',
        PURPOSE_NOT_ADMITTED: 'Ihre Behörde ist dafür nicht zugelassen.',
        INVALID_REQUEST: 'Die Meldung ist unvollständig und wurde nicht gesendet.',
        other: 'Die Meldung wurde abgelehnt.',
      },
      konflikt: 'Konflikt: {{text}}',
    },
    konflikt: {
      open: 'Konflikt lösen: {{name}}',
      heading: 'Konflikt: {{name}}',
      referenzVeraltet:
        'Der Datensatz wurde im Register inzwischen geändert. Lesen Sie ihn neu, prüfen Sie den Unterschied und entscheiden Sie, ob Ihre Meldung auf den neuen Stand gesetzt oder verworfen wird.',
      idempotenzKonflikt:
        'Das Register kennt diese Meldung unter ihrem Schlüssel mit anderem Inhalt. Prüfen Sie im Register, ob die Person schon gemeldet ist, bevor Sie erneut senden.',
      reread: 'Datensatz neu lesen',
      rereading: 'Datensatz wird gelesen …',
      rereadFailed:
        'Der Datensatz konnte nicht gelesen werden. Ihre Meldung bleibt im Postausgang; bitte versuchen Sie es erneut.',
      notAuskunft:
        'Das Register hat keinen vollständigen Datensatz geliefert; ein Neuaufsetzen ist so nicht möglich.',
      diffCaption: 'Unterschied zwischen dem Register und Ihrer Meldung',
      feld: 'Feld',
      register: 'Im Register jetzt',
      meldung: 'Ihre Meldung',
      vergleich: 'Unterschied',
      geaendert: 'abweichend',
      gleich: 'gleich',
      noDifference: 'Die Daten stimmen überein; nur der Stand (Referenz-ID) ist neu.',
      rebase: 'Auf neuen Stand setzen und senden',
      resend: 'Mit neuem Schlüssel erneut senden',
      abandon: 'Meldung verwerfen',
      abandonTitle: 'Meldung verwerfen?',
      abandonBody:
        'Die Meldung für {{name}} wird aus dem Postausgang entfernt und nicht gesendet. Der Entwurf kann danach wieder bearbeitet werden.',
      abandonConfirm: 'Verwerfen',
      cancel: 'Abbrechen',
      rebased: 'Die Meldung wurde auf den neuen Stand gesetzt und wird gesendet.',
      abandoned: 'Die Meldung wurde verworfen; der Entwurf ist wieder bearbeitbar.',
      close: 'Schließen',
    },
    feld: {
      referenzId: 'Stand (Referenz-ID) Grundpersonalien',
      referenzIdWeitere: 'Stand (Referenz-ID) weitere Personalien',
      azrNummer: 'AZR-Nummer',
      familienname: 'Familienname',
      geburtsname: 'Geburtsname',
      vorname: 'Vornamen',
      geburtsdatum: 'Geburtsdatum',
      geburtsort: 'Geburtsort',
      geschlecht: 'Geschlecht',
      staatsangehoerigkeit: 'Staatsangehörigkeit',
      doktorgrad: 'Doktorgrad',
      weitereNamen: 'Weitere Namen',
      ausweispapiere: 'Ausweispapiere',
      leer: '–',
      unbekannt: 'unbekannt',
    },
  },
};
