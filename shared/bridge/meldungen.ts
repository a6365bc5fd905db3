import { z } from 'zod';
import { azrNummer, text } from '../register-api/common';
import {
  datenpflegeAnfrage,
  erstmeldung,
  folgemeldung,
  meldungAntwort,
  mitteilungenSeite,
} from '../register-api/messages';
import type { Nachweisart } from '../precheck/model';
import {
  baender,
  entscheidungsarten,
  nachweisarten,
  PRUEFPUNKT_NACHWEISART,
  pruefpunkte,
} from '../precheck/model';
import { registerOutcome } from './register';
import { deepStrict } from './strict';

// Bridge schemas of transmission (issue 7): the outbox worker sends Meldungen, the pre-check wizard
// records its decisions. As with the Anfrage, main adds who is acting (AnAZR: caseworker and
// authority) — a request naming them is refused — and writes the local protocol.

/**
 * The outbox's key of one Meldung: a UUID generated and stored with the Meldung before its first
 * send, and sent again unchanged on every retry, so the register answers a repeat with its first
 * answer instead of acting twice. Main never retries a Meldung itself.
 */
export const idempotencyKeySchema = z.uuid();

const ohneAnAzr = { durchfuehrenderSachbearbeiter: true, durchfuehrendeBehoerde: true } as const;

// Each request: the register's message without AnAZR, plus the key; every nested object rejects
// unknown keys (spelled out per message: a generic helper would lose the field types).
const withKey = { idempotencyKey: idempotencyKeySchema };

/** `register.erstmeldung` (090009): a new person, with one `nichtIdentischMit` per different one. */
export const erstmeldungRequestSchema = deepStrict(erstmeldung.omit(ohneAnAzr).extend(withKey));

/** `register.folgemeldung` (090010): data for an existing AZR-Nummer, naming the Referenz-ID. */
export const folgemeldungRequestSchema = deepStrict(folgemeldung.omit(ohneAnAzr).extend(withKey));

/** `register.datenpflege` (090040, Abrufzweck 21): a suspected duplicate (≥ 2 AZR-Nummern). */
export const datenpflegeRequestSchema = deepStrict(
  datenpflegeAnfrage.omit(ohneAnAzr).extend(withKey),
);

/**
 * The answer to a Meldung: 090098 (accepted: the current AZR-Nummer, similar persons, new
 * Referenz-IDs) or 090099 (rejected by the register, e.g. PERSONALIEN_GLEICH with the
 * `personalienGleich` numbers, REFERENZ_VERALTET) — or a failure without an answer, after which the
 * outbox may send again with the same key.
 */
export const meldungResponseSchema = registerOutcome(meldungAntwort);

/** `register.mitteilungen` (090030): one page of change notices; `nach` = the last page's cursor. */
export const mitteilungenRequestSchema = z
  .object({
    nach: z.string().min(1).max(200).optional(),
    anzahl: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .optional();

export const mitteilungenResponseSchema = registerOutcome(mitteilungenSeite);

// ---- protocol.vorpruefung ----------------------------------------------------------------------------

const pruefpunktStatus = z.enum(['ja', 'nichtMoeglich']);

/** Nachweisarten in their canonical order (the order summarizeForProtocol writes them in). */
const canonical = (arten: readonly Nachweisart[]) => nachweisarten.filter((a) => arten.includes(a));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * `protocol.vorpruefung`: a decision of the pre-check wizard for the local protocol — exactly what
 * shared/precheck `summarizeForProtocol` returns, plus the case's Geschäftszeichen. No free text
 * besides the Geschäftszeichen: `ergebnis` must be the compact form of the decision and its evidence
 * types, and the parts must agree with each other, so nothing about the person can be smuggled in.
 */
export const vorpruefungRequestSchema = z
  .object({
    operation: z.literal('vorpruefung'),
    azrNummern: z.tuple([azrNummer]).readonly(),
    entscheidung: z.enum(entscheidungsarten),
    nachweisarten: z.array(z.enum(nachweisarten)).max(nachweisarten.length).readonly(),
    pruefpunkte: z
      .object({
        lichtbildVerglichen: pruefpunktStatus,
        dokumentGeprueft: pruefpunktStatus,
        geburtsdatenUebereinstimmend: pruefpunktStatus,
        aktenfuehrendeBehoerdeBefragt: pruefpunktStatus,
      })
      .strict()
      .readonly()
      .optional(),
    band: z.enum(baender).nullable(),
    entschiedenAm: z.iso.datetime(),
    ergebnis: z.string().max(200),
    geschaeftszeichen: text(80),
  })
  .strict()
  .superRefine((summary, context) => {
    const issue = (message: string, path: string) =>
      context.addIssue({ code: 'custom', message, path: [path] });
    if (!sameList(summary.nachweisarten, canonical(summary.nachweisarten)))
      issue('Nachweisarten: jede höchstens einmal, in der festen Reihenfolge.', 'nachweisarten');
    if (summary.entscheidung === 'nichtIdentisch') {
      if (summary.nachweisarten.length === 0)
        issue('„Nicht identisch“ braucht mindestens eine Nachweisart.', 'nachweisarten');
      if (summary.pruefpunkte !== undefined)
        issue('Prüfpunkte gehören nur zu „identisch“.', 'pruefpunkte');
    } else if (summary.pruefpunkte === undefined) {
      issue('„Identisch“ braucht die Prüfpunkte.', 'pruefpunkte');
    } else {
      const status = summary.pruefpunkte;
      const erledigt = canonical(
        pruefpunkte.filter((p) => status[p] === 'ja').map((p) => PRUEFPUNKT_NACHWEISART[p]),
      );
      if (!sameList(summary.nachweisarten, erledigt))
        issue('Die Nachweisarten passen nicht zu den Prüfpunkten.', 'nachweisarten');
    }
    if (summary.ergebnis !== `${summary.entscheidung}:${summary.nachweisarten.join('+')}`)
      issue('Das Ergebnis passt nicht zu Entscheidung und Nachweisarten.', 'ergebnis');
  });

export const vorpruefungResponseSchema = z
  .object({ protokolliert: z.literal(true), zeitpunkt: z.iso.datetime() })
  .strict();

export type ErstmeldungRequest = z.input<typeof erstmeldungRequestSchema>;
export type FolgemeldungRequest = z.input<typeof folgemeldungRequestSchema>;
export type DatenpflegeRequest = z.input<typeof datenpflegeRequestSchema>;
export type MeldungResponse = z.infer<typeof meldungResponseSchema>;
export type MitteilungenRequest = z.input<typeof mitteilungenRequestSchema>;
export type MitteilungenResponse = z.infer<typeof mitteilungenResponseSchema>;
export type VorpruefungRequest = z.input<typeof vorpruefungRequestSchema>;
export type VorpruefungResponse = z.infer<typeof vorpruefungResponseSchema>;
