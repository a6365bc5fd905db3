import type { FremdeSchrift } from './din91379/check';

/**
 * The register's input rules speak to the caseworker in whole sentences: what is wrong and what to
 * do. A violation is data — a code and its values — and its sentence depends on the language of
 * the UI. The German sentences live here (the default wherever a rule is checked); the renderer
 * builds the rules with its locale's sentences (renderer/i18n, `rules.*`).
 */
export const REGEL_TEXT = {
  PFLICHT_GESCHAEFTSZEICHEN: 'Bitte geben Sie das Geschäftszeichen des Vorgangs an.',
  PFLICHT_GESCHAEFTSZEICHEN_ABRUF:
    'Zu einem Abrufzweck gehört das Geschäftszeichen des Vorgangs. Bitte geben Sie es an.',
  PFLICHT_FAMILIENNAME: 'Bitte geben Sie den Familiennamen an.',
  PFLICHT_FAMILIENNAME_SUCHE:
    'Bitte geben Sie den Familiennamen an; er ist für eine Personensuche nötig.',
  PFLICHT_GEBURTSORT:
    'Bitte geben Sie den Geburtsort an oder kreuzen Sie „Geburtsort unbekannt“ an.',
  PFLICHT_GEBURTSSTAAT:
    'Bitte wählen Sie den Geburtsstaat aus; wenn er unbekannt ist: „ungeklärt“ (998).',
  GEBURTSSTAAT_OHNE_ANGABE:
    'Der Geburtsstaat darf nicht „ohne Angabe“ (999) sein. Wenn er unbekannt ist, wählen Sie „ungeklärt“ (998).',
  STAAT_UNBEKANNT: 'Den Staatsschlüssel {{code}} gibt es in der gültigen Liste nicht.',
  PFLICHT_DOKUMENTART: 'Bitte geben Sie die Art des Dokuments an.',
  WEITERER_NAME_LEER: 'Bitte geben Sie einen Namen an oder entfernen Sie die Zeile.',
  DATUM_UNGUELTIG: 'Bitte ein gültiges Datum angeben.',
  ZU_LANG: 'Höchstens {{max}} Zeichen (jetzt {{laenge}}). Bitte kürzen Sie den Eintrag.',
  ZEICHEN_SCHRIFT:
    'Das Feld enthält {{schrift}} Schrift („{{zeichen}}“). Bitte übertragen Sie den Eintrag in lateinische Buchstaben, so wie er im Pass steht (maschinenlesbare Zeile).',
  ZEICHEN_KOMBINATION:
    'Die Zeichenfolge „{{zeichen}}“ ({{codepoints}}) ist nach DIN 91379 nicht zulässig. Bitte wählen Sie den Buchstaben über die Zeichenauswahl.',
  ZEICHEN_NAME:
    'Das Zeichen „{{zeichen}}“ ({{codepoints}}) ist in Namen nicht zulässig. Erlaubt sind Buchstaben nach DIN 91379, Leerzeichen, Bindestrich, Apostroph, Komma und Punkt.',
  ZEICHEN:
    'Das Zeichen „{{zeichen}}“ ({{codepoints}}) ist nach DIN 91379 nicht zulässig. Bitte entfernen oder ersetzen Sie es.',
  GEBURTSDATUM_FEHLT:
    'Bitte geben Sie das Geburtsdatum an (TT.MM.JJJJ). Unbekannte Teile als 00, z. B. 00.07.2018; ganz unbekannt: 00.00.0000.',
  GEBURTSDATUM_FORMAT:
    'Bitte das Geburtsdatum als TT.MM.JJJJ eingeben, unbekannte Teile als 00 (z. B. 00.07.2018).',
  GEBURTSDATUM_ZUKUNFT: 'Das Geburtsdatum liegt in der Zukunft. Bitte prüfen Sie die Eingabe.',
  TAG_OHNE_MONAT:
    'Ein Tag ohne Monat ist nicht möglich. Bitte den Monat angeben oder den Tag als unbekannt (00) lassen.',
  MONAT_OHNE_JAHR: 'Ein Monat ohne Jahr ist nicht möglich. Bitte das Jahr angeben.',
  JAHR_UNGUELTIG: 'Das Jahr muss vierstellig sein.',
  MONAT_UNGUELTIG: 'Den Monat gibt es nicht (01 bis 12, oder 00 für unbekannt).',
  TAG_UNGUELTIG: 'Diesen Tag gibt es in diesem Monat nicht.',
  STAATSANGEHOERIGKEITEN_ZU_VIELE:
    'Höchstens {{max}} Staatsangehörigkeiten können gemeldet werden.',
  STAATSANGEHOERIGKEITEN_ZU_VIELE_SUCHE: 'Höchstens {{max}} Staatsangehörigkeiten.',
  STAATSANGEHOERIGKEIT_LEER:
    'Bitte wählen Sie eine Staatsangehörigkeit aus oder entfernen Sie die Zeile.',
  STAATSANGEHOERIGKEIT_LEER_SUCHE:
    'Bitte wählen Sie eine Staatsangehörigkeit aus oder entfernen Sie die leere Zeile.',
  STAATSANGEHOERIGKEIT_UNBEKANNT:
    'Den Schlüssel {{code}} gibt es in der gültigen Staatsangehörigkeitsliste nicht. Bitte wählen Sie einen Eintrag aus der Liste.',
  STAATSANGEHOERIGKEIT_DOPPELT: 'Diese Staatsangehörigkeit ist schon eingetragen.',
  STAATSANGEHOERIGKEIT_DOPPELT_SUCHE: 'Jede Staatsangehörigkeit bitte nur einmal angeben.',
  STAATSANGEHOERIGKEIT_ALLEIN:
    '„{{bezeichnung}}“ ({{code}}) kann nicht mit weiteren Staatsangehörigkeiten gemeldet werden. Bitte entfernen Sie entweder {{code}} oder die anderen Einträge.',
  DOKUMENTNUMMER_FEHLT: 'Bitte geben Sie die Dokumentennummer an.',
  DOKUMENTNUMMER_ZEICHEN:
    'Die Dokumentennummer darf nur Buchstaben A–Z und Ziffern enthalten, ohne Bindestriche oder Sonderzeichen.',
  DOKUMENTNUMMER_LAENGE:
    'Die Dokumentennummer hat 5 bis 20 Zeichen. Bitte prüfen Sie sie am Dokument.',
  GESCHLECHT_UNBEKANNT:
    '„{{code}}“ ist kein Geschlechtsschlüssel. Bitte wählen Sie einen Eintrag aus der Liste.',
  AZR_NUMMER_FEHLT_FOLGEMELDUNG:
    'Eine Folgemeldung braucht die AZR-Nummer der Person (12 Ziffern).',
  AZR_NUMMER_FEHLT: 'Bitte geben Sie die AZR-Nummer ein (12 Ziffern).',
  AZR_NUMMER_FORMAT: 'Die AZR-Nummer hat genau 12 Ziffern.',
  AZR_NUMMER_DATUM:
    'Die ersten sechs Ziffern der AZR-Nummer sind kein gültiges Datum (JJMMTT). Bitte prüfen Sie die Nummer.',
  PASSNUMMER_FEHLT: 'Bitte geben Sie die Passnummer ein.',
  PASSNUMMER_ZU_LANG: 'Eine Passnummer hat höchstens {{max}} Zeichen.',
  ABRUFZWECK_FEHLT: 'Bitte wählen Sie den Abrufzweck, für den Sie die Daten benötigen.',
  ABRUFZWECK_NICHT_ZUGELASSEN:
    'Ihre Behörde ist für den Abrufzweck {{abrufzweck}} nicht zugelassen.',
} as const;

