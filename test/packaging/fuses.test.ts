import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfig, fuses } from '../../build/scripts/fuses';
import { signingPlan } from '../../build/scripts/signing';

const allFuses = Object.values(FuseV1Options).filter(
  (value): value is FuseV1Options => typeof value === 'number',
);

describe('Fuses', () => {
  it('jede Fuse, die @electron/fuses kennt, ist ausdrücklich entschieden', () => {
    const undecided = allFuses.filter((fuse) => typeof fuses[fuse] !== 'boolean');
    expect(undecided.map((fuse) => FuseV1Options[fuse])).toEqual([]);
    expect(Object.keys(fuses)).toHaveLength(allFuses.length);
    expect(fuseConfig()).toMatchObject({ strictlyRequireAllFuses: true });
  });

  it('setzt die Sicherheitsgrundlinie der Architektur (§ 4)', () => {
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});

describe('Code-Signatur aus der Umgebung', () => {
  it('signtool mit Zertifikats-Fingerabdruck, SHA-256 und RFC-3161-Zeitstempel', () => {
    const plan = signingPlan({ AZR_SIGN_CERT_SHA1: 'ABC123', AZR_SIGN_PUBLISHER: 'Stadt X' });
    expect(plan).toMatchObject({
      kind: 'signtool',
      win: {
        signtoolOptions: {
          certificateSha1: 'ABC123',
          signingHashAlgorithms: ['sha256'],
          rfc3161TimeStampServer: expect.stringMatching(/^http/) as unknown,
          publisherName: 'Stadt X',
        },
      },
    });
  });

  it('Azure Trusted Signing, wenn Endpunkt, Konto und Profil gesetzt sind', () => {
    const plan = signingPlan({
      AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      AZURE_TRUSTED_SIGNING_ACCOUNT: 'konto',
      AZURE_TRUSTED_SIGNING_PROFILE: 'profil',
      AZR_SIGN_PUBLISHER: 'Stadt X',
    });
    expect(plan).toMatchObject({
      kind: 'azure',
      win: { azureSignOptions: { publisherName: 'Stadt X', timestampDigest: 'SHA256' } },
    });
  });

  it('ohne Herausgebernamen wird nicht signiert (Updates könnten ihn nicht prüfen)', () => {
    expect(signingPlan({ AZR_SIGN_CERT_SHA1: 'ABC' })).toMatchObject({ kind: 'unsigned' });
    expect(signingPlan({})).toMatchObject({ kind: 'unsigned' });
  });
});
