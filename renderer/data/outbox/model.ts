import { z } from 'zod';
import type { MeldungResponse } from '../../../shared/bridge/meldungen';
import {
  datenpflegeRequestSchema,
  erstmeldungRequestSchema,
  folgemeldungRequestSchema,
} from '../../../shared/bridge/meldungen';
import type { RegisterFailure } from '../../../shared/bridge/register';
import { registerFailureSchema } from '../../../shared/bridge/register';
import type { BridgeResult } from '../../../shared/bridge/result';
import { abrufzweckCode } from '../../../shared/register-api/common';
import type { Fehlernachricht, MeldungAntwort } from '../../../shared/register-api/messages';
import { bestaetigungMeldung, fehlernachricht } from '../../../shared/register-api/messages';

// The outbox's domain (issue 7, item 3): what an entry carries, the states it goes through, and how
// one answer of the bridge decides what happens next. Pure: the repository stores it, the worker
// acts on it, the Postausgang shows it.

export const outboxArten = ['erstmeldung', 'folgemeldung', 'datenpflege'] as const;
export type OutboxArt = (typeof outboxArten)[number];

/**
 * wartet → wird-gesendet → bestaetigt | abgelehnt | konflikt. A transient failure goes back to
 * wartet (with the next attempt's time); konflikt goes back to wartet only by the caseworker's
 * rebase, with a new idempotency key.
 */
export const outboxStatuses = [
  'wartet',
  'wird-gesendet',
  'bestaetigt',
  'abgelehnt',
  'konflikt',
] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const OFFENE_STATUS: ReadonlySet<OutboxStatus> = new Set(['wartet', 'wird-gesendet']);
export const ENTSCHIEDENE_STATUS: ReadonlySet<OutboxStatus> = new Set([
  'bestaetigt',
  'abgelehnt',
  'konflikt',
]);

/** A copy without the given keys (destructuring would leave unused bindings behind). */
export function omitKeys<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

/** The bridge's own request schemas: what the outbox stores is exactly what main will accept. */
const requestSchemas = {
  erstmeldung: erstmeldungRequestSchema,
  folgemeldung: folgemeldungRequestSchema,
  datenpflege: datenpflegeRequestSchema,
} as const;

type RequestOutput<A extends OutboxArt> = z.output<(typeof requestSchemas)[A]>;

/** A Meldung as stored: the bridge request of its art without the key (normalized by its schema). */
export type OutboxMeldung =
  | {
      readonly art: 'erstmeldung';
      readonly meldung: Omit<RequestOutput<'erstmeldung'>, 'idempotencyKey'>;
    }
  | {
      readonly art: 'folgemeldung';
      readonly meldung: Omit<RequestOutput<'folgemeldung'>, 'idempotencyKey'>;
    }
  | {
      readonly art: 'datenpflege';
      readonly meldung: Omit<RequestOutput<'datenpflege'>, 'idempotencyKey'>;
    };

/** The bridge request of one send: the stored Meldung plus the entry's key. */
export type OutboxSendRequest =
  | { readonly art: 'erstmeldung'; readonly request: z.input<typeof erstmeldungRequestSchema> }
  | { readonly art: 'folgemeldung'; readonly request: z.input<typeof folgemeldungRequestSchema> }
  | { readonly art: 'datenpflege'; readonly request: z.input<typeof datenpflegeRequestSchema> };

/** What the Postausgang shows of an entry besides the Meldung (encrypted like everything else). */
export interface OutboxAnzeige {
  /** "Familienname, Vornamen" of the person (a Folgemeldung may carry no Grundpersonalien). */
  readonly name: string;
}

/** What the pre-check hands to `enqueue`: the Meldung (without AnAZR and key) and its context. */
export type OutboxPayload = {
  readonly art: OutboxArt;
  /** The bridge request without `idempotencyKey` — and without AnAZR, which main adds. */
  readonly meldung: unknown;
  readonly anzeige: OutboxAnzeige;
  /**
   * The Abrufzweck the case's register search ran under: a conflict re-reads the record with it
   * (and the Meldung's Geschäftszeichen). Without one only Grunddaten come back.
   */
  readonly abrufzweck?: string;
};

export class OutboxPayloadError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`outbox payload does not match the bridge schema: ${issues.join('; ')}`);
    this.name = 'OutboxPayloadError';
  }
}

/**
 * Validates a Meldung with the bridge schema of its art (the key is a placeholder here: the entry's
 * own key is added at every send). Returns the normalized Meldung without key.
 */
