import type { CertificateStatus as DiagnosticsCertificateStatus } from '../diagnostics/export';
import type { CertificateService } from './service';

/** The certificate part of the diagnostics zip: state and expiry only, never subject or issuer. */
export async function certificateForDiagnostics(
  service: CertificateService,
): Promise<DiagnosticsCertificateStatus> {
  const status = await service.status();
  if (status.inUse)
    return { status: 'ausgewählt', issuerMatched: true, notAfter: status.inUse.validTo };
  const selection = service.current();
  const rejected = selection?.rejected ?? [];
  if (rejected.some((entry) => entry.reason === 'expired'))
    return { status: 'abgelaufen', issuerMatched: true };
  return {
    status: 'keines gefunden',
    issuerMatched:
      status.candidates.length > 0 || rejected.some((entry) => entry.reason !== 'wrong-issuer'),
  };
}
