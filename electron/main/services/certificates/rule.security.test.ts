import { describe, expect, it } from 'vitest';
import type { CertificateCandidate } from './rule';
import {
  EXPIRY_WARNING_DAYS,
  issuerMatches,
  selectClientCertificate,
  toCertificateStatus,
} from './rule';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TEST_CA = 'C=DE, O=azr-desk Testumgebung, CN=Test-DOI-CA';

let counter = 0;
/** A certificate of the keystore; by default eligible under the Test-DOI-CA filter. */
function cert(overrides: Partial<CertificateCandidate> = {}): CertificateCandidate {
  counter += 1;
  const hex = counter.toString(16).padStart(2, '0').toUpperCase();
  return {
    fingerprint: Array.from({ length: 32 }, () => hex).join(':'),
    subject: `C=DE, O=ABH Musterstadt, CN=Zugang ${counter}`,
    issuer: TEST_CA,
    validFrom: new Date(NOW.getTime() - 10 * DAY).toISOString(),
    validTo: new Date(NOW.getTime() + 200 * DAY).toISOString(),
    clientAuth: true,
    ...overrides,
  };
}

const select = (
  candidates: CertificateCandidate[],
  remembered?: string,
  issuerFilter = 'CN=Test-DOI-CA',
) => selectClientCertificate({ candidates, issuerFilter, remembered, now: NOW });

