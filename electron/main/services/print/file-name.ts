import type { PrintDocument } from '../../../../shared/bridge/print';

/**
 * The suggested file name: kind, AZR-Nummer (Auskunft) and local date/time — no name of the person,
 * since file names end up in recent-file lists and backups.
 */
export function printFileName(document: PrintDocument, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `_${pad(now.getHours())}${pad(now.getMinutes())}`;
  return document.kind === 'auskunft'
    ? `Auskunft_${document.auskunft.azrNummer}_${stamp}.pdf`
    : `Abrufprotokoll_${stamp}.pdf`;
}
