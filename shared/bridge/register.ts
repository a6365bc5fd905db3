import { z } from 'zod';
import {
  anfrageAntwort,
  anfrageKriterium,
  fehlerschluessel,
  lichtbildUebermittlung,
  zulassung,
} from '../register-api/messages';
import { abrufzweckCode, azrNummer, text } from '../register-api/common';

// Bridge schemas of search and retrieval (issue 5): the renderer asks main to talk to the register;
// main adds who is asking (caseworker, authority), sends over mTLS, validates the answer and writes
// the local protocol. Register answers pass through memory only.

/**
 * Why a register call did not produce an answer, in categories the caseworker can act on. The
 * renderer turns each into a German sentence; `registerFehler` carries the register's own keys.
 */
export const registerFailureCodes = [
  /** No connection: offline, DNS, refused, dropped, timed out. Reads were retried already. */
  'REGISTER_UNREACHABLE',
  /** No usable client certificate in the OS keystore (none, expired, wrong issuer, not chosen). */
  'CERTIFICATE_MISSING',
  /** The register refused the certificate (unknown, revoked, expired on its side). */
  'CERTIFICATE_REJECTED',
  /** The server's certificate is not the pinned register CA: possibly an interception. */
  'SERVER_UNTRUSTED',
  /** The authority is not admitted for this Abrufzweck (or for Direkteingabe). */
  'PURPOSE_NOT_ADMITTED',
  /** The AZR-Nummer does not exist in the register. */
  'AZR_NUMMER_UNKNOWN',
  /** The register answered 090099 or 5xx with its own error keys. */
  'REGISTER_ERROR',
  /** The register answered something that is not a valid message: never shown as data. */
  'MALFORMED_ANSWER',
] as const;

export const registerFailureSchema = z.object({
  code: z.enum(registerFailureCodes),
  /** The register's Fehlerfälle when it sent a 090099 (keys and its German texts). */
  registerFehler: z.array(z.object({ fehlerschluessel, fehlertext: z.string() })).default([]),
  /** Technical detail for the log and the diagnostics export; never personal data. */
  detail: z.string().max(500).optional(),
});

/** Either the register's answer or a typed failure: register problems are results, not crashes. */
export const registerOutcome = <T extends z.ZodType>(antwort: T) =>
  z.discriminatedUnion('ergebnis', [
    z.object({ ergebnis: z.literal('antwort'), antwort }),
    z.object({ ergebnis: z.literal('fehler'), fehler: registerFailureSchema }),
  ]);

/**
 * `register.anfrage` (090001). Without `abrufzweck` only Grunddaten come back; with one, the case's
 * Geschäftszeichen is required. Caseworker and authority are added by main, never by the renderer.
 */
export const anfrageRequestSchema = z
  .object({
    abrufzweck: abrufzweckCode.optional(),
    geschaeftszeichen: text(80).optional(),
    lieferungFruehererNamen: z.boolean().default(false),
    anfrageAZR: anfrageKriterium,
  })
  .strict()
  .refine((anfrage) => anfrage.abrufzweck === undefined || anfrage.geschaeftszeichen, {
    message: 'Zu einem Abrufzweck gehört das Geschäftszeichen des Vorgangs.',
    path: ['geschaeftszeichen'],
  });

export const anfrageResponseSchema = registerOutcome(anfrageAntwort);

/** `register.lichtbild` (090005/6): the photo is shown from memory and never saved. */
export const lichtbildRequestSchema = z
  .object({ azrNummer, abrufzweck: abrufzweckCode, geschaeftszeichen: text(80) })
  .strict();

export const lichtbildResponseSchema = registerOutcome(lichtbildUebermittlung);

/** `register.status`: reachability (health check), the authority's Zulassung, certificate state. */
export const registerStatusSchema = z.object({
  /** '' while no register address is set up (policy `registerUrl`). */
  registerUrl: z.union([z.url(), z.literal('')]),
  erreichbar: z.boolean(),
  geprueftAm: z.iso.datetime(),
  /** Known once the register answered /v1/zulassung for our certificate. */
  zulassung: zulassung.optional(),
  fehler: registerFailureSchema.optional(),
});

// ---- certificates --------------------------------------------------------------------------------

export const certificateInfoSchema = z.object({
  /** SHA-256 of the DER, upper-case hex with colons — what admins compare. */
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
});

/** `certificate.status`: what is in use, what could be, and whether the user must act. */
export const certificateStatusSchema = z.object({
  inUse: certificateInfoSchema.optional(),
  /** Candidates that pass the policy's filter (issuer, client-auth usage, validity). */
  candidates: z.array(certificateInfoSchema),
  /** Days until the certificate in use expires; the UI warns at ≤ 30. */
  daysLeft: z.number().int().optional(),
  state: z.enum(['ok', 'expiring', 'choice-needed', 'none']),
  /** Set after a change that only takes effect after a restart (Chromium remembers per session). */
  restartRequired: z.boolean().default(false),
});

/** `certificate.choose`: the user's explicit pick of one candidate by fingerprint. */
export const certificateChooseSchema = z
  .object({ fingerprint: certificateInfoSchema.shape.fingerprint })
  .strict();

// ---- local protocol --------------------------------------------------------------------------------

export const protocolOperations = [
  'anfrage',
  'lichtbild',
  'erstmeldung',
  'folgemeldung',
  'datenpflege',
  'mitteilungen',
  'zulassung',
  'vorpruefung',
] as const;

/** One protocol line as shown and exported: no payloads, no names (architecture §4). */
export const protocolEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  time: z.iso.datetime(),
  user: z.string(),
  behoerde: z.string(),
  operation: z.enum(protocolOperations),
  abrufzweck: z.string().optional(),
  geschaeftszeichen: z.string().optional(),
  azrNummern: z.array(z.string()).default([]),
  /**
   * Register message type (090002…090099) or a failure code from registerFailureCodes; for
   * `vorpruefung` the decision in its compact form, e.g. `nichtIdentisch:lichtbild+dokument`.
   */
  ergebnis: z.string(),
});

export const protocolQuerySchema = z
  .object({
    von: z.iso.date().optional(),
    bis: z.iso.date().optional(),
    operation: z.enum(protocolOperations).optional(),
    geschaeftszeichen: z.string().max(80).optional(),
    azrNummer: z.string().max(20).optional(),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();

export const protocolListSchema = z.object({
  entries: z.array(protocolEntrySchema),
  total: z.number().int().nonnegative(),
  /** The hash chain over the whole file: intact, or where it breaks. */
  verification: z.discriminatedUnion('intact', [
    z.object({ intact: z.literal(true), lines: z.number().int().nonnegative() }),
    z.object({ intact: z.literal(false), line: z.number().int().positive(), reason: z.string() }),
  ]),
});

export const protocolExportSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    fileName: z.string().min(1),
    location: z.string().min(1),
    rows: z.number().int().nonnegative(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);

export type RegisterFailureCode = (typeof registerFailureCodes)[number];
export type RegisterFailure = z.infer<typeof registerFailureSchema>;
export type AnfrageRequest = z.input<typeof anfrageRequestSchema>;
export type AnfrageResponse = z.infer<typeof anfrageResponseSchema>;
export type LichtbildResponse = z.infer<typeof lichtbildResponseSchema>;
export type RegisterStatus = z.infer<typeof registerStatusSchema>;
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;
export type ProtocolEntry = z.infer<typeof protocolEntrySchema>;
export type ProtocolQuery = z.input<typeof protocolQuerySchema>;
export type ProtocolList = z.infer<typeof protocolListSchema>;
