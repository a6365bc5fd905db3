import type { z } from 'zod';
import type {
  AnfrageResponse,
  LichtbildResponse,
  ProtocolEntry,
  RegisterFailure,
  RegisterStatus,
} from '../../../../shared/bridge/register';
import { anfrageRequestSchema, lichtbildRequestSchema } from '../../../../shared/bridge/register';
import type {
  AnfrageAntwort,
  MeldungAntwort,
  RegisterOperation,
  Zulassung,
} from '../../../../shared/register-api';
import {
  errorResponse,
  IDEMPOTENCY_HEADER,
  registerOperations,
} from '../../../../shared/register-api';
import type { CertificateGate } from '../certificates';
import {
  classifyTransportError,
  failure,
  failureCodeOf,
  failureFromFehlernachricht,
} from './failures';

// The register gateway (architecture §2): adds who is asking (AnAZR), enforces the local purpose rule,
// sends with the injected fetch from the operation table, validates the answer with the same schema
// the training register uses, retries reads on transient failures, and writes one protocol entry per
// request. Register answers live in memory only: nothing here touches the disk or logs a payload.

/** The only part of a fetch Response the gateway reads. */
export interface RegisterHttpResponse {
  readonly status: number;
  text(): Promise<string>;
}

export interface RegisterRequestInit {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
}

/** Electron: the dedicated session's fetch; browser host: undici with the test certificate. */
export type RegisterFetch = (
  url: string,
  init: RegisterRequestInit,
) => Promise<RegisterHttpResponse>;

export type ProtocolEntryInput = Omit<ProtocolEntry, 'seq'>;

export interface ProtocolWriter {
  append(entry: ProtocolEntryInput): Promise<void>;
}

export type Outcome<T> =
  | { readonly ergebnis: 'antwort'; readonly antwort: T }
  | { readonly ergebnis: 'fehler'; readonly fehler: RegisterFailure };

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface RegisterGatewayDeps {
  /** Policy `registerUrl` (with the development default applied); '' = not set up. */
  readonly registerUrl: () => string;
  readonly fetch: RegisterFetch;
  /** The OS account of the caseworker: durchfuehrenderSachbearbeiter. */
  readonly userName: () => string;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly protocol: ProtocolWriter;
  /** Policy `admittedAbrufzwecke`: empty = whatever the register permits. */
  readonly admittedAbrufzwecke?: () => readonly string[];
  /** What the certificate service knows before a request is sent. */
  readonly certificateGate?: () => CertificateGate;
  /** Per attempt (default 15 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** How long `register.status` may answer from memory (default 5 s; the status bar polls). */
  readonly statusTtlMs?: number;
}

/** Reads may be repeated without effect; Meldungen never (a second one could create a person). */
const READS: ReadonlySet<RegisterOperation> = new Set([
  'anfrage',
  'lichtbild',
  'zulassung',
  'health',
  'mitteilungen',
]);

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

type AnfrageInput = z.input<typeof anfrageRequestSchema>;
type LichtbildInput = z.input<typeof lichtbildRequestSchema>;
type OperationInput<O extends RegisterOperation> = z.input<
  (typeof registerOperations)[O]['request']
>;
type OperationOutput<O extends RegisterOperation> = z.output<
  (typeof registerOperations)[O]['response']
>;
type WithoutAnAzr<T> = Omit<T, 'durchfuehrenderSachbearbeiter' | 'durchfuehrendeBehoerde'>;

export type ErstmeldungInput = WithoutAnAzr<OperationInput<'erstmeldung'>>;
export type FolgemeldungInput = WithoutAnAzr<OperationInput<'folgemeldung'>>;
export type DatenpflegeInput = WithoutAnAzr<OperationInput<'datenpflege'>>;

/** What the protocol keeps of a pre-check decision (validated at the bridge). */
export interface VorpruefungEntry {
  readonly geschaeftszeichen: string;
  readonly azrNummern: readonly string[];
  /** The decision's compact form, e.g. `nichtIdentisch:lichtbild+dokument`. */
  readonly ergebnis: string;
}

/** What the register accepts as Idempotency-Key: 8–200 visible ASCII characters (outbox: a UUID). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** A request the gateway itself refuses to build (a bug or a missing user name, not user input). */
export class RegisterRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegisterRequestError';
  }
}

