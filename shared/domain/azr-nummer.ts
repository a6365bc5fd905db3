import { z } from 'zod';
import { daysInMonth } from './teilbekanntes-datum';

/**
 * AZR-Nummer (XInneres azrnummer/3): 12 digits, JJMMTT of the record's creation + 6 digits. No
 * check-digit rule is public; the XSD pattern alone still accepts 31.02., so the date is checked
 * against the calendar too, and the register has the last word ("unknown number").
 */
export type AzrNummerFehler = 'FORMAT' | 'DATUM';

export function checkAzrNummer(value: string): AzrNummerFehler | undefined {
  if (!/^\d{12}$/.test(value)) return 'FORMAT';
  const jahr = 2000 + Number(value.slice(0, 2));
  const monat = Number(value.slice(2, 4));
  const tag = Number(value.slice(4, 6));
  if (monat < 1 || monat > 12 || tag < 1 || tag > daysInMonth(jahr, monat)) return 'DATUM';
  return undefined;
}

/** Strips the spaces and separators caseworkers type when copying a number from a printout. */
export const normalizeAzrNummer = (input: string) => input.replace(/[\s./-]/g, '');

/** The caseworker's sentence for each check failure: one wording wherever a number is typed. */
export const azrNummerFehlertext: Record<AzrNummerFehler, string> = {
  FORMAT: 'Die AZR-Nummer hat genau 12 Ziffern.',
  DATUM:
    'Die ersten sechs Ziffern der AZR-Nummer sind kein gültiges Datum (JJMMTT). Bitte prüfen Sie die Nummer.',
};

export const azrNummerSchema = z.string().superRefine((value, context) => {
  const fehler = checkAzrNummer(value);
  if (fehler) context.addIssue({ code: 'custom', message: azrNummerFehlertext[fehler] });
});
