import type { RegisterFailure, RegisterFailureCode } from '../../../../shared/bridge/register';
import type { Fehlernachricht } from '../../../../shared/register-api';

// How a failed register call becomes one of the closed failure codes of shared/bridge/register.ts.
// Two sources: the transport (Node/undici error codes, Chromium's net::ERR_* names) and the
// register's own Fehlernachricht (090099) with the training register's fehlerschluessel.

type Fehlerschluessel = Fehlernachricht['fehlerfall'][number]['fehlerschluessel'];

/** Thrown by a host's fetch when no client certificate may be presented (none, or not chosen). */
export class CertificateUnavailableError extends Error {
  readonly code = 'ERR_REGISTER_NO_CLIENT_CERTIFICATE';
  constructor(message = 'no client certificate to present') {
    super(message);
    this.name = 'CertificateUnavailableError';
  }
}

/** Thrown by a host's TLS check when the server's chain does not end in a pinned register CA. */
export class ServerUntrustedError extends Error {
  readonly code = 'ERR_REGISTER_SERVER_UNTRUSTED';
  constructor(message = 'register server does not chain to a pinned CA') {
    super(message);
    this.name = 'ServerUntrustedError';
  }
}

export interface Classified {
  readonly code: RegisterFailureCode;
  /** Worth another attempt for a read: the connection or the server may be back a moment later. */
  readonly transient: boolean;
  /** Error codes only: never a message body, never personal data. */
  readonly detail: string;
}

const SERVER_UNTRUSTED_CODES = new Set([
  'ERR_REGISTER_SERVER_UNTRUSTED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  // A server below TLS 1.2 or without a TR-02102-2 suite is not the register we may talk to.
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
]);

const CERTIFICATE_MISSING_CODES = new Set([
  'ERR_REGISTER_NO_CLIENT_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
]);

const CERTIFICATE_REJECTED_CODES = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
]);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

/** Chromium's net errors as `session.fetch` reports them ("net::ERR_CONNECTION_REFUSED"). */
function classifyChromium(name: string): Classified | undefined {
  const detail = `net::${name}`;
  if (name === 'ERR_SSL_CLIENT_AUTH_CERT_NEEDED')
    return { code: 'CERTIFICATE_MISSING', transient: false, detail };
  if (
    name === 'ERR_BAD_SSL_CLIENT_AUTH_CERT' ||
    name.startsWith('ERR_SSL_CLIENT_AUTH_') ||
    name === 'ERR_SSL_BAD_RECORD_MAC_ALERT'
  )
    return { code: 'CERTIFICATE_REJECTED', transient: false, detail };
  if (
    name.startsWith('ERR_CERT_') ||
    name === 'ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN' ||
    name === 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH' ||
    name === 'ERR_SSL_PROTOCOL_ERROR' ||
    name === 'ERR_SSL_OBSOLETE_VERSION_OR_CIPHER'
  )
    return { code: 'SERVER_UNTRUSTED', transient: false, detail };
  if (
    /^ERR_(CONNECTION_|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|TIMED_OUT|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|EMPTY_RESPONSE|NETWORK_CHANGED|NETWORK_IO_SUSPENDED|SOCKET_NOT_CONNECTED|PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED)/.test(
      name,
    )
  )
    return { code: 'REGISTER_UNREACHABLE', transient: true, detail };
  return undefined;
}

/** The error and its `cause` chain (fetch wraps the socket error). */
function* chain(error: unknown): Generator<{ name?: string; code?: string; message?: string }> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    const record = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    yield {
      ...(typeof record.name === 'string' ? { name: record.name } : {}),
      ...(typeof record.code === 'string' ? { code: record.code } : {}),
      ...(typeof record.message === 'string' ? { message: record.message } : {}),
    };
    current = record.cause;
  }
}