export function parseMeldung(art: OutboxArt, meldung: unknown, key: string): OutboxMeldung {
  const input = typeof meldung === 'object' && meldung !== null ? meldung : {};
  const parsed = requestSchemas[art].safeParse({ ...input, idempotencyKey: key });
  if (!parsed.success)
    throw new OutboxPayloadError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(Meldung)'}: ${issue.message}`,
      ),
    );
  return { art, meldung: omitKeys(parsed.data, ['idempotencyKey']) } as OutboxMeldung;
}

export const anzeigeSchema = z.object({ name: z.string().max(400) }).strict();
export const optionalAbrufzweck = abrufzweckCode.optional();

/**
 * The builders of shared/precheck still produce AnAZR (durchfuehrenderSachbearbeiter,
 * durchfuehrendeBehoerde); main adds those itself and refuses a request that names them.
 */
export function ohneAnAzr<T extends object>(
  meldung: T,
): Omit<T, 'durchfuehrenderSachbearbeiter' | 'durchfuehrendeBehoerde'> {
  return omitKeys(
    meldung as T & { durchfuehrenderSachbearbeiter?: unknown; durchfuehrendeBehoerde?: unknown },
    ['durchfuehrenderSachbearbeiter', 'durchfuehrendeBehoerde'],
  );
}

/** The AZR-Nummern an entry writes to: entries that share one go strictly in order. */
export function targetsOf(meldung: OutboxMeldung): readonly string[] {
  switch (meldung.art) {
    case 'erstmeldung':
      return [];
    case 'folgemeldung':
      return [meldung.meldung.azrNummer];
    case 'datenpflege':
      return [...new Set(meldung.meldung.mehrfacherfassung.azrNummer)];
  }
}

export const geschaeftszeichenOf = (meldung: OutboxMeldung) => meldung.meldung.geschaeftszeichen;

// ---- outcomes ---------------------------------------------------------------------------------------

/**
 * What the register (or main, for a request it refuses to send) decided about an entry: the
 * reaction of the app (close the draft, reopen the wizard, re-key) is the onSettled callback's.
 */
export type OutboxOutcome =
  | {
      readonly status: 'bestaetigt';
      readonly antwort: z.infer<typeof bestaetigungMeldung>;
      /**
       * The Folgemeldung named a number the register has merged away; `antwort.azrNummer` is the
       * current one. Local references to this number are to be re-keyed.
       */
      readonly wegfallendeAzrNummer?: string;
    }
  | {
      readonly status: 'abgelehnt';
      /** § 5 Abs. 1 S. 4 AZRG-DV: persons with equal Grundpersonalien; see antwort.personalienGleich. */
      readonly grund: 'personalienGleich';
      readonly antwort: Fehlernachricht;
    }
  | { readonly status: 'abgelehnt'; readonly grund: 'register'; readonly antwort: Fehlernachricht }
  | {
      readonly status: 'abgelehnt';
      /** A definitive refusal without a 090099 answer (unknown number, not admitted, invalid). */
      readonly grund: 'fehler';
      readonly code: string;
      readonly registerFehler: RegisterFailure['registerFehler'];
    }
  | {
      readonly status: 'abgelehnt';
      /** An earlier entry of the same draft was rejected with personalienGleich: not sent at all. */
      readonly grund: 'vorgaenger';
      readonly vorgaengerId: string;
    }
  | {
      readonly status: 'konflikt';
      readonly grund: 'referenzVeraltet' | 'idempotenzKonflikt';
      readonly antwort: Fehlernachricht;
    };

export const outcomeSchema: z.ZodType<OutboxOutcome> = z.union([
  z
    .object({
      status: z.literal('bestaetigt'),
      antwort: bestaetigungMeldung,
      wegfallendeAzrNummer: z.string().optional(),
    })
    .strict(),
  z
    .object({
      status: z.literal('abgelehnt'),
      grund: z.enum(['personalienGleich', 'register']),
      antwort: fehlernachricht,
    })
    .strict(),
  z
    .object({
      status: z.literal('abgelehnt'),
      grund: z.literal('fehler'),
      code: z.string().min(1).max(60),
      registerFehler: registerFailureSchema.shape.registerFehler,
    })
    .strict(),
  z
    .object({
      status: z.literal('abgelehnt'),
      grund: z.literal('vorgaenger'),
      vorgaengerId: z.string().min(1),
    })
    .strict(),
  z
    .object({
      status: z.literal('konflikt'),
      grund: z.enum(['referenzVeraltet', 'idempotenzKonflikt']),
      antwort: fehlernachricht,
    })
    .strict(),
]);

/** One send's result as the worker sees it: settled, or send again later with the same key. */
export type SendVerdict =
  | { readonly kind: 'settled'; readonly outcome: OutboxOutcome }
  | {
      readonly kind: 'retry';
      /** A failure code for the list and the log (never personal data). */
      readonly code: string;
      /**
       * No answer came from the register at all (connection, 503, timeout): counts towards the
       * queue-wide pause, since every other entry would fail the same way.
       */
      readonly unreachable: boolean;
    };