export interface RegisterGateway {
  anfrage(request: AnfrageInput): Promise<AnfrageResponse>;
  lichtbild(request: LichtbildInput): Promise<LichtbildResponse>;
  /** Health check plus the Zulassung for our certificate, briefly cached. */
  status(): Promise<RegisterStatus>;
  zulassung(): Promise<Outcome<Zulassung>>;
  erstmeldung(meldung: ErstmeldungInput, idempotencyKey: string): Promise<Outcome<MeldungAntwort>>;
  folgemeldung(
    meldung: FolgemeldungInput,
    idempotencyKey: string,
  ): Promise<Outcome<MeldungAntwort>>;
  datenpflege(anfrage: DatenpflegeInput, idempotencyKey: string): Promise<Outcome<MeldungAntwort>>;
  mitteilungen(page?: {
    nach?: string | undefined;
    anzahl?: number | undefined;
  }): Promise<Outcome<OperationOutput<'mitteilungen'>>>;
  /**
   * Writes a pre-check decision into the protocol (no register request): who and for which
   * authority as for the register calls, the case, the candidate's number, the compact decision.
   */
  recordVorpruefung(entry: VorpruefungEntry): Promise<{ readonly time: string }>;
  /** Forget the cached Zulassung and status (certificate or address changed). */
  invalidate(): void;
}

/** Exponential backoff with equal jitter: half fixed, half random, so clients do not march in step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const unique = (values: readonly (string | undefined)[]) => [
  ...new Set(values.filter((value): value is string => value !== undefined)),
];

/** The AZR-Nummern an answer names: hits, the record (also its merged-away number), notices. */
function azrNummernOfAnswer(operation: RegisterOperation, antwort: unknown): string[] {
  if (operation === 'anfrage') {
    const answer = antwort as AnfrageAntwort;
    if (answer.nachrichtentyp === '090003')
      return answer.trefferPersonaliensuche.map((treffer) => treffer.azrNummer);
    if (answer.nachrichtentyp === '090004')
      return unique([answer.azrNummer, answer.alteAZRNummerDerAnfrage]);
    return [];
  }
  if (operation === 'lichtbild') return [(antwort as OperationOutput<'lichtbild'>).azrNummer];
  if (operation === 'mitteilungen')
    return (antwort as OperationOutput<'mitteilungen'>).mitteilungen.flatMap((mitteilung) =>
      unique([mitteilung.azrNummer, mitteilung.wegfallendeAzrNummer]),
    );
  if (operation === 'erstmeldung' || operation === 'folgemeldung' || operation === 'datenpflege') {
    const answer = antwort as MeldungAntwort;
    return answer.nachrichtentyp === '090098'
      ? unique([answer.azrNummer, ...answer.personalienAehnlich])
      : answer.personalienGleich;
  }
  return [];
}

/** The numbers a Meldung's Hinweise auf Personenverschiedenheit name. */
const linkedNummern = (links: readonly { readonly nichtIdentischMit: string }[] | undefined) =>
  (links ?? []).map((link) => link.nichtIdentischMit);

function resultCode(operation: RegisterOperation, antwort: unknown): string {
  const typ = (antwort as { nachrichtentyp?: unknown }).nachrichtentyp;
  if (typeof typ === 'string') return typ;
  return registerOperations[operation].nachricht ?? 'OK';
}

interface SendOptions {
  readonly idempotencyKey?: string;
  /** For the protocol: the request's purpose, file reference and AZR-Nummern. */
  readonly context: {
    readonly abrufzweck?: string | undefined;
    readonly geschaeftszeichen?: string | undefined;
    readonly azrNummern: readonly string[];
  };
  readonly behoerde: string;
}

