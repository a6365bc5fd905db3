import { z } from 'zod';
import { azrNummerFehlertext, checkAzrNummer, normalizeAzrNummer } from '../azr-nummer';
import type { CodeListRegistry } from '../codelists';
import { CODE_LIST_URIS } from '../codelists';
import type { Din91379Datentyp } from '../din91379/check';
import { checkDin91379, zeichenFehlerText } from '../din91379/check';
import type { TeilbekanntesDatum } from '../teilbekanntes-datum';
import { checkTeilbekanntesDatum, teilbekanntesDatumSchema } from '../teilbekanntes-datum';
import type { DraftContent } from './model';
import { draftContentSchema } from './model';

/**
 * The register's input rules for a draft, with German messages that say what is wrong and what to
 * do. Each rule is also a small zod schema of its own so the form can check one field at a time.
 */
export interface ValidationContext {
  /** Today (ISO date): birth dates may not lie in the future; code lists are chosen by date. */
  readonly today: string;
  readonly codeLists: CodeListRegistry;
}

/** Codes that say the nationality is not a state: they stand alone (§ 3 Nr. 4 AZRG data). */
export const STAATSANGEHOERIGKEIT_ALLEIN: Readonly<Record<string, string>> = {
  '997': 'staatenlos',
  '998': 'ungeklärt',
  '999': 'ohne Angabe',
};

const MAX_STAATSANGEHOERIGKEITEN = 4;

/** A text field checked against DIN 91379 for its data type, trimmed length included. */
export const din91379Text = (
  datentyp: Din91379Datentyp,
  options: { readonly max: number; readonly required?: string },
) =>
  z.string().superRefine((value, context) => {
    const text = value.trim();
    if (text === '') {
      if (options.required) context.addIssue({ code: 'custom', message: options.required });
      return;
    }
    if (text.length > options.max) {
      context.addIssue({
        code: 'custom',
        message: `Höchstens ${options.max} Zeichen (jetzt ${text.length}). Bitte kürzen Sie den Eintrag.`,
      });
      return;
    }
    const fehler = checkDin91379(text, datentyp);
    if (fehler) context.addIssue({ code: 'custom', message: zeichenFehlerText(fehler, datentyp) });
  });

/** `TT.MM.JJJJ` with 00 for unknown parts → the partial date; undefined if it is not that form. */
export function readGeburtsdatum(text: string): TeilbekanntesDatum | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [tag, monat, jahr] = match.slice(1).map(Number) as [number, number, number];
  return {
    ...(jahr ? { jahr } : {}),
    ...(monat ? { monat } : {}),
    ...(tag ? { tag } : {}),
  };
}

const toIsoIfComplete = (datum: TeilbekanntesDatum): string => {
  const pad = (n: number | undefined, w: number) => String(n ?? 0).padStart(w, '0');
  // Unknown parts compare as the earliest possible date, so only a surely future date is refused.
  return `${pad(datum.jahr, 4)}-${pad(datum.monat ?? 1, 2)}-${pad(datum.tag ?? 1, 2)}`;
};

export const geburtsdatumSchema = (today: string) =>
  z.string().superRefine((value, context) => {
    if (value.trim() === '') {
      context.addIssue({
        code: 'custom',
        message:
          'Bitte geben Sie das Geburtsdatum an (TT.MM.JJJJ). Unbekannte Teile als 00, z. B. 00.07.2018; ganz unbekannt: 00.00.0000.',
      });
      return;
    }
    const datum = readGeburtsdatum(value);
    if (!datum) {
      context.addIssue({
        code: 'custom',
        message:
          'Bitte das Geburtsdatum als TT.MM.JJJJ eingeben, unbekannte Teile als 00 (z. B. 00.07.2018).',
      });
      return;
    }
    const parsed = teilbekanntesDatumSchema.safeParse(datum);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        context.addIssue({ code: 'custom', message: issue.message });
      return;
    }
    if (datum.jahr !== undefined && toIsoIfComplete(datum) > today)
      context.addIssue({
        code: 'custom',
        message: 'Das Geburtsdatum liegt in der Zukunft. Bitte prüfen Sie die Eingabe.',
      });
  });

