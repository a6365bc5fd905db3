import { z } from 'zod';
import { azrNummerRegel, checkAzrNummer, normalizeAzrNummer } from '../azr-nummer';
import type { CodeListRegistry } from '../codelists';
import { CODE_LIST_URIS } from '../codelists';
import type { Din91379Datentyp } from '../din91379/check';
import { checkDin91379, zeichenFehlerRegel } from '../din91379/check';
import type { Regeltext, Regelverstoss } from '../rules';
import { deutscherRegeltext } from '../rules';
import type { TeilbekanntesDatum } from '../teilbekanntes-datum';
import { checkTeilbekanntesDatum } from '../teilbekanntes-datum';
import type { DraftContent } from './model';
import { draftContentSchema } from './model';

/**
 * The register's input rules for a draft, with messages that say what is wrong and what to do
 * (shared/domain/rules.ts: German unless the UI passes its language's sentences). Each rule is
 * also a small zod schema of its own so the form can check one field at a time.
 */
export interface ValidationContext {
  /** Today (ISO date): birth dates may not lie in the future; code lists are chosen by date. */
  readonly today: string;
  readonly codeLists: CodeListRegistry;
  /** The sentences of the messages; German by default. */
  readonly regeltext?: Regeltext;
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
  options: { readonly max: number; readonly required?: Regelverstoss },
  regeltext: Regeltext = deutscherRegeltext,
) =>
  z.string().superRefine((value, context) => {
    const text = value.trim();
    if (text === '') {
      if (options.required)
        context.addIssue({ code: 'custom', message: regeltext(options.required) });
      return;
    }
    if (text.length > options.max) {
      context.addIssue({
        code: 'custom',
        message: regeltext({ regel: 'ZU_LANG', werte: { max: options.max, laenge: text.length } }),
      });
      return;
    }
    const fehler = checkDin91379(text, datentyp);
    if (fehler)
      context.addIssue({
        code: 'custom',
        message: regeltext(zeichenFehlerRegel(fehler, datentyp)),
      });
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

export const geburtsdatumSchema = (today: string, regeltext: Regeltext = deutscherRegeltext) =>
  z.string().superRefine((value, context) => {
    if (value.trim() === '') {
      context.addIssue({ code: 'custom', message: regeltext({ regel: 'GEBURTSDATUM_FEHLT' }) });
      return;
    }
    const datum = readGeburtsdatum(value);
    if (!datum) {
      context.addIssue({ code: 'custom', message: regeltext({ regel: 'GEBURTSDATUM_FORMAT' }) });
      return;
    }
    const fehler = checkTeilbekanntesDatum(datum);
    if (fehler) {
      context.addIssue({ code: 'custom', message: regeltext({ regel: fehler }) });
      return;
    }
    if (datum.jahr !== undefined && toIsoIfComplete(datum) > today)
      context.addIssue({ code: 'custom', message: regeltext({ regel: 'GEBURTSDATUM_ZUKUNFT' }) });
  });

export const staatsangehoerigkeitenSchema = (context: ValidationContext) => {
  const regeltext = context.regeltext ?? deutscherRegeltext;
  return z.array(z.string()).superRefine((codes, ctx) => {
    if (codes.length > MAX_STAATSANGEHOERIGKEITEN)
      ctx.addIssue({
        code: 'custom',
        message: regeltext({
          regel: 'STAATSANGEHOERIGKEITEN_ZU_VIELE',
          werte: { max: MAX_STAATSANGEHOERIGKEITEN },
        }),
      });
    const seen = new Set<string>();
    codes.forEach((code, index) => {
      const problem = (verstoss: Regelverstoss) =>
        ctx.addIssue({ code: 'custom', path: [index], message: regeltext(verstoss) });
      if (code === '') problem({ regel: 'STAATSANGEHOERIGKEIT_LEER' });
      else if (!context.codeLists.isValid(CODE_LIST_URIS.staatsangehoerigkeit, code, context.today))
        problem({ regel: 'STAATSANGEHOERIGKEIT_UNBEKANNT', werte: { code } });
      else if (seen.has(code)) problem({ regel: 'STAATSANGEHOERIGKEIT_DOPPELT' });
      seen.add(code);
    });
    const allein = codes.find((code) => code in STAATSANGEHOERIGKEIT_ALLEIN);
    if (allein !== undefined && codes.length > 1)
      ctx.addIssue({
        code: 'custom',
        message: regeltext({
          regel: 'STAATSANGEHOERIGKEIT_ALLEIN',
          werte: { code: allein, bezeichnung: STAATSANGEHOERIGKEIT_ALLEIN[allein] ?? allein },
        }),
      });
  });
};

/** Identity-document numbers as printed: letters A–Z and digits; spaces are removed. */
export const normalizeDokumentnummer = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export const dokumentnummerSchema = (regeltext: Regeltext = deutscherRegeltext) =>
  z.string().superRefine((value, context) => {
    const nummer = normalizeDokumentnummer(value);
    const problem = (verstoss: Regelverstoss) =>
      context.addIssue({ code: 'custom', message: regeltext(verstoss) });
    if (nummer === '') problem({ regel: 'DOKUMENTNUMMER_FEHLT' });
    else if (!/^[A-Z0-9]+$/.test(nummer)) problem({ regel: 'DOKUMENTNUMMER_ZEICHEN' });
    else if (nummer.length < 5 || nummer.length > 20) problem({ regel: 'DOKUMENTNUMMER_LAENGE' });
  });

const codeSchema = (
  context: ValidationContext,
  uri: string,
  unbekannt: Regelverstoss['regel'],
  options: {
    readonly required?: Regelverstoss;
    readonly forbidden?: Readonly<Record<string, Regelverstoss>>;
  } = {},
) => {
  const regeltext = context.regeltext ?? deutscherRegeltext;
  return z.string().superRefine((code, ctx) => {
    if (code === '') {
      if (options.required) ctx.addIssue({ code: 'custom', message: regeltext(options.required) });
      return;
    }
    const forbidden = options.forbidden?.[code];
    if (forbidden) ctx.addIssue({ code: 'custom', message: regeltext(forbidden) });
    else if (!context.codeLists.isValid(uri, code, context.today))
      ctx.addIssue({ code: 'custom', message: regeltext({ regel: unbekannt, werte: { code } }) });
  });
};

export const geschlechtSchema = (context: ValidationContext) =>
  codeSchema(context, CODE_LIST_URIS.geschlecht, 'GESCHLECHT_UNBEKANNT');

/** An AZR-Nummer typed into a form; `fehlt` is the rule for an empty field. */
export const azrNummerEingabeSchema = (
  fehlt: Regelverstoss['regel'],
  regeltext: Regeltext = deutscherRegeltext,
) =>
  z.string().superRefine((value, context) => {
    const nummer = normalizeAzrNummer(value);
    const fehler = nummer === '' ? undefined : checkAzrNummer(nummer);
    if (nummer !== '' && fehler === undefined) return;
    const regel = fehler === undefined ? fehlt : azrNummerRegel[fehler];
    context.addIssue({ code: 'custom', message: regeltext({ regel }) });
  });

/** The complete rule set of a draft as one zod schema; issues carry the form's field paths. */
export function draftValidationSchema(context: ValidationContext) {
  const regeltext = context.regeltext ?? deutscherRegeltext;
  const text = (datentyp: Din91379Datentyp, max: number, required?: Regelverstoss['regel']) =>
    din91379Text(
      datentyp,
      { max, ...(required ? { required: { regel: required } } : {}) },
      regeltext,
    );
  const staat = (options: Parameters<typeof codeSchema>[3] = {}) =>
    codeSchema(context, CODE_LIST_URIS.staatsangehoerigkeit, 'STAAT_UNBEKANNT', options);
  const azrNummer = azrNummerEingabeSchema('AZR_NUMMER_FEHLT_FOLGEMELDUNG', regeltext);
  return draftContentSchema
    .extend({
      geschaeftszeichen: text('B', 80, 'PFLICHT_GESCHAEFTSZEICHEN'),
      grundpersonalien: z
        .object({
          familienname: text('A', 120, 'PFLICHT_FAMILIENNAME'),
          geburtsname: text('A', 120),
          vorname: text('A', 200),
          doktorgrad: text('B', 40),
          geschlecht: geschlechtSchema(context),
          geburtsdatum: geburtsdatumSchema(context.today, regeltext),
          geburtsort: z.string(),
          geburtsortUnbekannt: z.boolean(),
          geburtsland: staat({
            required: { regel: 'PFLICHT_GEBURTSSTAAT' },
            forbidden: { '999': { regel: 'GEBURTSSTAAT_OHNE_ANGABE' } },
          }),
          staatsangehoerigkeit: staatsangehoerigkeitenSchema(context),
        })
        .superRefine((g, ctx) => {
          if (g.geburtsortUnbekannt) return;
          const result = text('B', 120, 'PFLICHT_GEBURTSORT').safeParse(g.geburtsort);
          for (const issue of result.error?.issues ?? [])
            ctx.addIssue({ code: 'custom', path: ['geburtsort'], message: issue.message });
        }),
      weiterePersonalien: z.object({
        weitereNamen: z.array(
          z
            .object({
              personalienArt: z.enum(['3', '4', '5', '6', '7']),
              familienname: text('A', 120),
              vorname: text('A', 200),
            })
            .superRefine((n, ctx) => {
              if (n.familienname.trim() === '' && n.vorname.trim() === '')
                ctx.addIssue({
                  code: 'custom',
                  path: ['familienname'],
                  message: regeltext({ regel: 'WEITERER_NAME_LEER' }),
                });
            }),
        ),
        ausweispapiere: z.array(
          z.object({
            art: text('B', 40, 'PFLICHT_DOKUMENTART'),
            nummer: dokumentnummerSchema(regeltext),
            ausstellenderStaat: staat(),
            gueltigBis: z.union([
              z.literal(''),
              z.iso.date({ message: regeltext({ regel: 'DATUM_UNGUELTIG' }) }),
            ]),
          }),
        ),
      }),
    })
    .superRefine((content, ctx) => {
      if (content.kind !== 'folgemeldung') return;
      for (const issue of azrNummer.safeParse(content.azrNummer).error?.issues ?? [])
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
