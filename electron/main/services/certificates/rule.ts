import type { CertificateInfo, CertificateStatus } from '../../../../shared/bridge/register';

// The rule that decides which client certificate azr-desk presents to the register (architecture §4:
// "client certificate chosen by policy (issuer filter, remembered fingerprint, expiry), never a
// silent fallback to another certificate"). Pure: the keystore's list, the policy, the remembered
// choice and the clock come in; a decision comes out. Both hosts and the Electron
// `select-client-certificate` handler go through it.

/** The certificate warning shows this many days before expiry (state 'expiring'). */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One certificate of the keystore, described independently of where it came from. */
export interface CertificateCandidate extends CertificateInfo {
  /**
   * Whether the extended key usage permits TLS client authentication. Absent EKU means unrestricted
   * (RFC 5280 §4.2.1.12) and counts as true.
   */
  readonly clientAuth: boolean;
}

export type RejectionReason = 'wrong-issuer' | 'no-client-auth' | 'expired' | 'not-yet-valid';

export interface Rejected {
  readonly certificate: CertificateCandidate;
  readonly reason: RejectionReason;
}

export interface SelectionInput {
  readonly candidates: readonly CertificateCandidate[];
  /** Policy `clientCertificateIssuer`: part of the issuer name; empty = every issuer. */
  readonly issuerFilter: string;
  /** The fingerprint the user chose earlier, if any. */
  readonly remembered: string | undefined;
  readonly now: Date;
}

export type Selection =
  | {
      readonly kind: 'selected';
      readonly certificate: CertificateCandidate;
      /** 'only': the single eligible one; 'remembered': the user's earlier choice. */
      readonly because: 'only' | 'remembered';
      readonly eligible: readonly CertificateCandidate[];
      readonly rejected: readonly Rejected[];
    }
  | {
      /** The user must pick: several eligible, or the remembered one is gone. */
      readonly kind: 'choice-needed';
      readonly eligible: readonly CertificateCandidate[];
      readonly rejected: readonly Rejected[];
      readonly rememberedGone: boolean;
    }
  | {
      readonly kind: 'none';
      readonly rejected: readonly Rejected[];
      readonly rememberedGone: boolean;
    };

/**
 * Issuer names come in different spellings ("C=DE, O=x, CN=y", "CN=y,O=x,C=DE", Chromium's bare
 * common name); compare case-insensitively with whitespace around separators removed.
 */
const normaliseName = (name: string) =>
  name
    .toLowerCase()
    .replace(/\s*([,=/+])\s*/g, '$1')
    .trim();

export function issuerMatches(issuer: string, filter: string): boolean {
  const wanted = normaliseName(filter);
  if (wanted === '') return true;
  const have = normaliseName(issuer);
  // "CN=Test-DOI-CA" must match the RDN, also at the start of a "C=DE,...,CN=Test-DOI-CA" string.
  return have.includes(wanted);
}

function rejectionOf(
  certificate: CertificateCandidate,
  issuerFilter: string,
  now: Date,
): RejectionReason | undefined {
  if (!issuerMatches(certificate.issuer, issuerFilter)) return 'wrong-issuer';
  if (!certificate.clientAuth) return 'no-client-auth';
  if (new Date(certificate.validTo).getTime() <= now.getTime()) return 'expired';
  if (new Date(certificate.validFrom).getTime() > now.getTime()) return 'not-yet-valid';
  return undefined;
}

export const sameFingerprint = (a: string, b: string) =>
  a.replace(/:/g, '').toUpperCase() === b.replace(/:/g, '').toUpperCase();

export function selectClientCertificate(input: SelectionInput): Selection {
  const eligible: CertificateCandidate[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const certificate of input.candidates) {
    // A certificate in two stores (user and machine) is still one certificate.
    if (seen.has(certificate.fingerprint)) continue;
    seen.add(certificate.fingerprint);
    const reason = rejectionOf(certificate, input.issuerFilter, input.now);
    if (reason) rejected.push({ certificate, reason });
    else eligible.push(certificate);
  }
  if (input.remembered !== undefined) {
    const remembered = input.remembered;
    const match = eligible.find((certificate) =>
      sameFingerprint(certificate.fingerprint, remembered),
    );
    if (match)
      return { kind: 'selected', certificate: match, because: 'remembered', eligible, rejected };
    // The remembered one expired or was removed: another certificate is a new decision of the user,
    // even when it is the only one left (never a silent fallback).
    if (eligible.length === 0) return { kind: 'none', rejected, rememberedGone: true };
    return { kind: 'choice-needed', eligible, rejected, rememberedGone: true };
  }
  const [only, ...more] = eligible;
  if (only && more.length === 0)
    return { kind: 'selected', certificate: only, because: 'only', eligible, rejected };
  if (only) return { kind: 'choice-needed', eligible, rejected, rememberedGone: false };
  return { kind: 'none', rejected, rememberedGone: false };
}

/** Whole days until `validTo`, rounded down (0 on the last day). */
export function daysLeft(certificate: CertificateInfo, now: Date): number {
  return Math.floor((new Date(certificate.validTo).getTime() - now.getTime()) / DAY_MS);
}

const info = (certificate: CertificateCandidate): CertificateInfo => ({
  fingerprint: certificate.fingerprint,
  subject: certificate.subject,
  issuer: certificate.issuer,
  validFrom: certificate.validFrom,
  validTo: certificate.validTo,
});

/** What `certificate.status` answers for a selection. */
export function toCertificateStatus(
  selection: Selection,
  now: Date,
  restartRequired = false,
): CertificateStatus {
  switch (selection.kind) {
    case 'selected': {
      const left = daysLeft(selection.certificate, now);
      return {
        inUse: info(selection.certificate),
        candidates: selection.eligible.map(info),
        daysLeft: left,
        state: left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'ok',
        restartRequired,
      };
    }
    case 'choice-needed':
      return {
        candidates: selection.eligible.map(info),
        state: 'choice-needed',
        restartRequired,
      };
    case 'none':
      return { candidates: [], state: 'none', restartRequired };
  }
}
