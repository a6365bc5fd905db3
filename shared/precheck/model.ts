import { z } from 'zod';
import { azrNummer } from '../register-api/common';

/**
 * The persisted state of the § 5 Abs. 1 AZRG-DV pre-check of one draft. It is stored encrypted with
 * the draft and migrated like it (see `migratePrecheckState`), so it holds only facts: which
 * Grundpersonalien were searched, which AZR-Nummern came back (with their band), the caseworker's
 * decisions, a parking note and a suspected duplicate. The phase (draft incomplete → search pending →
 * candidates to decide → ready | parked) is derived from these facts and the current draft in
 * `phase.ts`, so it can never disagree with them.
 *
 * Register answers are never written to disk (architecture §4): of a hit only the AZR-Nummer and its
 * band are kept — the minimum the decisions and the Hinweis auf Personenverschiedenheit need. The
 * wizard shows the hit's Grundpersonalien from the answer it holds in memory.
 */
export const PRECHECK_SCHEMA_VERSION = 1;

/** Limits of the free texts; `begruendung` is AZR.NichtIdentischMit's text(2000) on the wire. */
export const BEGRUENDUNG_MIN_LENGTH = 10;
export const BEGRUENDUNG_MAX_LENGTH = 2000;
export const VERMERK_MAX_LENGTH = 1000;
export const PARKGRUND_MAX_LENGTH = 1000;

/** The matcher's band of a hit (shared/matching): A and B must be decided, C may be. */
export const baender = ['A', 'B', 'C'] as const;
export type Band = (typeof baender)[number];

/**
 * Evidence that the person in the draft and a register record are different persons. The list
 * follows § 5 Abs. 1 S. 3 AZRG-DV: photo, documents, birth data, fingerprint reference numbers, the
 * aktenführende Behörde's answer; anything else is `sonstiges` and explained in the Begründung.
 */
export const nachweisarten = [
  'lichtbild',
  'dokument',
  'geburtsdaten',
  'fingerabdruck',
  'auskunftBehoerde',
  'sonstiges',
] as const;
export type Nachweisart = (typeof nachweisarten)[number];

export const NACHWEISART_TEXT: Readonly<Record<Nachweisart, string>> = {
  lichtbild: 'Lichtbild',
  dokument: 'Ausweisdokument',
  geburtsdaten: 'Geburtsdaten',
  fingerabdruck: 'Fingerabdruck-Referenznummer',
  auskunftBehoerde: 'Auskunft der aktenführenden Behörde',
  sonstiges: 'Sonstiges (siehe Begründung)',
};

/**
 * The identity-doubt checklist that must be answered before "identisch" (§ 5 Abs. 1 S. 3 AZRG-DV:
 * doubts about the identity are to be resolved before data are attached to a record).
 */
export const pruefpunkte = [
  'lichtbildVerglichen',
  'dokumentGeprueft',
  'geburtsdatenUebereinstimmend',
  'aktenfuehrendeBehoerdeBefragt',
] as const;
export type Pruefpunkt = (typeof pruefpunkte)[number];

export const PRUEFPUNKT_TEXT: Readonly<Record<Pruefpunkt, string>> = {
  lichtbildVerglichen: 'Lichtbild verglichen',
  dokumentGeprueft: 'Dokument geprüft',
  geburtsdatenUebereinstimmend: 'Geburtsdaten übereinstimmend',
  aktenfuehrendeBehoerdeBefragt: 'Aktenführende Behörde befragt',
};

/** What a check that was done counts as, for the protocol. */
export const PRUEFPUNKT_NACHWEISART: Readonly<Record<Pruefpunkt, Nachweisart>> = {
  lichtbildVerglichen: 'lichtbild',
  dokumentGeprueft: 'dokument',
  geburtsdatenUebereinstimmend: 'geburtsdaten',
  aktenfuehrendeBehoerdeBefragt: 'auskunftBehoerde',
};

const zeitpunkt = z.iso.datetime();
const freitext = (min: number, max: number) => z.string().trim().min(min).max(max);

/** One checklist item: done (and consistent with identity), or not possible — with a note why. */
export const pruefpunktAntwortSchema = z.discriminatedUnion('ergebnis', [
  z.object({ ergebnis: z.literal('ja') }).strict(),
  z
    .object({ ergebnis: z.literal('nichtMoeglich'), vermerk: freitext(1, VERMERK_MAX_LENGTH) })
    .strict(),
]);

export const identitaetsPruefungSchema = z
  .object({
    lichtbildVerglichen: pruefpunktAntwortSchema,
    dokumentGeprueft: pruefpunktAntwortSchema,
    geburtsdatenUebereinstimmend: pruefpunktAntwortSchema,
    aktenfuehrendeBehoerdeBefragt: pruefpunktAntwortSchema,
  })
  .strict();

export const entscheidungsarten = ['identisch', 'nichtIdentisch'] as const;
export type Entscheidungsart = (typeof entscheidungsarten)[number];

export const entscheidungSchema = z.discriminatedUnion('art', [
  z
    .object({
      art: z.literal('identisch'),
      pruefung: identitaetsPruefungSchema,
      entschiedenAm: zeitpunkt,
    })
    .strict(),
  z
    .object({
      art: z.literal('nichtIdentisch'),
      nachweisarten: z.array(z.enum(nachweisarten)).min(1),
      begruendung: freitext(BEGRUENDUNG_MIN_LENGTH, BEGRUENDUNG_MAX_LENGTH),
      entschiedenAm: zeitpunkt,
    })
    .strict(),
]);

