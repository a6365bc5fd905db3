export type {
  CertificateCandidate,
  Rejected,
  RejectionReason,
  Selection,
  SelectionInput,
} from './rule';
export {
  EXPIRY_WARNING_DAYS,
  daysLeft,
  issuerMatches,
  sameFingerprint,
  selectClientCertificate,
  toCertificateStatus,
} from './rule';
export type {
  CertificateGate,
  CertificateService,
  CertificateServiceDeps,
  RememberedCertificateStore,
} from './service';
export {
  CertificateChoiceError,
  createCertificateService,
  createFileCertificateStore,
} from './service';
export type { PeerCertificateLike, ServerChainInput, ServerTrust } from './x509';
export {
  describeCertificate,
  fingerprintOf,
  peerChainIsPinned,
  verifyPinnedServerChain,
} from './x509';
export { certificateForDiagnostics } from './diagnostics';