export type Regel = keyof typeof REGEL_TEXT;

/** One broken rule: its code and the values its sentence names. */
export interface Regelverstoss {
  readonly regel: Regel;
  readonly werte?: Readonly<Record<string, string | number>>;
}

/** Turns a broken rule into the sentence the caseworker reads (in the UI's language). */
export type Regeltext = (verstoss: Regelverstoss) => string;

/** The foreign scripts as they stand in `ZEICHEN_SCHRIFT` („Das Feld enthält … Schrift“). */
export const SCHRIFT_TEXT: Readonly<Record<FremdeSchrift, string>> = {
  kyrillisch: 'kyrillische',
  arabisch: 'arabische',
  griechisch: 'griechische',
  hebräisch: 'hebräische',
  armenisch: 'armenische',
  georgisch: 'georgische',
  'chinesisch/japanisch/koreanisch': 'chinesische/japanische/koreanische',
  indisch: 'indische',
  thailändisch: 'thailändische',
  äthiopisch: 'äthiopische',
  andere: 'nicht lateinische',
};

/** `{{name}}` placeholders (as i18next writes them) filled from `werte`. */
export const fillPlaceholders = (
  template: string,
  werte: Readonly<Record<string, string | number>> = {},
): string => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(werte[name] ?? ''));

/** The German sentence of a broken rule. */
export const deutscherRegeltext: Regeltext = ({ regel, werte }) =>
  fillPlaceholders(
    REGEL_TEXT[regel],
    werte?.schrift !== undefined
      ? { ...werte, schrift: SCHRIFT_TEXT[werte.schrift as FremdeSchrift] ?? werte.schrift }
      : werte,
  );