export const kandidatSchema = z
  .object({
    azrNummer,
    /** The hit's band; null when the number is not from a Trefferliste (rejection, Gesamtauskunft). */
    band: z.enum(baender).nullable(),
    /** The register named this number in a `personalienGleich` rejection of an Erstmeldung. */
    personalienGleich: z.boolean(),
    entscheidung: entscheidungSchema.nullable(),
  })
  .strict();

export const precheckStateSchema = z
  .object({
    schemaVersion: z.literal(PRECHECK_SCHEMA_VERSION),
    /** The search the candidates come from; null before the first search or after invalidation. */
    suche: z
      .object({
        /** `grundpersonalienFingerprint` of the Grundpersonalien the search was run with. */
        grundpersonalienFingerprint: z.string().min(1),
        gesuchtAm: zeitpunkt,
      })
      .strict()
      .nullable(),
    kandidaten: z.array(kandidatSchema),
    /** Register candidates the caseworker judges to be one person (report for Datenpflege). */
    mehrfacherfassung: z
      .object({
        azrNummern: z.array(azrNummer).min(2),
        begruendung: freitext(BEGRUENDUNG_MIN_LENGTH, BEGRUENDUNG_MAX_LENGTH),
        festgestelltAm: zeitpunkt,
      })
      .strict()
      .nullable(),
    /** Identity still unclear: nothing may be sent until the parking is lifted. */
    geparkt: z
      .object({ grund: freitext(1, PARKGRUND_MAX_LENGTH), seit: zeitpunkt })
      .strict()
      .nullable(),
    /** The last `personalienGleich` rejection of an Erstmeldung (090099). */
    abweisung: z
      .object({ azrNummern: z.array(azrNummer).min(1), am: zeitpunkt })
      .strict()
      .nullable(),
    /** Set when a change of the Grundpersonalien discarded the search and everything built on it. */
    verworfen: z
      .object({ grund: z.literal('grundpersonalienGeaendert'), am: zeitpunkt })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((state, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    const nummern = state.kandidaten.map((k) => k.azrNummer);
    if (new Set(nummern).size !== nummern.length) problem('AZR-Nummer doppelt in den Kandidaten');
    if (state.kandidaten.filter((k) => k.entscheidung?.art === 'identisch').length > 1)
      problem('mehr als ein Kandidat identisch');
    const ohneSuche =
      state.kandidaten.length > 0 || state.geparkt || state.abweisung || state.mehrfacherfassung;
    if (state.suche === null && ohneSuche) problem('Kandidaten, Parken oder Meldungen ohne Suche');
    if (state.suche !== null && state.verworfen !== null) problem('verworfen trotz Suche');
    const gruppe = state.mehrfacherfassung;
    if (gruppe) {
      if (new Set(gruppe.azrNummern).size !== gruppe.azrNummern.length)
        problem('AZR-Nummer doppelt in der Mehrfacherfassung');
      if (gruppe.azrNummern.some((n) => !nummern.includes(n)))
        problem('Mehrfacherfassung nennt eine Nummer, die kein Kandidat ist');
      if (groupContradicts(state.kandidaten, gruppe.azrNummern))
        problem('Mehrfacherfassung widerspricht den Entscheidungen');
    }
  });

export type PrecheckState = z.infer<typeof precheckStateSchema>;
export type Kandidat = z.infer<typeof kandidatSchema>;
export type Entscheidung = z.infer<typeof entscheidungSchema>;
export type IdentitaetsPruefung = z.infer<typeof identitaetsPruefungSchema>;
export type PruefpunktAntwort = z.infer<typeof pruefpunktAntwortSchema>;
export type Mehrfacherfassung = NonNullable<PrecheckState['mehrfacherfassung']>;

/** Persons judged to be one person cannot be partly identisch and partly nichtIdentisch. */
export function groupContradicts(
  kandidaten: readonly Kandidat[],
  azrNummern: readonly string[],
): boolean {
  const arten = new Set(
    kandidaten
      .filter((k) => azrNummern.includes(k.azrNummer))
      .map((k) => k.entscheidung?.art)
      .filter((art) => art !== undefined),
  );
  return arten.size > 1;
}

/** A pre-check that has not searched yet. */
export function emptyPrecheckState(): PrecheckState {
  return {
    schemaVersion: PRECHECK_SCHEMA_VERSION,
    suche: null,
    kandidaten: [],
    mehrfacherfassung: null,
    geparkt: null,
    abweisung: null,
    verworfen: null,
  };
}

// ---- migration --------------------------------------------------------------------------------------

type Step = (state: Record<string, unknown>) => Record<string, unknown>;

/** Forward steps, one per schema version (n → n + 1); none yet. */
const steps: Readonly<Record<number, Step>> = {};

export class PrecheckSchemaTooNewError extends Error {
  constructor(readonly schemaVersion: number) {
    super(`pre-check schema version ${schemaVersion} is newer than ${PRECHECK_SCHEMA_VERSION}`);
    this.name = 'PrecheckSchemaTooNewError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a stored pre-check state (decrypted, untrusted): migrates older versions forward and
 * validates the shape and the invariants. A state newer than this build is refused rather than
 * guessed at; anything malformed throws the zod error.
 */
export function migratePrecheckState(stored: unknown): PrecheckState {
  if (!isRecord(stored) || typeof stored.schemaVersion !== 'number')
    return precheckStateSchema.parse(stored);
  const from = stored.schemaVersion;
  if (from > PRECHECK_SCHEMA_VERSION) throw new PrecheckSchemaTooNewError(from);
  let current = stored;
  for (let version = from; version < PRECHECK_SCHEMA_VERSION; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from pre-check schema version ${version}`);
    current = step(current);
  }
  return precheckStateSchema.parse(current);
}