/** Failures without an answer after which the register has certainly not acted: never resend. */
const DEFINITIVE_FAILURES: ReadonlySet<string> = new Set([
  // The register answered 090099 with AZR_NUMMER_UNBEKANNT (the gateway maps it to this code).
  'AZR_NUMMER_UNKNOWN',
  // Not admitted for Direkteingabe or for Abrufzweck 21 (register or policy): nothing was stored.
  'PURPOSE_NOT_ADMITTED',
]);

/** Failures where nothing at all reached the register: the queue pauses as a whole. */
const UNREACHABLE_FAILURES: ReadonlySet<string> = new Set(['REGISTER_UNREACHABLE']);

const KONFLIKT_SCHLUESSEL = {
  REFERENZ_VERALTET: 'referenzVeraltet',
  IDEMPOTENZ_KONFLIKT: 'idempotenzKonflikt',
} as const;

/** The register's 090099 for a Meldung, decided by its fehlerschluessel (most specific first). */
function judgeFehlernachricht(antwort: Fehlernachricht): SendVerdict {
  const schluessel = new Set(antwort.fehlerfall.map((fall) => fall.fehlerschluessel));
  if (schluessel.has('PERSONALIEN_GLEICH'))
    return {
      kind: 'settled',
      outcome: { status: 'abgelehnt', grund: 'personalienGleich', antwort },
    };
  for (const [key, grund] of Object.entries(KONFLIKT_SCHLUESSEL))
    if (schluessel.has(key as keyof typeof KONFLIKT_SCHLUESSEL))
      return { kind: 'settled', outcome: { status: 'konflikt', grund, antwort } };
  // A 500 INTERNER_FEHLER is not remembered under the key (test/sandbox server.ts: only answers
  // below 500 are), so the register has not acted: send again with the same key.
  if ([...schluessel].every((key) => key === 'INTERNER_FEHLER'))
    return { kind: 'retry', code: 'INTERNER_FEHLER', unreachable: false };
  return { kind: 'settled', outcome: { status: 'abgelehnt', grund: 'register', antwort } };
}

/**
 * Decides one send. Resending is always safe (the register answers a repeated key with its first
 * answer), settling wrongly is not (a Meldung thought lost would be sent again under a new key):
 * so every failure that does not prove the register's decision is "send again later".
 */
export function judgeSend(
  sent: OutboxMeldung,
  result: BridgeResult<MeldungResponse> | { readonly thrown: true },
): SendVerdict {
  if ('thrown' in result) return { kind: 'retry', code: 'UNAVAILABLE', unreachable: true };
  if (!result.ok) {
    // Main refused the request by its schema before sending: it would refuse it forever.
    if (result.error.code === 'INVALID_REQUEST')
      return {
        kind: 'settled',
        outcome: {
          status: 'abgelehnt',
          grund: 'fehler',
          code: 'INVALID_REQUEST',
          registerFehler: [],
        },
      };
    return {
      kind: 'retry',
      code: result.error.code,
      unreachable: result.error.code === 'UNAVAILABLE',
    };
  }
  const outcome = result.value;
  if (outcome.ergebnis === 'fehler') {
    const { code, registerFehler } = outcome.fehler;
    if (DEFINITIVE_FAILURES.has(code))
      return {
        kind: 'settled',
        outcome: { status: 'abgelehnt', grund: 'fehler', code, registerFehler },
      };
    return { kind: 'retry', code, unreachable: UNREACHABLE_FAILURES.has(code) };
  }
  return judgeAntwort(sent, outcome.antwort);
}

function judgeAntwort(sent: OutboxMeldung, antwort: MeldungAntwort): SendVerdict {
  if (antwort.nachrichtentyp === '090099') return judgeFehlernachricht(antwort);
  const merged =
    sent.art === 'folgemeldung' && sent.meldung.azrNummer !== antwort.azrNummer
      ? { wegfallendeAzrNummer: sent.meldung.azrNummer }
      : {};
  return { kind: 'settled', outcome: { status: 'bestaetigt', antwort, ...merged } };
}

// ---- backoff --------------------------------------------------------------------------------------

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** Per entry: 1 s, 2 s, 4 s … up to 5 minutes (before jitter). */
export const ENTRY_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };
/** The whole queue while the register is unreachable: short, so a returning register is used soon. */
export const QUEUE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

/**
 * Exponential backoff with full jitter (a uniform draw in [0, min(cap, base·2^(n−1)))): after an
 * outage, clients that failed together spread out instead of returning together.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(draw * ceiling);
}
