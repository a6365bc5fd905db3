import { z } from 'zod';
import { deutscherRegeltext } from './rules';

/**
 * A partially known date (XInneres TeilbekanntesDatumMitUnbekannt): year, year+month or a full date,
 * or completely unknown (all parts absent). Unknown parts are never filled in — the register already
 * holds ~400,000 placeholder birthdays on 01.01. (domain.md §2).
 */
export interface TeilbekanntesDatum {
  readonly jahr?: number;
  readonly monat?: number;
  readonly tag?: number;
}

export type TeilbekanntesDatumFehler =
  'TAG_OHNE_MONAT' | 'MONAT_OHNE_JAHR' | 'JAHR_UNGUELTIG' | 'MONAT_UNGUELTIG' | 'TAG_UNGUELTIG';

const isLeapYear = (jahr: number) => (jahr % 4 === 0 && jahr % 100 !== 0) || jahr % 400 === 0;

export function daysInMonth(jahr: number, monat: number): number {
  if (monat === 2) return isLeapYear(jahr) ? 29 : 28;
  return [4, 6, 9, 11].includes(monat) ? 30 : 31;
}

/** Checks the shape (no day without month, no month without year) and the calendar. */
export function checkTeilbekanntesDatum(
  datum: TeilbekanntesDatum,
): TeilbekanntesDatumFehler | undefined {
  const { jahr, monat, tag } = datum;
  if (tag !== undefined && monat === undefined) return 'TAG_OHNE_MONAT';
  if (monat !== undefined && jahr === undefined) return 'MONAT_OHNE_JAHR';
  if (jahr !== undefined && (!Number.isInteger(jahr) || jahr < 1000 || jahr > 9999))
    return 'JAHR_UNGUELTIG';
  if (monat !== undefined && (!Number.isInteger(monat) || monat < 1 || monat > 12))
    return 'MONAT_UNGUELTIG';
  if (
    tag !== undefined &&
    (!Number.isInteger(tag) || tag < 1 || tag > daysInMonth(jahr ?? 2000, monat ?? 1))
  )
    return 'TAG_UNGUELTIG';
  return undefined;
}

export const isUnbekannt = (datum: TeilbekanntesDatum) => datum.jahr === undefined;

/** The form and print notation: unknown parts as zeros, e.g. `00.07.2018`, `00.00.1990`. */
export function formatTeilbekanntesDatum(datum: TeilbekanntesDatum): string {
  const pad = (value: number | undefined, width: number) => String(value ?? 0).padStart(width, '0');
  return `${pad(datum.tag, 2)}.${pad(datum.monat, 2)}.${pad(datum.jahr, 4)}`;
}

/** Reads `TT.MM.JJJJ` with zeros for unknown parts; undefined when it is not such a date. */
export function parseTeilbekanntesDatum(text: string): TeilbekanntesDatum | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [tag, monat, jahr] = match.slice(1).map(Number) as [number, number, number];
  const datum: TeilbekanntesDatum = {
    ...(jahr ? { jahr } : {}),
    ...(monat ? { monat } : {}),
    ...(tag ? { tag } : {}),
  };
  return checkTeilbekanntesDatum(datum) ? undefined : datum;
}

export const teilbekanntesDatumSchema = z
  .object({
    jahr: z.number().int().optional(),
    monat: z.number().int().optional(),
    tag: z.number().int().optional(),
  })
  .strict()
  .superRefine((datum, context) => {
    const fehler = checkTeilbekanntesDatum(datum);
    if (fehler)
      context.addIssue({
        code: 'custom',
        message: deutscherRegeltext({ regel: fehler }),
        params: { fehler },
      });
  });
