import { session as electronSession } from 'electron';
import type { Certificate, Session } from 'electron';
import type { RegisterFetch } from '../services/register';
import { DISABLED_TLS12_CIPHER_SUITES, decideServerTrust } from '../services/register';

// All register traffic on one dedicated, in-memory session (architecture §4): TLS ≥ 1.2 with the
// TR-02102-2 suites, the server checked against the pinned register CA, the client certificate chosen
// by platform/certificates. Nothing of it is persisted: no cache, no cookies on disk.

/** Without "persist:" the partition lives in memory only. */
export const REGISTER_PARTITION = 'azr-register';

export interface RegisterSessionOptions {
  /** The register's host name (from policy); any other host is refused on this session. */
  readonly registerHost: () => string | undefined;
  readonly pins: () => readonly string[];
  /** CA certificates (PEM) that may complete the chain; development: the test CA. */
  readonly anchors: () => readonly string[];
  readonly now: () => Date;
  readonly onRejected?: (hostname: string, errorCode: number) => void;
}

export type SessionModule = Pick<typeof electronSession, 'fromPartition'>;

/** Leaf first, following Chromium's issuer links (a root links to itself or to nothing). */
function pemChain(certificate: Certificate | undefined): string[] {
  const chain: string[] = [];
  let current: Certificate | undefined = certificate;
  while (current?.data && chain.length < 6 && !chain.includes(current.data)) {
    chain.push(current.data);
    current = current.issuerCert;
  }
  return chain;
}

export function createRegisterSession(
  options: RegisterSessionOptions,
  sessions: SessionModule = electronSession,
): { readonly session: Session; readonly fetch: RegisterFetch } {
  const registerSession = sessions.fromPartition(REGISTER_PARTITION, { cache: false });
  registerSession.setSSLConfig({
    minVersion: 'tls1.2',
    disabledCipherSuites: [...DISABLED_TLS12_CIPHER_SUITES],
  });
  registerSession.setCertificateVerifyProc((request, callback) => {
    const result = decideServerTrust({
      hostname: request.hostname,
      registerHost: options.registerHost(),
      errorCode: request.errorCode,
      chain: pemChain(request.certificate),
      validatedChain: pemChain(request.validatedCertificate),
      anchors: options.anchors(),
      pins: options.pins(),
      now: options.now(),
    });
    if (result !== 0) options.onRejected?.(request.hostname, request.errorCode);
    callback(result);
  });
  // The register session never needs permissions of any kind.
  registerSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  return {
    session: registerSession,
    fetch: (url, init) =>
      registerSession.fetch(url, {
        method: init.method,
        headers: init.headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: init.signal,
        redirect: 'error',
        cache: 'no-store',
        credentials: 'omit',
      }),
  };
}
