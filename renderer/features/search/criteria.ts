import { z } from 'zod';
import type { AnfrageRequest } from '../../../shared/bridge/register';
import { normalizeAzrNummer } from '../../../shared/domain/azr-nummer';
import {
  azrNummerEingabeSchema,
  din91379Text,
  geburtsdatumSchema,
  readGeburtsdatum,
} from '../../../shared/domain/draft/validation';
import type { Regeltext } from '../../../shared/domain/rules';
import { deutscherRegeltext } from '../../../shared/domain/rules';
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

/**
 * The search form's rules: only the family name is required; everything else narrows. Messages in
 * the UI's language (`regeltext`, German by default).
 */
export const grundpersonalienSchema = (today: string, regeltext: Regeltext = deutscherRegeltext) =>
  z.object({
    familienname: din91379Text(
      'A',
      { max: 120, required: { regel: 'PFLICHT_FAMILIENNAME_SUCHE' } },
      regeltext,
    ),
    vorname: din91379Text('A', { max: 200 }, regeltext),
    // Unlike a Meldung, a search may leave the birth date out entirely.
    geburtsdatum: z.string().superRefine((value, context) => {
      if (value.trim() === '') return;
      const result = geburtsdatumSchema(today, regeltext).safeParse(value);
      for (const issue of result.error?.issues ?? [])
        context.addIssue({ code: 'custom', message: issue.message });
    }),
    geburtsort: din91379Text('B', { max: 120 }, regeltext),
    geburtsland: z.string(),
    geschlecht: z.string(),
    staatsangehoerigkeiten: z
      .array(z.string())
      .max(4, regeltext({ regel: 'STAATSANGEHOERIGKEITEN_ZU_VIELE_SUCHE', werte: { max: 4 } }))
      .refine((codes) => codes.every((code) => code !== ''), {
        message: regeltext({ regel: 'STAATSANGEHOERIGKEIT_LEER_SUCHE' }),
      })
      .refine((codes) => new Set(codes).size === codes.length, {
        message: regeltext({ regel: 'STAATSANGEHOERIGKEIT_DOPPELT_SUCHE' }),
      }),
  });

export const azrNummerFormSchema = (regeltext: Regeltext = deutscherRegeltext) =>
  z.object({ azrNummer: azrNummerEingabeSchema('AZR_NUMMER_FEHLT', regeltext) });

export const passnummerFormSchema = (regeltext: Regeltext = deutscherRegeltext) =>
  z.object({
    passnummer: z
      .string()
      .trim()
      .min(1, regeltext({ regel: 'PASSNUMMER_FEHLT' }))
      .max(40, regeltext({ regel: 'PASSNUMMER_ZU_LANG', werte: { max: 40 } })),
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
