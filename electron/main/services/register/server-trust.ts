import { verifyPinnedServerChain } from '../certificates';

// The decision of the register session's certificate verify proc (Electron's
// `setCertificateVerifyProc`), kept here so it is testable without Electron. Chromium's own
// verification runs first; the pin is always required on top (domain.md §6: "the OS default trust
// is not enough").

/** Results the verify proc passes back to Chromium. */
export const VERIFY_ACCEPT = 0;
export const VERIFY_REJECT = -2;

/** net::ERR_CERT_AUTHORITY_INVALID: the chain is fine except that no OS root vouches for it. */
const ERR_CERT_AUTHORITY_INVALID = -202;

export interface ServerTrustRequest {
  readonly hostname: string;
  /** The register's host name as configured; any other host is refused on this session. */
  readonly registerHost: string | undefined;
  /** Chromium's verdict: 0 = verified against the OS roots, else a net error number. */
  readonly errorCode: number;
  /** The chain as the server sent it, leaf first (PEM). */
  readonly chain: readonly string[];
  /** The chain Chromium built (up to an OS root) when it verified it, leaf first (PEM). */
  readonly validatedChain: readonly string[];
  readonly anchors: readonly string[];
  readonly pins: readonly string[];
  readonly now: Date;
}

export function decideServerTrust(request: ServerTrustRequest): number {
  const host = request.hostname.replace(/^\[|\]$/g, '');
  if (!request.registerHost || host !== request.registerHost.replace(/^\[|\]$/g, ''))
    return VERIFY_REJECT;
  const check = (chain: readonly string[]) =>
    verifyPinnedServerChain({
      chain,
      anchors: request.anchors,
      pins: request.pins,
      hostname: host,
      now: request.now,
    }).trusted;
  // Verified by the OS (e.g. the DOI-CA root rolled out by GPO): the built chain must hold a pin.
  if (request.errorCode === 0)
    return check(request.validatedChain) || check(request.chain) ? VERIFY_ACCEPT : VERIFY_REJECT;
  // Only "unknown authority" may be overruled, and only by a pinned anchor; expired, revoked or
  // wrong-name certificates stay refused whatever is pinned.
  if (request.errorCode === ERR_CERT_AUTHORITY_INVALID)
    return check(request.chain) ? VERIFY_ACCEPT : VERIFY_REJECT;
  return VERIFY_REJECT;
}
