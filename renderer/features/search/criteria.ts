import { z } from 'zod';
import type { AnfrageRequest } from '../../../shared/bridge/register';
import {
  azrNummerFehlertext,
  checkAzrNummer,
  normalizeAzrNummer,
} from '../../../shared/domain/azr-nummer';
import {
  din91379Text,
  geburtsdatumSchema,
  readGeburtsdatum,
} from '../../../shared/domain/draft/validation';
import type { RequestPurpose } from '../../data/register/purpose-store';

// The three ways to search (090001 anfrageAZR is a choice) with the register's input rules from
// shared/domain, so a search is checked exactly like a draft before anything leaves the machine.

export const searchModes = ['grundpersonalien', 'azrNummer', 'passnummer'] as const;
export type SearchMode = (typeof searchModes)[number];

export interface GrundpersonalienValues {
  familienname: string;
  vorname: string;
  geburtsdatum: string;
  geburtsort: string;
  geburtsland: string;
  geschlecht: string;
  staatsangehoerigkeiten: string[];
}

export interface AzrNummerValues {
  azrNummer: string;
}

export interface PassnummerValues {
  passnummer: string;
}

export const emptyGrundpersonalien = (): GrundpersonalienValues => ({
  familienname: '',
  vorname: '',
  geburtsdatum: '',
  geburtsort: '',
  geburtsland: '',
  geschlecht: '',
  staatsangehoerigkeiten: [],
});

/** The search form's rules: only the family name is required; everything else narrows. */
export const grundpersonalienSchema = (today: string) =>
  z.object({
    familienname: din91379Text('A', {
      max: 120,
      required: 'Bitte geben Sie den Familiennamen an; er ist für eine Personensuche nötig.',
    }),
    vorname: din91379Text('A', { max: 200 }),
    // Unlike a Meldung, a search may leave the birth date out entirely.
    geburtsdatum: z.string().superRefine((value, context) => {
      if (value.trim() === '') return;
      const result = geburtsdatumSchema(today).safeParse(value);
      for (const issue of result.error?.issues ?? [])
        context.addIssue({ code: 'custom', message: issue.message });
    }),
    geburtsort: din91379Text('B', { max: 120 }),
    geburtsland: z.string(),
    geschlecht: z.string(),
    staatsangehoerigkeiten: z
      .array(z.string())
      .max(4, 'Höchstens 4 Staatsangehörigkeiten.')
      .refine((codes) => codes.every((code) => code !== ''), {
        message:
          'Bitte wählen Sie eine Staatsangehörigkeit aus oder entfernen Sie die leere Zeile.',
      })
      .refine((codes) => new Set(codes).size === codes.length, {
        message: 'Jede Staatsangehörigkeit bitte nur einmal angeben.',
      }),
  });

export const azrNummerFormSchema = z.object({
  azrNummer: z.string().superRefine((value, context) => {
    const nummer = normalizeAzrNummer(value);
    if (nummer === '') {
      context.addIssue({
        code: 'custom',
        message: 'Bitte geben Sie die AZR-Nummer ein (12 Ziffern).',
      });
      return;
    }
    const fehler = checkAzrNummer(nummer);
    if (fehler) context.addIssue({ code: 'custom', message: azrNummerFehlertext[fehler] });
  }),
});

export const passnummerFormSchema = z.object({
  passnummer: z
    .string()
    .trim()
    .min(1, 'Bitte geben Sie die Passnummer ein.')
    .max(40, 'Eine Passnummer hat höchstens 40 Zeichen.'),
});

/** „Ungeklärt“: the search schema wants a state of birth whenever birth data are given. */
const GEBURTSSTAAT_UNGEKLAERT = '998';

type Kriterium = AnfrageRequest['anfrageAZR'];

export function grundpersonalienKriterium(values: GrundpersonalienValues): Kriterium {
  const datum =
    values.geburtsdatum.trim() === '' ? undefined : readGeburtsdatum(values.geburtsdatum);
  const ort = values.geburtsort.trim();
  const withBirth = datum !== undefined || ort !== '' || values.geburtsland !== '';
  return {
    grundpersonalien: {
      familienname: values.familienname.trim(),
      vorname: values.vorname.trim(),
      ...(values.geschlecht ? { geschlecht: values.geschlecht as 'm' | 'w' | 'x' | 'd' } : {}),
      staatsangehoerigkeit: values.staatsangehoerigkeiten,
      ...(withBirth
        ? {
            geburtsangaben: {
              geburtsort: ort ? { ort } : { unbekannt: true as const },
              geburtsortStaat: values.geburtsland || GEBURTSSTAAT_UNGEKLAERT,
              tagDerGeburt: datum ?? {},
            },
          }
        : {}),
    },
  };
}

export const azrNummerKriterium = (values: AzrNummerValues): Kriterium => ({
  azrNummer: normalizeAzrNummer(values.azrNummer),
});

export const passnummerKriterium = (values: PassnummerValues): Kriterium => ({
  passnummer: values.passnummer.trim(),
});

export const anfrageRequest = (purpose: RequestPurpose, anfrageAZR: Kriterium): AnfrageRequest => ({
  ...purpose,
  lieferungFruehererNamen: false,
  anfrageAZR,
});
