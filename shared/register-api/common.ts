import { z } from 'zod';
import { azrNummerSchema } from '../domain/azr-nummer';
import { teilbekanntesDatumSchema } from '../domain/teilbekanntes-datum';

// Building blocks shared by the register's messages. Field names mirror XAusländer 26.11 (see the
// element summary in the project's shared docs) so that an adapter to the real interface is a mapping.

export const azrNummer = azrNummerSchema;

/** AZR.Behoerdenkennzeichen: six digits from the BVA Registerportal's key directory. */
export const behoerdenkennzeichen = z.string().regex(/^\d{6}$/, 'Behördenkennzeichen: 6 Ziffern');

/** A name or free-text field (din91379 datatypeC); character checks live in shared/domain. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Code-list values travel as their code; the list version is part of the message (codelisten). */
export const abrufzweckCode = z.string().regex(/^\d{2}$/);
export const staatsangehoerigkeitCode = z.string().regex(/^\d{3}$/);
export const geschlechtCode = z.enum(['m', 'w', 'x', 'd']);
export const personalienArtCode = z.enum(['0', '3', '4', '5', '6', '7']);
export const trefferkategorieCode = z.enum(['A', 'G', 'I']);
export const aenderungsartCode = z.enum(['01', '02', '03', '04', '05']);

/**
 * ReferenzId: 7 characters reference part, 1–7 characters version part, one random digit. Only the
 * version part changes on an update; a Folgemeldung names the version it changes.
 */
export const referenzId = z.string().regex(/^[0-9A-Za-z]{7}[0-9A-Za-z]{1,7}[0-9]$/);

export const teilbekanntesDatum = teilbekanntesDatumSchema;

/** AZR.Geburt: place (or unknown), state of birth, partially known date. */
export const geburtsangaben = z.object({
  geburtsort: z.union([z.object({ ort: text(120) }), z.object({ unbekannt: z.literal(true) })]),
  geburtsortStaat: staatsangehoerigkeitCode.refine((code) => code !== '999', {
    message: 'Der Geburtsstaat darf nicht „ohne Angabe“ (999) sein.',
  }),
  tagDerGeburt: teilbekanntesDatum,
});

/** Grundpersonalien of a person (AZR.Grundpersonalien.Auskunft / .Meldung fachdaten). */
export const grundpersonalien = z.object({
  familienname: text(120),
  geburtsname: text(120).optional(),
  vorname: z.string().trim().max(200),
  geburtsangaben,
  geschlecht: geschlechtCode.optional(),
  doktorgrad: text(40).optional(),
  staatsangehoerigkeit: z.array(staatsangehoerigkeitCode).max(4),
});

/** A further name form (weitere Personalien): former/other name, other spelling, alias. */
export const weitererName = z.object({
  personalienArt: personalienArtCode.exclude(['0']),
  familienname: text(120).optional(),
  vorname: z.string().trim().max(200).optional(),
});

export const ausweispapier = z.object({
  art: text(40),
  nummer: text(40),
  ausstellenderStaat: staatsangehoerigkeitCode.optional(),
  gueltigBis: z.iso.date().optional(),
});

export const weiterePersonalien = z.object({
  weitereNamen: z.array(weitererName).max(50).default([]),
  ausweispapiere: z.array(ausweispapier).max(20).default([]),
});

/** AZR.Hinweis: processing took place, with a notice (e.g. Übermittlungssperre). */
export const hinweis = z.object({ hinweisschluessel: text(40), hinweistext: text(1000) });

/** Every message to the register names the acting caseworker and authority (AnAZR). */
export const anAzr = z.object({
  durchfuehrenderSachbearbeiter: text(120),
  durchfuehrendeBehoerde: behoerdenkennzeichen,
});

export type Grundpersonalien = z.infer<typeof grundpersonalien>;
export type WeiterePersonalien = z.infer<typeof weiterePersonalien>;
export type Geburtsangaben = z.infer<typeof geburtsangaben>;
export type Hinweis = z.infer<typeof hinweis>;
