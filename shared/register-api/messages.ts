import { z } from 'zod';
import {
  abrufzweckCode,
  aenderungsartCode,
  anAzr,
  azrNummer,
  behoerdenkennzeichen,
  grundpersonalien,
  hinweis,
  personalienArtCode,
  referenzId,
  text,
  trefferkategorieCode,
  weiterePersonalien,
} from './common';

// ---- 090001 AZRAnfrage ----------------------------------------------------------------------------

/**
 * Exactly one search criterion (anfrageAZR is an XSD choice). Without an Abrufzweck only Grunddaten
 * come back (§ 9 Abs. 4 AZRG-DV); with one, the Geschäftszeichen of the case is required.
 */
export const anfrageKriterium = z.union([
  z.object({ azrNummer }).strict(),
  z.object({ grundpersonalien: grundpersonalien.partial({ geburtsangaben: true }) }).strict(),
  z.object({ passnummer: text(40) }).strict(),
  z.object({ nummerDesAufenthaltstitels: text(40) }).strict(),
]);

export const azrAnfrage = anAzr
  .extend({
    abrufzweck: abrufzweckCode.optional(),
    geschaeftszeichen: text(80).optional(),
    lieferungFruehererNamen: z.boolean().default(false),
    anfrageAZR: anfrageKriterium,
  })
  .refine((anfrage) => anfrage.abrufzweck === undefined || anfrage.geschaeftszeichen, {
    message: 'Zu einem Abrufzweck gehört das Geschäftszeichen des Vorgangs.',
    path: ['geschaeftszeichen'],
  });

// ---- answers to 090001 ------------------------------------------------------------------------------

export const uebermittlungssperre = z.object({
  /** "gross": e.g. witness protection — even public bodies get only a notice. */
  art: z.enum(['normal', 'gross']),
});

/** The matcher's field-by-field reasoning, in the fixed German vocabulary of shared/matching. */
export const trefferErklaerung = z.object({
  band: z.enum(['A', 'B', 'C']),
  regel: z.string().optional(),
  punktzahl: z.number(),
  felder: z.array(
    z.object({ feld: z.string(), bewertung: z.string(), detail: z.string().optional() }),
  ),
});

export const treffer = z.object({
  azrNummer,
  grundpersonalien,
  personalienArt: personalienArtCode,
  trefferbewertung: trefferkategorieCode.optional(),
  aktenfuehrendeBehoerde: behoerdenkennzeichen.optional(),
  uebermittlungssperre: z.array(uebermittlungssperre).default([]),
  erklaerung: trefferErklaerung,
});

export const keinTreffer = z.object({
  nachrichtentyp: z.literal('090002'),
  hinweis: z.array(hinweis).default([]),
});

export const trefferliste = z.object({
  nachrichtentyp: z.literal('090003'),
  hinweis: z.array(hinweis).default([]),
  trefferPersonaliensuche: z.array(treffer).min(1),
});

/** A data block of the full record with its Referenz-ID (the version a Folgemeldung must name). */
const datenblock = <T extends z.ZodType>(inhalt: T) => z.object({ referenzId, inhalt });

export const gesamtauskunft = z.object({
  nachrichtentyp: z.literal('090004'),
  hinweis: z.array(hinweis).default([]),
  azrNummer,
  /** Set when the request named a number that was merged away; azrNummer is the current one. */
  alteAZRNummerDerAnfrage: azrNummer.optional(),
  nichtIdentischMit: z.array(azrNummer).default([]),
  aktenfuehrendeBehoerde: behoerdenkennzeichen.optional(),
  /** Only Grunddaten were delivered (no Abrufzweck, § 9 Abs. 4 AZRG-DV). */
  nurGrunddaten: z.boolean(),
  /** Einschränkung der Verarbeitung (§ 17 AZRG-DV): only Personalien plus a notice. */
  verarbeitungEingeschraenkt: z.boolean(),
  uebermittlungssperre: z.array(uebermittlungssperre).default([]),
  grundpersonalien: datenblock(grundpersonalien),
  weiterePersonalien: datenblock(weiterePersonalien).optional(),
  anschrift: datenblock(
    z.object({ strasse: text(120).optional(), plz: text(10).optional(), ort: text(120) }),
  ).optional(),
  aufenthaltsstatus: datenblock(
    z.object({ status: text(200), seit: z.iso.date().optional() }),
  ).optional(),
  lichtbildVorhanden: z.boolean(),
});

export const anfrageAntwort = z.discriminatedUnion('nachrichtentyp', [
  keinTreffer,
  trefferliste,
  gesamtauskunft,
]);

// ---- 090005 / 090006 Lichtbild -------------------------------------------------------------------

export const lichtbildAnforderung = anAzr.extend({
  abrufzweck: abrufzweckCode,
  geschaeftszeichen: text(80),
  azrNummer,
});

export const lichtbildUebermittlung = z.object({
  nachrichtentyp: z.literal('090006'),
  azrNummer,
  mimeType: z.enum(['image/jpeg', 'image/png']),
  /** Base64; never written to disk by the client. */
  daten: z.base64(),
});

// ---- 090009 / 090010 Meldungen ----------------------------------------------------------------------

