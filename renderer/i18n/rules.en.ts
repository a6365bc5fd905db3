import type { FremdeSchrift } from '../../shared/domain/din91379/check';
import type { Regel } from '../../shared/domain/rules';

const rules: Readonly<Record<Regel, string>> = {
  PFLICHT_GESCHAEFTSZEICHEN: 'Please enter the file reference of the case.',
  PFLICHT_GESCHAEFTSZEICHEN_ABRUF:
    'A purpose of retrieval needs the file reference of the case. Please enter it.',
  PFLICHT_FAMILIENNAME: 'Please enter the family name.',
  PFLICHT_FAMILIENNAME_SUCHE: 'Please enter the family name; a person search needs it.',
  PFLICHT_GEBURTSORT: 'Please enter the place of birth or tick “Place of birth unknown”.',
  PFLICHT_GEBURTSSTAAT: 'Please choose the state of birth; if it is unknown: “unclear” (998).',
  GEBURTSSTAAT_OHNE_ANGABE:
    'The state of birth cannot be “not stated” (999). If it is unknown, choose “unclear” (998).',
  STAAT_UNBEKANNT: 'The state code {{code}} is not in the valid list.',
  PFLICHT_DOKUMENTART: 'Please enter the type of document.',
  WEITERER_NAME_LEER: 'Please enter a name or remove the row.',
  DATUM_UNGUELTIG: 'Please enter a valid date.',
  ZU_LANG: 'At most {{max}} characters (now {{laenge}}). Please shorten the entry.',
  ZEICHEN_SCHRIFT:
    'The field contains {{schrift}} script (“{{zeichen}}”). Please transliterate the entry into Latin letters as it appears in the passport (machine-readable zone).',
  ZEICHEN_KOMBINATION:
    'The sequence “{{zeichen}}” ({{codepoints}}) is not permitted by DIN 91379. Please choose the letter from the character picker.',
  ZEICHEN_NAME:
    'The character “{{zeichen}}” ({{codepoints}}) is not permitted in names. Allowed are letters under DIN 91379, space, hyphen, apostrophe, comma and full stop.',
  ZEICHEN:
    'The character “{{zeichen}}” ({{codepoints}}) is not permitted by DIN 91379. Please remove or replace it.',
  GEBURTSDATUM_FEHLT:
    'Please enter the date of birth (DD.MM.YYYY). Unknown parts as 00, e.g. 00.07.2018; entirely unknown: 00.00.0000.',
  GEBURTSDATUM_FORMAT:
    'Please enter the date of birth as DD.MM.YYYY, unknown parts as 00 (e.g. 00.07.2018).',
  GEBURTSDATUM_ZUKUNFT: 'The date of birth lies in the future. Please check the entry.',
  TAG_OHNE_MONAT:
    'A day without a month is not possible. Please enter the month or leave the day unknown (00).',
  MONAT_OHNE_JAHR: 'A month without a year is not possible. Please enter the year.',
  JAHR_UNGUELTIG: 'The year must have four digits.',
  MONAT_UNGUELTIG: 'This month does not exist (01 to 12, or 00 for unknown).',
  TAG_UNGUELTIG: 'This day does not exist in this month.',
  STAATSANGEHOERIGKEITEN_ZU_VIELE: 'At most {{max}} nationalities can be reported.',
  STAATSANGEHOERIGKEITEN_ZU_VIELE_SUCHE: 'At most {{max}} nationalities.',
  STAATSANGEHOERIGKEIT_LEER: 'Please choose a nationality or remove the row.',
  STAATSANGEHOERIGKEIT_LEER_SUCHE: 'Please choose a nationality or remove the empty row.',
  STAATSANGEHOERIGKEIT_UNBEKANNT:
    'The code {{code}} is not in the valid list of nationalities. Please choose an entry from the list.',
  STAATSANGEHOERIGKEIT_DOPPELT: 'This nationality is already entered.',
  STAATSANGEHOERIGKEIT_DOPPELT_SUCHE: 'Please enter each nationality only once.',
  STAATSANGEHOERIGKEIT_ALLEIN:
    'Code {{code}} cannot be reported together with other nationalities. Please remove either {{code}} or the other entries.',
  DOKUMENTNUMMER_FEHLT: 'Please enter the document number.',
  DOKUMENTNUMMER_ZEICHEN:
    'The document number may contain only letters A–Z and digits, without hyphens or special characters.',
  DOKUMENTNUMMER_LAENGE:
    'The document number has 5 to 20 characters. Please check it against the document.',
  GESCHLECHT_UNBEKANNT: '“{{code}}” is not a sex code. Please choose an entry from the list.',
  AZR_NUMMER_FEHLT_FOLGEMELDUNG: 'A follow-up report needs the person’s AZR number (12 digits).',
  AZR_NUMMER_FEHLT: 'Please enter the AZR number (12 digits).',
  AZR_NUMMER_FORMAT: 'The AZR number has exactly 12 digits.',
  AZR_NUMMER_DATUM:
    'The first six digits of the AZR number are not a valid date (YYMMDD). Please check the number.',
  PASSNUMMER_FEHLT: 'Please enter the passport number.',
  PASSNUMMER_ZU_LANG: 'A passport number has at most {{max}} characters.',
  ABRUFZWECK_FEHLT: 'Please choose the purpose for which you need the data.',
  ABRUFZWECK_NICHT_ZUGELASSEN:
    'Your authority is not admitted for the purpose of retrieval {{abrufzweck}}.',
};

const schrift: Readonly<Record<FremdeSchrift, string>> = {
  kyrillisch: 'Cyrillic',
  arabisch: 'Arabic',
  griechisch: 'Greek',
  hebräisch: 'Hebrew',
  armenisch: 'Armenian',
  georgisch: 'Georgian',
  'chinesisch/japanisch/koreanisch': 'Chinese/Japanese/Korean',
  indisch: 'Indic',
  thailändisch: 'Thai',
  äthiopisch: 'Ethiopic',
  andere: 'non-Latin',
};

/** The input rules' messages in English (keys: shared/domain/rules.ts). */
export const rulesEn = { rules: { ...rules, schrift } };