export function classifyTransportError(error: unknown): Classified {
  for (const link of chain(error)) {
    if (link.name === 'TimeoutError' || link.name === 'AbortError')
      return { code: 'REGISTER_UNREACHABLE', transient: true, detail: 'TIMEOUT' };
    const code = link.code;
    if (code) {
      if (SERVER_UNTRUSTED_CODES.has(code))
        return { code: 'SERVER_UNTRUSTED', transient: false, detail: code };
      if (CERTIFICATE_MISSING_CODES.has(code))
        return { code: 'CERTIFICATE_MISSING', transient: false, detail: code };
      if (CERTIFICATE_REJECTED_CODES.has(code))
        return { code: 'CERTIFICATE_REJECTED', transient: false, detail: code };
      if (UNREACHABLE_CODES.has(code))
        return { code: 'REGISTER_UNREACHABLE', transient: true, detail: code };
    }
    const net = link.message?.match(/net::(ERR_[A-Z0-9_]+)/);
    if (net?.[1]) {
      const classified = classifyChromium(net[1]);
      if (classified) return classified;
    }
  }
  const first: { name?: string; code?: string } | undefined = [...chain(error)][0];
  return {
    code: 'REGISTER_UNREACHABLE',
    transient: false,
    detail: first?.code ?? first?.name ?? 'UNKNOWN',
  };
}

/** Which failure a register key stands for; the first matching key of a 090099 decides. */
const byKey: Record<Fehlerschluessel, RegisterFailureCode> = {
  ZERTIFIKAT_FEHLT: 'CERTIFICATE_MISSING',
  ZERTIFIKAT_UNGUELTIG: 'CERTIFICATE_REJECTED',
  BEHOERDE_UNBEKANNT: 'CERTIFICATE_REJECTED',
  ABRUFZWECK_NICHT_ZUGELASSEN: 'PURPOSE_NOT_ADMITTED',
  DIREKTEINGABE_NICHT_ZUGELASSEN: 'PURPOSE_NOT_ADMITTED',
  AZR_NUMMER_UNBEKANNT: 'AZR_NUMMER_UNKNOWN',
  BEHOERDE_PASST_NICHT_ZUM_ZERTIFIKAT: 'REGISTER_ERROR',
  PERSONALIEN_GLEICH: 'REGISTER_ERROR',
  REFERENZ_VERALTET: 'REGISTER_ERROR',
  LICHTBILD_NICHT_VORHANDEN: 'REGISTER_ERROR',
  AZR_NUMMER_UNGUELTIG: 'REGISTER_ERROR',
  NACHRICHT_UNGUELTIG: 'REGISTER_ERROR',
  IDEMPOTENZ_KONFLIKT: 'REGISTER_ERROR',
  INTERNER_FEHLER: 'REGISTER_ERROR',
};

/** Specific codes win over the catch-all, whatever order the register listed its cases in. */
const precedence: readonly RegisterFailureCode[] = [
  'CERTIFICATE_MISSING',
  'CERTIFICATE_REJECTED',
  'PURPOSE_NOT_ADMITTED',
  'AZR_NUMMER_UNKNOWN',
  'REGISTER_ERROR',
];

export function failureCodeOf(fehler: Fehlernachricht): RegisterFailureCode {
  const codes = new Set(fehler.fehlerfall.map((fall) => byKey[fall.fehlerschluessel]));
  return precedence.find((code) => codes.has(code)) ?? 'REGISTER_ERROR';
}

export function failureFromFehlernachricht(
  fehler: Fehlernachricht,
  status: number,
  code: RegisterFailureCode = failureCodeOf(fehler),
): RegisterFailure {
  return {
    code,
    registerFehler: fehler.fehlerfall.map((fall) => ({
      fehlerschluessel: fall.fehlerschluessel,
      fehlertext: fall.fehlertext,
    })),
    detail: `HTTP ${status}`,
  };
}

export const failure = (
  code: RegisterFailureCode,
  detail: string,
  registerFehler: RegisterFailure['registerFehler'] = [],
): RegisterFailure => ({ code, registerFehler, detail: detail.slice(0, 500) });
