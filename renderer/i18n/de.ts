import { draftsDe } from './drafts.de';
import { searchDe } from './search.de';
import { printDe } from './print.de';
import { noticesDe } from './notices.de';
import { precheckDe } from './precheck.de';
import { outboxDe } from './outbox.de';
import { rulesDe } from './rules.de';
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
  settings: {
    loading: 'Einstellungen werden geladen …',
    loadFailed:
      'Die Einstellungen konnten nicht geladen werden. Bitte starten Sie azr-desk neu; bleibt der Fehler, wenden Sie sich an Ihre IT.',
    categories: {
      register: 'Register und Zertifikate',
      privacy: 'Datenschutz und Sperre',
      updates: 'Updates',
      diagnostics: 'Diagnose',
    },
    value: 'Wirksamer Wert',
    newValue: 'Neuer Wert für „{{label}}“',
    notSet: 'nicht eingerichtet',
    emptyList: 'keine Einschränkung',
    managed: 'Von Ihrer Organisation verwaltet',
    adminOnly: 'Diesen Wert kann nur Ihre Organisation festlegen.',
    source: 'Quelle: {{source}}',
    sources: {
      hklm: 'Gruppenrichtlinie des Computers',
      hkcu: 'Gruppenrichtlinie des Benutzers',
      machineFile: 'Richtliniendatei des Computers',
      user: 'Ihre Einstellung',
      default: 'Standardwert',
    },
    save: 'Speichern',
    reset: 'Auf Standardwert zurücksetzen',
    saved: 'Gespeichert.',
    outOfRange: 'Bitte eine ganze Zahl von {{min}} bis {{max}} eingeben.',
  },
  help: {
    menu: 'Hilfe',
    about: 'Über azr-desk',
    accessibility: 'Erklärung zur Barrierefreiheit',
    diagnostics: 'Diagnosedaten exportieren',
  },
  about: {
    title: 'Über azr-desk',
    purpose:
      'azr-desk ist der Arbeitsplatz der Ausländerbehörde für Anfragen an das Ausländerzentralregister und Meldungen dorthin.',
    version: 'Version',
    environment: 'Umgebung',
    licence: 'Lizenz',
    licenceText: 'Keine Lizenz zur Weitergabe erteilt (UNLICENSED).',
    accessibilityHint: 'Hinweise zur Barrierefreiheit und wie Sie Barrieren melden:',
    close: 'Schließen',
  },
  diagnostics: {
    title: 'Diagnosedaten exportieren',
    intro:
      'Erstellt ein ZIP-Archiv, das Sie Ihrer IT für die Fehlersuche geben können. Es enthält:',
    contents: {
      version: 'Version und Umgebung von azr-desk',
      policy: 'die wirksamen Einstellungen und ihre Quelle (ohne vertrauliche Werte)',
      certificate: 'den Zustand des Behördenzertifikats',
      connectivity: 'eine Verbindungsprüfung zur eingestellten Registeradresse',
      logs: 'die neuesten Protokollzeilen',
    },
    noPersonalData:
      'Personenbezogene Daten sind nicht enthalten: Namen, Geburtsdaten, AZR-Nummern und Zertifikatsinhaber werden entfernt.',
    export: 'Exportieren',
    running: 'Diagnosedaten werden zusammengestellt …',
    saved: 'Die Diagnosedaten wurden gespeichert:',
    cancelled: 'Der Export wurde abgebrochen; es wurde nichts gespeichert.',
  },
  accessibility: {
    title: 'Erklärung zur Barrierefreiheit',
    intro:
      'azr-desk soll barrierefrei nutzbar sein, wie es die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Norm EN 301 549 für öffentliche Stellen verlangen.',
    status: {
      title: 'Stand der Vereinbarkeit',
      body: 'azr-desk ist teilweise mit den Anforderungen vereinbar. Grundlage ist eine Selbstbewertung: automatische Prüfungen nach WCAG 2.1 Stufe AA bei jeder Änderung und Prüfungen mit Tastatur und Bildschirmleser.',
    },
    limitations: {
      title: 'Nicht barrierefreie Inhalte',
      body: 'Ausdrucke werden als getaggte PDF-Dateien (PDF/UA-orientiert) erzeugt; die Tagging-Funktion von Chromium ist noch experimentell, vollständige PDF/UA-Konformität ist nicht geprüft.',
    },
    feedback: {
      title: 'Barrieren melden',
      body: 'Wenn Ihnen Barrieren auffallen, wenden Sie sich bitte an die IT-Abteilung Ihrer Behörde. Sie leitet Ihre Meldung an die Verantwortlichen für azr-desk weiter; Sie erhalten innerhalb von sechs Wochen eine Antwort.',
    },
    enforcement: {
      title: 'Durchsetzungsverfahren',
      body: 'Erhalten Sie keine zufriedenstellende Antwort, können Sie sich an die Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG) oder die zuständige Durchsetzungsstelle Ihres Landes wenden.',
    },
    prepared: 'Diese Erklärung wird mit jeder neuen Version von azr-desk überprüft.',
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
    SETTING_LOCKED:
      'Diese Einstellung wird von Ihrer Organisation verwaltet und kann hier nicht geändert werden.',
    KEY_UNAVAILABLE:
      'Der Schlüssel für die Entwürfe ist nicht verfügbar. Ihre Entwürfe bleiben verschlüsselt gespeichert; bitte starten Sie azr-desk neu.',
  },
  ...draftsDe,
  ...searchDe,
  ...printDe,
  ...noticesDe,
  ...precheckDe,
  ...outboxDe,
  ...rulesDe,
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every locale must have: same keys as German, any text. */
export type Messages = Widen<typeof de>;