export const staatsangehoerigkeitenSchema = (context: ValidationContext) =>
  z.array(z.string()).superRefine((codes, ctx) => {
    if (codes.length > MAX_STAATSANGEHOERIGKEITEN)
      ctx.addIssue({
        code: 'custom',
        message: `Höchstens ${MAX_STAATSANGEHOERIGKEITEN} Staatsangehörigkeiten können gemeldet werden.`,
      });
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      if (code === '') {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: 'Bitte wählen Sie eine Staatsangehörigkeit aus oder entfernen Sie die Zeile.',
        });
      } else if (
        !context.codeLists.isValid(CODE_LIST_URIS.staatsangehoerigkeit, code, context.today)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `Den Schlüssel ${code} gibt es in der gültigen Staatsangehörigkeitsliste nicht. Bitte wählen Sie einen Eintrag aus der Liste.`,
        });
      } else if (seen.has(code)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: 'Diese Staatsangehörigkeit ist schon eingetragen.',
        });
      }
      seen.add(code);
    });
    const allein = codes.find((code) => code in STAATSANGEHOERIGKEIT_ALLEIN);
    if (allein !== undefined && codes.length > 1)
      ctx.addIssue({
        code: 'custom',
        message: `„${STAATSANGEHOERIGKEIT_ALLEIN[allein] ?? allein}“ (${allein}) kann nicht mit weiteren Staatsangehörigkeiten gemeldet werden. Bitte entfernen Sie entweder ${allein} oder die anderen Einträge.`,
      });
  });

/** Identity-document numbers as printed: letters A–Z and digits; spaces are removed. */
export const normalizeDokumentnummer = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export const dokumentnummerSchema = z.string().superRefine((value, context) => {
  const nummer = normalizeDokumentnummer(value);
  if (nummer === '') {
    context.addIssue({ code: 'custom', message: 'Bitte geben Sie die Dokumentennummer an.' });
  } else if (!/^[A-Z0-9]+$/.test(nummer)) {
    context.addIssue({
      code: 'custom',
      message:
        'Die Dokumentennummer darf nur Buchstaben A–Z und Ziffern enthalten, ohne Bindestriche oder Sonderzeichen.',
    });
  } else if (nummer.length < 5 || nummer.length > 20) {
    context.addIssue({
      code: 'custom',
      message: 'Die Dokumentennummer hat 5 bis 20 Zeichen. Bitte prüfen Sie sie am Dokument.',
    });
  }
});

const codeSchema = (
  context: ValidationContext,
  uri: string,
  message: (code: string) => string,
  options: {
    readonly required?: string;
    readonly forbidden?: Readonly<Record<string, string>>;
  } = {},
) =>
  z.string().superRefine((code, ctx) => {
    if (code === '') {
      if (options.required) ctx.addIssue({ code: 'custom', message: options.required });
      return;
    }
    const forbidden = options.forbidden?.[code];
    if (forbidden) ctx.addIssue({ code: 'custom', message: forbidden });
    else if (!context.codeLists.isValid(uri, code, context.today))
      ctx.addIssue({ code: 'custom', message: message(code) });
  });

export const geschlechtSchema = (context: ValidationContext) =>
  codeSchema(
    context,
    CODE_LIST_URIS.geschlecht,
    (code) =>
      `„${code}“ ist kein Geschlechtsschlüssel. Bitte wählen Sie einen Eintrag aus der Liste.`,
  );

export const azrNummerEingabeSchema = z.string().superRefine((value, context) => {
  const nummer = normalizeAzrNummer(value);
  if (nummer === '') {
    context.addIssue({
      code: 'custom',
      message: 'Eine Folgemeldung braucht die AZR-Nummer der Person (12 Ziffern).',
    });
    return;
  }
  const fehler = checkAzrNummer(nummer);
  if (fehler) context.addIssue({ code: 'custom', message: azrNummerFehlertext[fehler] });
});

