/** German: the default locale and the source of truth for keys; `en.ts` must match it. */
export const de = {
  app: {
    name: 'azr-desk',
    tagline: 'Ausländerzentralregister',
    skipToContent: 'Zum Inhalt springen',
  },
  nav: {
    label: 'Bereiche',
  },
  areas: {
    search: {
      title: 'Suche im Register',
      nav: 'Suche',
      description:
        'Personen im Ausländerzentralregister nach Grundpersonalien, AZR-Nummer oder Passnummer suchen, mit Abrufzweck und Geschäftszeichen.',
    },
    drafts: {
      title: 'Entwürfe',
      nav: 'Entwürfe',
      description:
        'Begonnene Erst- und Folgemeldungen verschlüsselt parken, fortsetzen und vor dem Senden die Vorprüfung nach § 5 AZRG-DV durchlaufen.',
    },
    outbox: {
      title: 'Postausgang',
      nav: 'Postausgang',
      description:
        'Bestätigte Meldungen, die an das Register gesendet werden, mit ihrem Zustand: wartet, wird gesendet, bestätigt, abgelehnt oder Konflikt.',
    },
    notices: {
      title: 'Mitteilungen',
      nav: 'Mitteilungen',
      description:
        'Mitteilungen des Registers zu Datenänderungen, etwa zusammengeführte Datensätze, mit der empfohlenen Maßnahme.',
    },
    protocol: {
      title: 'Protokoll',
      nav: 'Protokoll',
      description:
        'Das eigene, manipulationsgeschützte Protokoll aller Registerabrufe: wer, wann, zu welchem Zweck und Geschäftszeichen.',
    },
    settings: {
      title: 'Einstellungen',
      nav: 'Einstellungen',
      description:
        'Sprache, Zertifikat und Einstellungen; von Ihrer Organisation verwaltete Werte sind gekennzeichnet.',
    },
  },
  unavailable: {
    title: 'Noch nicht verfügbar',
    body: 'Dieser Bereich ist in dieser Version noch nicht freigeschaltet. Es werden keine Daten angezeigt oder verarbeitet.',
  },
  language: {
    label: 'Sprache',
    de: 'Deutsch',
    en: 'English',
  },
  status: {
    label: 'Statusleiste',
    version: 'Version {{version}}',
    environment: {
      production: 'Produktion',
      development: 'Entwicklung',
      test: 'Test',
    },
    environmentLabel: 'Umgebung: {{environment}}',
    bridge: {
      checking: 'Verbindung zum Anwendungsdienst wird geprüft …',
      ok: 'Anwendungsdienst bereit',
      down: 'Anwendungsdienst nicht erreichbar',
    },
    versionUnknown: 'Version unbekannt',
  },
  bridgeError: {
    INVALID_REQUEST: 'Die Anfrage war unvollständig oder fehlerhaft und wurde nicht ausgeführt.',
    FORBIDDEN_SENDER: 'Die Anfrage stammt nicht aus azr-desk und wurde abgewiesen.',
    UNKNOWN_CHANNEL: 'Diese Funktion gibt es in dieser Version nicht.',
    INVALID_RESPONSE:
      'Der Anwendungsdienst hat eine unerwartete Antwort geliefert. Bitte wenden Sie sich an Ihre IT.',
    HANDLER_FAILED:
      'Im Anwendungsdienst ist ein Fehler aufgetreten. Ihre Eingaben bleiben erhalten; bitte versuchen Sie es erneut.',
    UNAVAILABLE:
      'Der Anwendungsdienst ist nicht erreichbar. Bitte starten Sie azr-desk neu; Ihre Entwürfe bleiben erhalten.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every locale must have: same keys as German, any text. */
export type Messages = Widen<typeof de>;
