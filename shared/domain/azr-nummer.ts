import { z } from 'zod';
import type { Regel } from './rules';
import { deutscherRegeltext } from './rules';
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

/** The rule each check failure breaks: one wording wherever a number is typed. */
export const azrNummerRegel: Readonly<Record<AzrNummerFehler, Regel>> = {
  FORMAT: 'AZR_NUMMER_FORMAT',
  DATUM: 'AZR_NUMMER_DATUM',
};

export const azrNummerSchema = z.string().superRefine((value, context) => {
  const fehler = checkAzrNummer(value);
  if (fehler)
    context.addIssue({
      code: 'custom',
      message: deutscherRegeltext({ regel: azrNummerRegel[fehler] }),
    });
});