/** The complete rule set of a draft as one zod schema; issues carry the form's field paths. */
export function draftValidationSchema(context: ValidationContext) {
  const name = (required?: string) =>
    din91379Text('A', { max: 120, ...(required ? { required } : {}) });
  const staatsangehoerigkeit = codeSchema(
    context,
    CODE_LIST_URIS.staatsangehoerigkeit,
    (code) => `Den Staatsschlüssel ${code} gibt es in der gültigen Liste nicht.`,
    {
      required: 'Bitte wählen Sie den Geburtsstaat aus; wenn er unbekannt ist: „ungeklärt“ (998).',
      forbidden: {
        '999':
          'Der Geburtsstaat darf nicht „ohne Angabe“ (999) sein. Wenn er unbekannt ist, wählen Sie „ungeklärt“ (998).',
      },
    },
  );
  return draftContentSchema
    .extend({
      geschaeftszeichen: din91379Text('B', {
        max: 80,
        required: 'Bitte geben Sie das Geschäftszeichen des Vorgangs an.',
      }),
      grundpersonalien: z
        .object({
          familienname: name('Bitte geben Sie den Familiennamen an.'),
          geburtsname: name(),
          vorname: din91379Text('A', { max: 200 }),
          doktorgrad: din91379Text('B', { max: 40 }),
          geschlecht: geschlechtSchema(context),
          geburtsdatum: geburtsdatumSchema(context.today),
          geburtsort: z.string(),
          geburtsortUnbekannt: z.boolean(),
          geburtsland: staatsangehoerigkeit,
          staatsangehoerigkeit: staatsangehoerigkeitenSchema(context),
        })
        .superRefine((g, ctx) => {
          if (g.geburtsortUnbekannt) return;
          const result = din91379Text('B', {
            max: 120,
            required:
              'Bitte geben Sie den Geburtsort an oder kreuzen Sie „Geburtsort unbekannt“ an.',
          }).safeParse(g.geburtsort);
          for (const issue of result.error?.issues ?? [])
            ctx.addIssue({ code: 'custom', path: ['geburtsort'], message: issue.message });
        }),
      weiterePersonalien: z.object({
        weitereNamen: z.array(
          z
            .object({
              personalienArt: z.enum(['3', '4', '5', '6', '7']),
              familienname: name(),
              vorname: din91379Text('A', { max: 200 }),
            })
            .superRefine((n, ctx) => {
              if (n.familienname.trim() === '' && n.vorname.trim() === '')
                ctx.addIssue({
                  code: 'custom',
                  path: ['familienname'],
                  message: 'Bitte geben Sie einen Namen an oder entfernen Sie die Zeile.',
                });
            }),
        ),
        ausweispapiere: z.array(
          z.object({
            art: din91379Text('B', {
              max: 40,
              required: 'Bitte geben Sie die Art des Dokuments an.',
            }),
            nummer: dokumentnummerSchema,
            ausstellenderStaat: codeSchema(
              context,
              CODE_LIST_URIS.staatsangehoerigkeit,
              (code) => `Den Staatsschlüssel ${code} gibt es in der gültigen Liste nicht.`,
            ),
            gueltigBis: z.union([
              z.literal(''),
              z.iso.date({ message: 'Bitte ein gültiges Datum angeben.' }),
            ]),
          }),
        ),
      }),
    })
    .superRefine((content, ctx) => {
      if (content.kind !== 'folgemeldung') return;
      for (const issue of azrNummerEingabeSchema.safeParse(content.azrNummer).error?.issues ?? [])
        ctx.addIssue({ code: 'custom', path: ['azrNummer'], message: issue.message });
    });
}

export interface DraftIssue {
  /** Dot path of the form field, e.g. `grundpersonalien.staatsangehoerigkeit.1`. */
  readonly path: string;
  readonly message: string;
}

/** Every rule violation of a draft, by field; empty when the draft is ready for the pre-check. */
export function validateDraft(content: DraftContent, context: ValidationContext): DraftIssue[] {
  const result = draftValidationSchema(context).safeParse(content);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Whether a partially known birth date is well-formed (re-exported for the form's hints). */
export const isGeburtsdatumGueltig = (text: string) => {
  const datum = readGeburtsdatum(text);
  return datum !== undefined && checkTeilbekanntesDatum(datum) === undefined;
};
