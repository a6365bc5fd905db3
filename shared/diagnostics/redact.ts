// Redaction of personal data from diagnostic text (domain §6: "no personal data in diagnostics").
// Pure, so main redacts every line before it reaches the log file and the renderer can redact before
// it forwards. It errs on the side of masking: a masked technical date costs little, a leaked date of
// birth is a data breach.

export interface RedactionOptions {
  /**
   * AZR-Nummern: `full` masks all twelve digits; `partial` keeps the last three so IT can tell two
   * cases apart in one log without learning the number.
   */
  readonly azrNummer?: 'full' | 'partial';
}

export const REDACTED = '[entfernt]';

// Keys whose value is personal data, as they appear in key/value pairs, JSON and query strings
// (XAusländer names and their usual English spellings).
const personKeys = [
  'familienname',
  'nachname',
  'geburtsname',
  'vorname',
  'vornamen',
  'name',
  'namen',
  'fullname',
  'firstname',
  'lastname',
  'givenname',
  'givennames',
  'familyname',
  'surname',
  'geburtsort',
  'geburtsdatum',
  'tagdergeburt',
  'dateofbirth',
  'birthdate',
  'dob',
  'anschrift',
  'strasse',
  'straße',
  'wohnort',
  'passnummer',
  'dokumentnummer',
  'email',
  'telefon',
];

const keyAlternatives = personKeys.join('|');

// "key": "value" (JSON), key="value", key='value', key=value, key: value — the value runs to the next
// separator or the next `word=` / `word:` pair, so "vorname=Anna Maria nachname=…" masks both names.
const keyValue = new RegExp(
  `(["']?)\\b(${keyAlternatives})\\1(\\s*[:=]\\s*)` +
    `("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^,;&}\\]\\r\\n]+?(?=\\s+[\\w.-]+\\s*[:=]|[,;&}\\]\\r\\n]|$))`,
  'giu',
);

const monthNames =
  'jan(?:uar|uary)?|feb(?:ruar|ruary)?|mär(?:z)?|maerz|mar(?:ch)?|apr(?:il)?|mai|may|jun(?:i|e)?|jul(?:i|y)?|aug(?:ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?';

const datePatterns = [
  // 01.02.1990, 1.2.90, 01/02/1990, 01-02-1990, 00.00.1990 (teilbekanntes Datum)
  /(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.])/g,
  // 1990-02-01, 1990/02/01, 1990-00-00 — but not a timestamp with a time of day (log technique)
  /(?<![\d-])\d{4}[-/.]\d{2}[-/.]\d{2}(?![\dT])/g,
  // 19900201 next to a date-like key is caught by keyValue; a bare 8-digit run is too ambiguous.
  // 1. Februar 1990, 1 Feb 1990, February 1, 1990
  new RegExp(`\\b\\d{1,2}\\.?\\s+(?:${monthNames})\\.?\\s+\\d{2,4}\\b`, 'giu'),
  new RegExp(`\\b(?:${monthNames})\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b`, 'giu'),
];

// A distinguished name: one or more RDNs like CN=Erika Mustermann, O=Stadt Köln, C=DE.
const dnAttribute =
  /\b(CN|O|OU|L|ST|C|E|SN|GN|UID|DC|STREET|SERIALNUMBER|emailAddress|title|pseudonym)\s*=\s*(?:"(?:[^"\\]|\\.)*"|(?:\\.|[^,;+/\r\n"])+)/gi;

// Twelve digits, optionally grouped as printed (JJMMTT NNNNNN, with spaces, dots or dashes).
const azrNummer = /(?<!\d)(\d{2})[\s.-]?(\d{2})[\s.-]?(\d{2})[\s.-]?(\d{3})[\s.-]?(\d{3})(?!\d)/g;

const emailAddress = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Masks names in key/value pairs, dates (birth dates in any common format), AZR-Nummern and DNs. */
export function redact(text: string, options: RedactionOptions = {}): string {
  let result = text.replace(keyValue, (_match, quote: string, key: string, separator: string) => {
    return `${quote}${key}${quote}${separator}${REDACTED}`;
  });
  result = result.replace(dnAttribute, (_match, attribute: string) => `${attribute}=${REDACTED}`);
  result = result.replace(emailAddress, REDACTED);
  result = result.replace(azrNummer, (_match, ...groups: string[]) =>
    options.azrNummer === 'partial' ? `*********${groups[4] ?? ''}` : REDACTED,
  );
  for (const pattern of datePatterns) result = result.replace(pattern, REDACTED);
  return result;
}

/** Redacts every string inside a JSON-like value (objects, arrays), keys kept. */
export function redactValue(value: unknown, options: RedactionOptions = {}): unknown {
  if (typeof value === 'string') return redact(value, options);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, options));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) =>
        personKeys.includes(key.toLowerCase())
          ? [key, REDACTED]
          : [key, redactValue(item, options)],
      ),
    );
  }
  return value;
}