/** AZR.NichtIdentischMit.Meldung plus the caseworker's recorded reason (kept with the draft). */
export const nichtIdentischMit = z.object({
  aenderungsArt: aenderungsartCode,
  nichtIdentischMit: azrNummer,
  begruendung: text(2000),
});

export const erstmeldung = anAzr.extend({
  geschaeftszeichen: text(80),
  grundpersonalien,
  weiterePersonalien: weiterePersonalien.optional(),
  nichtIdentischMit: z.array(nichtIdentischMit).default([]),
});

export const folgemeldung = anAzr.extend({
  geschaeftszeichen: text(80),
  azrNummer,
  grundpersonalien: z
    .object({ aenderungsArt: aenderungsartCode, referenzId, neu: grundpersonalien })
    .optional(),
  weiterePersonalien: z
    .object({
      aenderungsArt: aenderungsartCode,
      referenzId: referenzId.optional(),
      neu: weiterePersonalien,
    })
    .optional(),
  nichtIdentischMit: z.array(nichtIdentischMit).default([]),
});

export const bestaetigungMeldung = z.object({
  nachrichtentyp: z.literal('090098'),
  hinweis: z.array(hinweis).default([]),
  /** New number after an Erstmeldung; the current one if a Folgemeldung used a merged number. */
  azrNummer,
  personalienAehnlich: z.array(azrNummer).default([]),
  grundpersonalienReferenzId: referenzId.optional(),
  weiterePersonalienReferenzId: referenzId.optional(),
});

/** Business error keys of the training register (the AZR publishes none; see domain.md §5). */
export const fehlerschluessel = z.enum([
  'PERSONALIEN_GLEICH',
  'REFERENZ_VERALTET',
  'AZR_NUMMER_UNBEKANNT',
  'LICHTBILD_NICHT_VORHANDEN',
  'AZR_NUMMER_UNGUELTIG',
  'ABRUFZWECK_NICHT_ZUGELASSEN',
  'DIREKTEINGABE_NICHT_ZUGELASSEN',
  'BEHOERDE_PASST_NICHT_ZUM_ZERTIFIKAT',
  'NACHRICHT_UNGUELTIG',
  'IDEMPOTENZ_KONFLIKT',
  'ZERTIFIKAT_FEHLT',
  'ZERTIFIKAT_UNGUELTIG',
  'BEHOERDE_UNBEKANNT',
  'INTERNER_FEHLER',
]);

export const fehlernachricht = z.object({
  nachrichtentyp: z.literal('090099'),
  hinweis: z.array(hinweis).default([]),
  fehlerfall: z
    .array(
      z.object({
        fehlerschluessel,
        fehlertext: text(1000),
        fehlerhaftesAttribut: z.array(z.string()).default([]),
      }),
    )
    .min(1),
  /** Persons with equal Grundpersonalien and no nichtIdentischMit link (§ 5 Abs. 1 S. 4 AZRG-DV). */
  personalienGleich: z.array(azrNummer).default([]),
});

export const meldungAntwort = z.discriminatedUnion('nachrichtentyp', [
  bestaetigungMeldung,
  fehlernachricht,
]);

// ---- 090030 Mitteilungen zu Datenänderungen -----------------------------------------------------------

export const mitteilungZuDatenaenderung = z.object({
  nachrichtentyp: z.literal('090030'),
  id: z.string().min(1),
  erstelltAm: z.iso.datetime(),
  azrNummer,
  mitteilungsAusloeser: z.enum(['ZUSAMMENFUEHRUNG', 'AENDERUNG']),
  /** After a merge: the number that disappears; local references must be re-keyed to azrNummer. */
  wegfallendeAzrNummer: azrNummer.optional(),
  handlungsempfehlung: text(1000).optional(),
});

export const mitteilungenSeite = z.object({
  mitteilungen: z.array(mitteilungZuDatenaenderung),
  /** Pass as `nach` to get the next page; absent when there is nothing more. */
  naechsterCursor: z.string().optional(),
});

// ---- 090040 DatenpflegeAnfrage ---------------------------------------------------------------------

export const datenpflegeAnfrage = anAzr.extend({
  abrufzweck: z.literal('21'),
  geschaeftszeichen: text(80),
  mehrfacherfassung: z.object({ azrNummer: z.array(azrNummer).min(2) }),
  begruendung: text(2000),
});

// ---- the authority's admission and service endpoints -----------------------------------------------------

export const zulassung = z.object({
  behoerdenkennzeichen,
  behoerdenname: text(200),
  abrufzwecke: z.array(abrufzweckCode),
  direkteingabe: z.boolean(),
});

export const health = z.object({ status: z.literal('ok'), zeit: z.iso.datetime() });

export type AzrAnfrage = z.input<typeof azrAnfrage>;
export type AnfrageAntwort = z.infer<typeof anfrageAntwort>;
export type Treffer = z.infer<typeof treffer>;
export type Gesamtauskunft = z.infer<typeof gesamtauskunft>;
export type Erstmeldung = z.input<typeof erstmeldung>;
export type Folgemeldung = z.input<typeof folgemeldung>;
export type MeldungAntwort = z.infer<typeof meldungAntwort>;
export type Fehlernachricht = z.infer<typeof fehlernachricht>;
export type MitteilungZuDatenaenderung = z.infer<typeof mitteilungZuDatenaenderung>;
export type Zulassung = z.infer<typeof zulassung>;
