import type { ProtocolEntry } from '../../../../shared/bridge/register';
import type { Verification } from './chain';

// The protocol as CSV for the data-protection officer: semicolons and a UTF-8 byte order mark, which
// is what German Excel opens correctly by double-click; CRLF line ends; German headers.

const HEADERS = [
  'Lfd. Nr.',
  'Zeitpunkt (UTC)',
  'Benutzer',
  'Behörde',
  'Vorgang',
  'Abrufzweck',
  'Geschäftszeichen',
  'AZR-Nummern',
  'Ergebnis',
];

const OPERATION_LABELS: Record<ProtocolEntry['operation'], string> = {
  anfrage: 'Anfrage (090001)',
  lichtbild: 'Lichtbildanforderung (090005)',
  erstmeldung: 'Erstmeldung (090009)',
  folgemeldung: 'Folgemeldung (090010)',
  datenpflege: 'Datenpflege (090040)',
  mitteilungen: 'Mitteilungen (090030)',
  zulassung: 'Zulassung',
  vorpruefung: 'Vorprüfung (§ 5 AZRG-DV)',
};

/**
 * One field: quoted when it holds a separator, quote or line break; a leading =, +, -, @ or tab is
 * defused with an apostrophe so a spreadsheet never runs a Geschäftszeichen as a formula.
 */
export function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function protocolCsv(
  entries: readonly ProtocolEntry[],
  verification: Verification,
): Uint8Array {
  const rows = entries.map((entry) =>
    [
      String(entry.seq),
      entry.time,
      entry.user,
      entry.behoerde,
      OPERATION_LABELS[entry.operation],
      entry.abrufzweck ?? '',
      entry.geschaeftszeichen ?? '',
      entry.azrNummern.join(', '),
      entry.ergebnis,
    ]
      .map(csvField)
      .join(';'),
  );
  const check = verification.intact
    ? `Prüfung der Verkettung: unverändert (${verification.lines} Einträge)`
    : `Prüfung der Verkettung: VERÄNDERT ab Zeile ${verification.line}: ${verification.reason}`;
  // The check goes last as a one-field row, so the table above stays a plain table for filters.
  const text = [HEADERS.join(';'), ...rows, '', csvField(check)].join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\uFEFF${text}`);
}
