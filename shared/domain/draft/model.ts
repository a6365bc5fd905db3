import { z } from 'zod';

/**
 * A draft (Entwurf, "Parkfunktion"): an Erstmeldung for a new person or a Folgemeldung for an
 * AZR-Nummer, as the caseworker typed it. The content is stored valid or not — every keystroke is
 * kept — so this schema only bounds the shape; the register's input rules are in `validation.ts`.
 * Field names mirror XAusländer (shared/register-api/common.ts); `to-meldung.ts` maps a valid draft
 * onto `erstmeldung`/`folgemeldung` without a redesign.
 */
export const DRAFT_SCHEMA_VERSION = 2;

export const draftKinds = ['erstmeldung', 'folgemeldung'] as const;
export type DraftKind = (typeof draftKinds)[number];

/** `offen`: still incomplete or invalid; `bereit`: passes every rule, ready for the pre-check. */
export const draftStatuses = ['offen', 'bereit'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

/** Weitere Personalien: a further name form (XAusländer PersonalienArt 3–7). */
export const weitererNameArten = ['3', '4', '5', '6', '7'] as const;

const field = (max: number) => z.string().max(max);

export const draftWeitererNameSchema = z.object({
  personalienArt: z.enum(weitererNameArten),
  familienname: field(500),
  vorname: field(500),
});

export const draftAusweispapierSchema = z.object({
  art: field(200),
  nummer: field(200),
  ausstellenderStaat: field(3),
  /** ISO date (yyyy-mm-dd) or empty. */
  gueltigBis: field(10),
});

export const draftGrundpersonalienSchema = z.object({
  familienname: field(500),
  geburtsname: field(500),
  vorname: field(500),
  doktorgrad: field(200),
  /** XInneres Geschlecht code, or empty when not (yet) entered. */
  geschlecht: field(2),
  /** `TT.MM.JJJJ` with 00 for unknown parts (`00.07.2018`, `00.00.0000` unknown), as typed. */
  geburtsdatum: field(20),
  geburtsort: field(500),
  geburtsortUnbekannt: z.boolean(),
  /** Destatis code of the state of birth (AZR.Geburt geburtsortStaat). */
  geburtsland: field(3),
  /** Destatis codes, in the order entered. */
  staatsangehoerigkeit: z.array(field(3)).max(4),
});

/** Which version of each code list the draft's codes were chosen from (schema version 2). */
export const draftCodelistenSchema = z.object({
  staatsangehoerigkeit: z.string().min(1),
  geschlecht: z.string().min(1),
});

export const draftContentSchema = z.object({
  kind: z.enum(draftKinds),
  geschaeftszeichen: field(500),
  /** Only for a Folgemeldung; empty otherwise. */
  azrNummer: field(40),
  grundpersonalien: draftGrundpersonalienSchema,
  weiterePersonalien: z.object({
    weitereNamen: z.array(draftWeitererNameSchema).max(50),
    ausweispapiere: z.array(draftAusweispapierSchema).max(20),
  }),
  codelisten: draftCodelistenSchema,
});

export type DraftContent = z.infer<typeof draftContentSchema>;
export type DraftGrundpersonalien = z.infer<typeof draftGrundpersonalienSchema>;
export type DraftWeitererName = z.infer<typeof draftWeitererNameSchema>;
export type DraftAusweispapier = z.infer<typeof draftAusweispapierSchema>;

/** An empty draft of the given kind, with the code-list versions in force. */
export function emptyDraftContent(
  kind: DraftKind,
  codelisten: DraftContent['codelisten'],
): DraftContent {
  return {
    kind,
    geschaeftszeichen: '',
    azrNummer: '',
    grundpersonalien: {
      familienname: '',
      geburtsname: '',
      vorname: '',
      doktorgrad: '',
      geschlecht: '',
      geburtsdatum: '',
      geburtsort: '',
      geburtsortUnbekannt: false,
      geburtsland: '',
      staatsangehoerigkeit: [],
    },
    weiterePersonalien: { weitereNamen: [], ausweispapiere: [] },
    codelisten,
  };
}
