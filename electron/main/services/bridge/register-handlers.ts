import { BridgeFailure } from '../../../../shared/bridge/result';
import type { ProtocolLog } from '../audit';
import type { CertificateService } from '../certificates';
import { CertificateChoiceError } from '../certificates';
import type { RegisterGateway } from '../register';
import { RegisterRequestError } from '../register';
import type { BridgeHandlers } from './dispatcher';

type RegisterChannels =
  | 'register.status'
  | 'register.anfrage'
  | 'register.lichtbild'
  | 'register.erstmeldung'
  | 'register.folgemeldung'
  | 'register.datenpflege'
  | 'register.mitteilungen'
  | 'certificate.status'
  | 'certificate.choose'
  | 'protocol.list'
  | 'protocol.export'
  | 'protocol.vorpruefung';

export interface RegisterHandlerDeps {
  readonly gateway: RegisterGateway;
  readonly certificates: CertificateService;
  readonly protocol: ProtocolLog;
  /** Offers the CSV to the caseworker (Electron: save dialog; browser host: its data folder). */
  readonly saveExport: (
    fileName: string,
    bytes: Uint8Array,
  ) => Promise<{ readonly location: string } | undefined>;
}

/** A request the gateway refuses to build is the caller's problem, not a crash of main. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RegisterRequestError)
      throw new BridgeFailure('INVALID_REQUEST', error.message);
    throw error;
  }
}

/**
 * Search and retrieval (issue 5): register calls answer with an outcome (answer or typed failure),
 * never throw for register problems; a host without the services says UNAVAILABLE.
 */
export function createRegisterHandlers(
  deps: RegisterHandlerDeps | undefined,
): Pick<BridgeHandlers, RegisterChannels> {
  if (!deps) {
    const unavailable = () => {
      throw new BridgeFailure('UNAVAILABLE', 'no register services in this host');
    };
    return {
      'register.status': unavailable,
      'register.anfrage': unavailable,
      'register.lichtbild': unavailable,
      'register.erstmeldung': unavailable,
      'register.folgemeldung': unavailable,
      'register.datenpflege': unavailable,
      'register.mitteilungen': unavailable,
      'certificate.status': unavailable,
      'certificate.choose': unavailable,
      'protocol.list': unavailable,
      'protocol.export': unavailable,
      'protocol.vorpruefung': unavailable,
    };
  }
  return {
    'register.status': () => deps.gateway.status(),
    'register.anfrage': (request) => guarded(() => deps.gateway.anfrage(request)),
    'register.lichtbild': (request) => guarded(() => deps.gateway.lichtbild(request)),
    // Meldungen (issue 7): the outbox's key goes out as the Idempotency-Key; caseworker and
    // authority are added by the gateway. One attempt per call: the outbox decides about repeats.
    'register.erstmeldung': ({ idempotencyKey, ...meldung }) =>
      guarded(() => deps.gateway.erstmeldung(meldung, idempotencyKey)),
    'register.folgemeldung': ({ idempotencyKey, ...meldung }) =>
      guarded(() => deps.gateway.folgemeldung(meldung, idempotencyKey)),
    'register.datenpflege': ({ idempotencyKey, ...anfrage }) =>
      guarded(() => deps.gateway.datenpflege(anfrage, idempotencyKey)),
    'register.mitteilungen': (page) => guarded(() => deps.gateway.mitteilungen(page ?? {})),
    'certificate.status': () => deps.certificates.status(),
    'certificate.choose': async ({ fingerprint }) => {
      try {
        const status = await deps.certificates.choose(fingerprint);
        // The Zulassung belongs to the certificate: ask again with the new one.
        deps.gateway.invalidate();
        return status;
      } catch (error) {
        if (error instanceof CertificateChoiceError)
          throw new BridgeFailure('INVALID_REQUEST', error.message);
        throw error;
      }
    },
    'protocol.list': (query) => deps.protocol.list(query),
    // The request was checked field by field at the bridge (no free text but the Geschäftszeichen);
    // only the Geschäftszeichen, the number and the compact decision reach the protocol.
    'protocol.vorpruefung': async ({ geschaeftszeichen, azrNummern, ergebnis }) => {
      const { time } = await deps.gateway.recordVorpruefung({
        geschaeftszeichen,
        azrNummern,
        ergebnis,
      });
      return { protokolliert: true, zeitpunkt: time };
    },
    'protocol.export': async (query) => {
      const exported = await deps.protocol.exportCsv(query);
      const saved = await deps.saveExport(exported.fileName, exported.bytes);
      if (!saved) return { status: 'cancelled' };
      return {
        status: 'saved',
        fileName: exported.fileName,
        location: saved.location,
        rows: exported.rows,
      };
    },
  };
}