describe('Auswahl des Behördenzertifikats', () => {
  it('ohne Zertifikat im Speicher: keines, nichts wird gewählt', () => {
    expect(select([])).toEqual({ kind: 'none', rejected: [], rememberedGone: false });
  });

  it('genau ein passendes Zertifikat wird ohne Rückfrage verwendet', () => {
    const only = cert();
    const selection = select([only]);
    expect(selection).toMatchObject({ kind: 'selected', certificate: only, because: 'only' });
  });

  it('bei mehreren passenden fragt azr-desk einmal nach und wählt nicht selbst', () => {
    const a = cert();
    const b = cert();
    const selection = select([a, b]);
    expect(selection).toMatchObject({
      kind: 'choice-needed',
      eligible: [a, b],
      rememberedGone: false,
    });
  });

  it('die gemerkte Wahl wird wiederverwendet, auch wenn es mehrere gibt', () => {
    const a = cert();
    const b = cert();
    expect(select([a, b], b.fingerprint)).toMatchObject({
      kind: 'selected',
      certificate: b,
      because: 'remembered',
    });
  });

  it('die gemerkte Wahl wird auch in anderer Schreibweise des Fingerabdrucks erkannt', () => {
    const a = cert();
    const b = cert();
    const plain = b.fingerprint.replace(/:/g, '').toLowerCase();
    expect(select([a, b], plain)).toMatchObject({ kind: 'selected', certificate: b });
  });

  it('ist die gemerkte Wahl verschwunden, wird auch ein einzelnes anderes nicht still genommen', () => {
    const other = cert();
    expect(select([other], cert().fingerprint)).toMatchObject({
      kind: 'choice-needed',
      eligible: [other],
      rememberedGone: true,
    });
  });

  it('ist die gemerkte Wahl verschwunden und nichts passt mehr: keines', () => {
    expect(select([cert({ issuer: 'CN=Fremde CA' })], cert().fingerprint)).toMatchObject({
      kind: 'none',
      rememberedGone: true,
    });
  });

  it('eine gemerkte, inzwischen abgelaufene Wahl gilt als verschwunden', () => {
    const expired = cert({ validTo: new Date(NOW.getTime() - DAY).toISOString() });
    const fresh = cert();
    expect(select([expired, fresh], expired.fingerprint)).toMatchObject({
      kind: 'choice-needed',
      eligible: [fresh],
      rememberedGone: true,
    });
  });

  it('abgelaufene Zertifikate werden nie angeboten', () => {
    const expired = cert({ validTo: new Date(NOW.getTime() - 1000).toISOString() });
    expect(select([expired])).toEqual({
      kind: 'none',
      rejected: [{ certificate: expired, reason: 'expired' }],
      rememberedGone: false,
    });
  });

  it('noch nicht gültige Zertifikate werden nie angeboten', () => {
    const future = cert({ validFrom: new Date(NOW.getTime() + DAY).toISOString() });
    expect(select([future])).toMatchObject({
      kind: 'none',
      rejected: [{ reason: 'not-yet-valid' }],
    });
  });

  it('Zertifikate eines anderen Ausstellers werden nie angeboten, auch mit gleichem Namen', () => {
    const foreign = cert({ issuer: 'C=DE, O=Fremde Testumgebung, CN=Untrusted-Test-CA' });
    const selection = select([foreign], foreign.fingerprint);
    expect(selection).toMatchObject({ kind: 'none', rejected: [{ reason: 'wrong-issuer' }] });
  });

  it('Zertifikate ohne Client-Authentifizierung werden nie angeboten', () => {
    expect(select([cert({ clientAuth: false })])).toMatchObject({
      kind: 'none',
      rejected: [{ reason: 'no-client-auth' }],
    });
  });

  it('ein passendes neben abgelehnten wird verwendet; die abgelehnten sind begründet', () => {
    const good = cert();
    const expired = cert({ validTo: new Date(NOW.getTime() - DAY).toISOString() });
    const foreign = cert({ issuer: 'CN=Other' });
    const selection = select([expired, good, foreign]);
    expect(selection).toMatchObject({ kind: 'selected', certificate: good });
    expect(selection.rejected.map((r) => r.reason)).toEqual(['expired', 'wrong-issuer']);
  });

  it('ein Zertifikat, das in zwei Speichern liegt, zählt einmal', () => {
    const a = cert();
    expect(select([a, { ...a }])).toMatchObject({ kind: 'selected', certificate: a });
  });

  it('ohne Ausstellerfilter der Richtlinie zählen alle gültigen Client-Zertifikate', () => {
    const a = cert({ issuer: 'CN=Irgendeine CA' });
    expect(select([a], undefined, '')).toMatchObject({ kind: 'selected', certificate: a });
  });

  it('der Ausstellerfilter vergleicht Namen unabhängig von Schreibweise und Leerzeichen', () => {
    expect(issuerMatches(TEST_CA, 'cn = test-doi-ca')).toBe(true);
    expect(issuerMatches(TEST_CA, 'O=azr-desk Testumgebung,CN=Test-DOI-CA')).toBe(true);
    expect(issuerMatches(TEST_CA, 'CN=DOI-CA-2')).toBe(false);
  });
});

describe('Zustand für die Anzeige', () => {
  it(`warnt ${EXPIRY_WARNING_DAYS} Tage vor Ablauf`, () => {
    const soon = cert({ validTo: new Date(NOW.getTime() + 30 * DAY + 1000).toISOString() });
    const status = toCertificateStatus(select([soon]), NOW);
    expect(status).toMatchObject({ state: 'expiring', daysLeft: 30 });
    const later = cert({ validTo: new Date(NOW.getTime() + 31 * DAY + 1000).toISOString() });
    expect(toCertificateStatus(select([later]), NOW)).toMatchObject({ state: 'ok', daysLeft: 31 });
  });

  it('zeigt bei nötiger Auswahl die Kandidaten ohne Zertifikat in Verwendung', () => {
    const status = toCertificateStatus(select([cert(), cert()]), NOW);
    expect(status.state).toBe('choice-needed');
    expect(status.inUse).toBeUndefined();
    expect(status.candidates).toHaveLength(2);
    expect(status.candidates[0]).not.toHaveProperty('clientAuth');
  });

  it('sagt „keines“, wenn nichts passt', () => {
    expect(toCertificateStatus(select([]), NOW)).toEqual({
      candidates: [],
      state: 'none',
      restartRequired: false,
    });
  });
});
