import { X509Certificate } from 'node:crypto';
import type { CertificateCandidate } from './rule';
import { sameFingerprint } from './rule';

// X.509 parsing with node:crypto, shared by both hosts: the Electron host gets PEM from Chromium's
// Certificate objects, the browser host reads the test PKI's files.

const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';
const ANY_EKU_OID = '2.5.29.37.0';

/** "C=DE\nO=x\nCN=y" (Node) as admins read it: "C=DE, O=x, CN=y". */
const distinguishedName = (name: string) => name.split('\n').join(', ');

export function describeCertificate(pem: string | Buffer): CertificateCandidate {
  const certificate = new X509Certificate(pem);
  const usages = certificate.keyUsage as string[] | undefined;
  return {
    fingerprint: certificate.fingerprint256,
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    clientAuth:
      usages === undefined || usages.includes(CLIENT_AUTH_OID) || usages.includes(ANY_EKU_OID),
  };
}

export const fingerprintOf = (pem: string | Buffer) => new X509Certificate(pem).fingerprint256;

export type ServerTrust = { readonly trusted: true } | { readonly trusted: false; reason: string };

export interface ServerChainInput {
  /** The server's chain as sent, leaf first (PEM). */
  readonly chain: readonly string[];
  /** CA certificates the host may use to complete the chain (e.g. the test CA in development). */
  readonly anchors: readonly string[];
  /** Policy `pinnedCaFingerprints`: the chain must end in one of these. */
  readonly pins: readonly string[];
  readonly hostname: string;
  readonly now: Date;
}

/**
 * Decides whether the register's server certificate is trustworthy without the OS trust store:
 * leaf valid now and for this host, every link signed by the next, ending in a CA whose SHA-256
 * fingerprint is pinned. Anchors only help to complete a chain; an anchor that is not pinned never
 * makes anything trusted. Used by the Electron session's certificate verify proc.
 */
export function verifyPinnedServerChain(input: ServerChainInput): ServerTrust {
  if (input.pins.length === 0) return { trusted: false, reason: 'no pinned register CA' };
  let parsed: X509Certificate[];
  try {
    parsed = input.chain.map((pem) => new X509Certificate(pem));
  } catch {
    return { trusted: false, reason: 'unreadable server certificate' };
  }
  const leaf = parsed[0];
  if (!leaf) return { trusted: false, reason: 'no server certificate' };
  const now = input.now.getTime();
  if (new Date(leaf.validTo).getTime() <= now || new Date(leaf.validFrom).getTime() > now)
    return { trusted: false, reason: 'server certificate not valid now' };
  const host = input.hostname.replace(/^\[|\]$/g, '');
  const matchesHost = /^[\d.]+$|:/.test(host) ? leaf.checkIP(host) : leaf.checkHost(host);
  if (!matchesHost) return { trusted: false, reason: 'server certificate not for this host' };

  const anchors = input.anchors.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });
  const isPinned = (certificate: X509Certificate) =>
    input.pins.some((pin) => sameFingerprint(pin, certificate.fingerprint256));

  // Walk up: at each step the issuer is the next sent certificate, or else an anchor.
  let current = leaf;
  for (let depth = 1; depth <= 5; depth += 1) {
    if (current !== leaf && isPinned(current)) return { trusted: true };
    const candidates = [...parsed.slice(depth), ...anchors];
    const issuer = candidates.find(
      (candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer) break;
    if (!issuer.ca) return { trusted: false, reason: 'issuer is not a CA' };
    if (new Date(issuer.validTo).getTime() <= now)
      return { trusted: false, reason: 'issuing CA expired' };
    if (issuer.fingerprint256 === current.fingerprint256) break;
    current = issuer;
  }
  if (current !== leaf && isPinned(current)) return { trusted: true };
  return { trusted: false, reason: 'server certificate does not chain to a pinned CA' };
}

/** Node's peer certificate as `tls` exposes it (`getPeerCertificate(true)`), just what we need. */
export interface PeerCertificateLike {
  readonly fingerprint256?: string;
  readonly issuerCertificate?: PeerCertificateLike;
}

/**
 * The pin check for a chain that Node/OpenSSL already verified against the trust anchors: one of
 * its certificates (usually the root) must be pinned.
 */
export function peerChainIsPinned(peer: PeerCertificateLike, pins: readonly string[]): boolean {
  const seen = new Set<string>();
  let current: PeerCertificateLike | undefined = peer;
  while (current?.fingerprint256 && !seen.has(current.fingerprint256)) {
    const fingerprint = current.fingerprint256;
    if (pins.some((pin) => sameFingerprint(pin, fingerprint))) return true;
    seen.add(fingerprint);
    current = current.issuerCertificate;
  }
  return false;
}