export function createRegisterGateway(deps: RegisterGatewayDeps): RegisterGateway {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const statusTtlMs = deps.statusTtlMs ?? 5_000;
  let zulassungCache: { url: string; zulassung: Zulassung } | undefined;
  let statusCache: { at: number; status: RegisterStatus } | undefined;
  let statusInFlight: Promise<RegisterStatus> | undefined;

  const certificateFailure = (): RegisterFailure | undefined => {
    const gate = deps.certificateGate?.();
    if (gate === 'missing')
      return failure('CERTIFICATE_MISSING', 'no eligible client certificate in the keystore');
    if (gate === 'choice-needed')
      return failure('CERTIFICATE_MISSING', 'client certificate must be chosen by the user');
    return undefined;
  };

  /** One HTTP exchange, validated; transient failures come back marked for the retry loop. */
  async function attempt<O extends RegisterOperation>(
    operation: O,
    url: string,
    init: Omit<RegisterRequestInit, 'signal'>,
  ): Promise<{ outcome: Outcome<OperationOutput<O>>; transient: boolean }> {
    const spec = registerOperations[operation];
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await deps.fetch(url, { ...init, signal });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const classified = classifyTransportError(error);
      return {
        outcome: { ergebnis: 'fehler', fehler: failure(classified.code, classified.detail) },
        transient: classified.transient,
      };
    }
    const transientStatus = status === 502 || status === 503 || status === 504;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // A gateway in front of the register may answer 502–504 with HTML: still just "not there".
      if (transientStatus)
        return {
          outcome: {
            ergebnis: 'fehler',
            fehler: failure('REGISTER_UNREACHABLE', `HTTP ${status}`),
          },
          transient: true,
        };
      return {
        outcome: {
          ergebnis: 'fehler',
          fehler: failure('MALFORMED_ANSWER', `HTTP ${status}: not JSON`),
        },
        transient: false,
      };
    }
    if (status === 200) {
      const parsed = spec.response.safeParse(body);
      if (parsed.success)
        return {
          outcome: { ergebnis: 'antwort', antwort: parsed.data as OperationOutput<O> },
          transient: false,
        };
      return {
        outcome: {
          ergebnis: 'fehler',
          fehler: failure('MALFORMED_ANSWER', 'HTTP 200: answer does not match the schema'),
        },
        transient: false,
      };
    }
    const fehler = errorResponse.safeParse(body);
    if (transientStatus) {
      return {
        outcome: {
          ergebnis: 'fehler',
          fehler: fehler.success
            ? failureFromFehlernachricht(fehler.data, status, 'REGISTER_UNREACHABLE')
            : failure('REGISTER_UNREACHABLE', `HTTP ${status}`),
        },
        transient: true,
      };
    }
    if (!fehler.success) {
      const code = status === 401 || status === 403 ? 'CERTIFICATE_REJECTED' : 'REGISTER_ERROR';
      return {
        outcome: { ergebnis: 'fehler', fehler: failure(code, `HTTP ${status}`) },
        transient: false,
      };
    }
    // A rejected Meldung is an answer of its own (090099 belongs to meldungAntwort, e.g. the § 5
    // personalienGleich list); only certificate, purpose and number problems are failures.
    const code = failureCodeOf(fehler.data);
    if (!READS.has(operation) && code === 'REGISTER_ERROR') {
      const parsed = spec.response.safeParse(fehler.data);
      if (parsed.success)
        return {
          outcome: { ergebnis: 'antwort', antwort: parsed.data as OperationOutput<O> },
          transient: false,
        };
    }
    return {
      outcome: {
        ergebnis: 'fehler',
        fehler: failureFromFehlernachricht(fehler.data, status, code),
      },
      transient: false,
    };
  }

  /** Sends one operation with retries for reads; no protocol here (the callers know the context). */
  async function exchange<O extends RegisterOperation>(
    operation: O,
    input: unknown,
    idempotencyKey?: string,
  ): Promise<Outcome<OperationOutput<O>>> {
    const base = deps.registerUrl().replace(/\/+$/, '');
    if (!base)
      return { ergebnis: 'fehler', fehler: failure('REGISTER_UNREACHABLE', 'registerUrl not set') };
    const blocked = certificateFailure();
    if (blocked) return { ergebnis: 'fehler', fehler: blocked };
    const spec = registerOperations[operation];
    if (spec.idempotent && (idempotencyKey === undefined || !IDEMPOTENCY_KEY.test(idempotencyKey)))
      throw new RegisterRequestError(`${operation}: a Meldung needs a valid Idempotency-Key`);
    const request = spec.request.safeParse(input);
    if (!request.success)
      throw new RegisterRequestError(`${operation}: request does not match the register schema`);
    const headers: Record<string, string> = { accept: 'application/json' };
    let url = `${base}${spec.path}`;
    let body: string | undefined;
    if (spec.method === 'GET') {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(request.data as Record<string, unknown>))
        if (typeof value === 'string' || typeof value === 'number') query.set(key, String(value));
      if ([...query.keys()].length > 0) url += `?${query.toString()}`;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.data);
    }
    if (idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
    const init = { method: spec.method, headers, ...(body !== undefined ? { body } : {}) };
    const attempts = READS.has(operation) ? retry.attempts : 1;
    let last: Outcome<OperationOutput<O>> | undefined;
    for (let n = 1; n <= attempts; n += 1) {
      const { outcome, transient } = await attempt(operation, url, init);
      last = outcome;
      if (!transient || n === attempts) break;
      await deps.sleep(backoffDelay(n, retry, deps.random));
    }
    if (!last) throw new Error('unreachable: at least one attempt');
    // Electron holds a handshake open while the user picks a certificate: the timeout that follows
    // is the missing choice, not the network.
    if (last.ergebnis === 'fehler' && last.fehler.code === 'REGISTER_UNREACHABLE') {
      const blockedNow = certificateFailure();
      if (blockedNow) return { ergebnis: 'fehler', fehler: blockedNow };
    }
    return last;
  }

  async function record(
    operation: ProtocolEntry['operation'],
    options: SendOptions,
    outcome: Outcome<unknown>,
    answerOperation: RegisterOperation,
  ) {
    await deps.protocol.append({
      time: deps.now().toISOString(),
      user: deps.userName(),
      behoerde: options.behoerde,
      operation,
      ...(options.context.abrufzweck ? { abrufzweck: options.context.abrufzweck } : {}),
      ...(options.context.geschaeftszeichen
        ? { geschaeftszeichen: options.context.geschaeftszeichen }
        : {}),
      azrNummern: unique([
        ...options.context.azrNummern,
        ...(outcome.ergebnis === 'antwort'
          ? azrNummernOfAnswer(answerOperation, outcome.antwort)
          : []),
      ]),
      ergebnis:
        outcome.ergebnis === 'antwort'
          ? resultCode(answerOperation, outcome.antwort)
          : outcome.fehler.code,
    });
  }

  async function zulassung(): Promise<Outcome<Zulassung>> {
    const url = deps.registerUrl();
    if (zulassungCache && zulassungCache.url === url)
      return { ergebnis: 'antwort', antwort: zulassungCache.zulassung };
    const outcome = await exchange('zulassung', {});
    await record(
      'zulassung',
      {
        behoerde: outcome.ergebnis === 'antwort' ? outcome.antwort.behoerdenkennzeichen : '',
        context: { azrNummern: [] },
      },
      outcome,
      'zulassung',
    );
    if (outcome.ergebnis === 'antwort') zulassungCache = { url, zulassung: outcome.antwort };
    return outcome;
  }

  /** AnAZR, the purpose rule, the exchange and its protocol entry: the path of every operation. */
  async function send<O extends RegisterOperation>(
    operation: O & ProtocolEntry['operation'],
    message: Record<string, unknown>,
    context: SendOptions['context'],
    idempotencyKey?: string,
  ): Promise<Outcome<OperationOutput<O>>> {
    const admitted = deps.admittedAbrufzwecke?.() ?? [];
    if (
      context.abrufzweck !== undefined &&
      admitted.length > 0 &&
      !admitted.includes(context.abrufzweck)
    ) {
      const refused: Outcome<OperationOutput<O>> = {
        ergebnis: 'fehler',
        fehler: failure('PURPOSE_NOT_ADMITTED', 'Abrufzweck not offered by policy'),
      };
      await record(
        operation,
        { behoerde: zulassungCache?.zulassung.behoerdenkennzeichen ?? '', context },
        refused,
        operation,
      );
      return refused;
    }
    const admission = await zulassung();
    if (admission.ergebnis === 'fehler') {
      const outcome: Outcome<OperationOutput<O>> = admission;
      await record(operation, { behoerde: '', context }, outcome, operation);
      return outcome;
    }
    const behoerde = admission.antwort.behoerdenkennzeichen;
    const userName = deps.userName().trim();
    if (!userName)
      throw new RegisterRequestError('no OS user name for durchfuehrenderSachbearbeiter');
    const outcome = await exchange(
      operation,
      { durchfuehrenderSachbearbeiter: userName, durchfuehrendeBehoerde: behoerde, ...message },
      idempotencyKey,
    );
    // The register refusing our certificate may mean it changed: ask for the Zulassung again next time.
    if (
      outcome.ergebnis === 'fehler' &&
      (outcome.fehler.code === 'CERTIFICATE_REJECTED' ||
        outcome.fehler.code === 'CERTIFICATE_MISSING')
    )
      zulassungCache = undefined;
    await record(operation, { behoerde, context }, outcome, operation);
    return outcome;
  }

  async function freshStatus(): Promise<RegisterStatus> {
    const registerUrl = deps.registerUrl();
    const geprueftAm = deps.now().toISOString();
    const health = await exchange('health', {});
    if (health.ergebnis === 'fehler')
      return { registerUrl, erreichbar: false, geprueftAm, fehler: health.fehler };
    const admission = await zulassung();
    if (admission.ergebnis === 'fehler')
      return { registerUrl, erreichbar: true, geprueftAm, fehler: admission.fehler };
    return { registerUrl, erreichbar: true, geprueftAm, zulassung: admission.antwort };
  }

  return {
    async anfrage(input) {
      const request = anfrageRequestSchema.parse(input);
      const kriterium = request.anfrageAZR;
      return send('anfrage', request, {
        abrufzweck: request.abrufzweck,
        geschaeftszeichen: request.geschaeftszeichen,
        azrNummern: 'azrNummer' in kriterium ? [kriterium.azrNummer] : [],
      });
    },
    async lichtbild(input) {
      const request = lichtbildRequestSchema.parse(input);
      return send('lichtbild', request, {
        abrufzweck: request.abrufzweck,
        geschaeftszeichen: request.geschaeftszeichen,
        azrNummern: [request.azrNummer],
      });
    },
    zulassung,
    status() {
      const now = deps.now().getTime();
      if (statusCache && now - statusCache.at < statusTtlMs)
        return Promise.resolve(statusCache.status);
      // Several windows or a fast poll share one check instead of queueing more.
      statusInFlight ??= freshStatus()
        .then((status) => {
          statusCache = { at: deps.now().getTime(), status };
          return status;
        })
        .finally(() => {
          statusInFlight = undefined;
        });
      return statusInFlight;
    },
    // Meldungen go out exactly once per call (not in READS): a lost answer is the outbox's to
    // resend, with the same Idempotency-Key, so the register answers it with its first answer.
    erstmeldung: (meldung, key) =>
      send(
        'erstmeldung',
        meldung,
        {
          geschaeftszeichen: meldung.geschaeftszeichen,
          azrNummern: linkedNummern(meldung.nichtIdentischMit),
        },
        key,
      ),
    folgemeldung: (meldung, key) =>
      send(
        'folgemeldung',
        meldung,
        {
          geschaeftszeichen: meldung.geschaeftszeichen,
          azrNummern: [meldung.azrNummer, ...linkedNummern(meldung.nichtIdentischMit)],
        },
        key,
      ),
    datenpflege: (anfrage, key) =>
      send(
        'datenpflege',
        anfrage,
        {
          abrufzweck: anfrage.abrufzweck,
          geschaeftszeichen: anfrage.geschaeftszeichen,
          azrNummern: anfrage.mehrfacherfassung.azrNummer,
        },
        key,
      ),
    async mitteilungen(page = {}) {
      // GET without AnAZR: the certificate names the authority. The Zulassung (usually from
      // memory) tells the protocol which one that is.
      const admission = await zulassung();
      if (admission.ergebnis === 'fehler') {
        await record(
          'mitteilungen',
          { behoerde: '', context: { azrNummern: [] } },
          admission,
          'mitteilungen',
        );
        return admission;
      }
      const query = {
        ...(page.nach !== undefined ? { nach: page.nach } : {}),
        ...(page.anzahl !== undefined ? { anzahl: page.anzahl } : {}),
      };
      const outcome = await exchange('mitteilungen', query);
      await record(
        'mitteilungen',
        { behoerde: admission.antwort.behoerdenkennzeichen, context: { azrNummern: [] } },
        outcome,
        'mitteilungen',
      );
      return outcome;
    },
    async recordVorpruefung(entry) {
      // A local decision, not a request: no network, so the authority is the one known from the
      // search that preceded it ('' if the Zulassung was never fetched or was forgotten).
      const time = deps.now().toISOString();
      await deps.protocol.append({
        time,
        user: deps.userName().trim(),
        behoerde:
          zulassungCache?.url === deps.registerUrl()
            ? zulassungCache.zulassung.behoerdenkennzeichen
            : '',
        operation: 'vorpruefung',
        geschaeftszeichen: entry.geschaeftszeichen,
        azrNummern: unique(entry.azrNummern),
        ergebnis: entry.ergebnis,
      });
      return { time };
    },
    invalidate() {
      zulassungCache = undefined;
      statusCache = undefined;
    },
  };
}
