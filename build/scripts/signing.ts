// Code signing from the environment (CI secrets), never from files in the repository. Pure, so a
// test can show which settings each set of variables produces.
import type { Configuration } from 'electron-builder';

export type SigningEnv = Readonly<Record<string, string | undefined>>;

export type SigningPlan =
  | { readonly kind: 'signtool'; readonly win: NonNullable<Configuration['win']> }
  | { readonly kind: 'azure'; readonly win: NonNullable<Configuration['win']> }
  | { readonly kind: 'unsigned'; readonly reason: string };

const timestampServer = (env: SigningEnv) =>
  env.AZR_SIGN_TIMESTAMP_URL ?? 'http://timestamp.digicert.com';

/**
 * Chooses the signing method:
 * - signtool with a certificate from the Windows store, by SHA-1 thumbprint (AZR_SIGN_CERT_SHA1),
 *   e.g. on a build machine with the authority's code-signing certificate or an HSM-backed token;
 * - Azure Trusted Signing (AZURE_TRUSTED_SIGNING_ENDPOINT, _ACCOUNT, _PROFILE plus the usual
 *   AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET read by the signing tool itself);
 * - otherwise unsigned, which `--require-signing` refuses.
 * Both methods sign .exe, .dll and .node with SHA-256 and an RFC 3161 timestamp, and set the
 * publisher name that electron-updater checks on every update (AZR_SIGN_PUBLISHER).
 */
export function signingPlan(env: SigningEnv): SigningPlan {
  const publisherName = env.AZR_SIGN_PUBLISHER;
  if (env.AZR_SIGN_CERT_SHA1) {
    if (!publisherName) return { kind: 'unsigned', reason: 'AZR_SIGN_PUBLISHER fehlt' };
    return {
      kind: 'signtool',
      win: {
        signtoolOptions: {
          certificateSha1: env.AZR_SIGN_CERT_SHA1,
          signingHashAlgorithms: ['sha256'],
          rfc3161TimeStampServer: timestampServer(env),
          publisherName,
        },
      },
    };
  }
  const endpoint = env.AZURE_TRUSTED_SIGNING_ENDPOINT;
  const account = env.AZURE_TRUSTED_SIGNING_ACCOUNT;
  const profile = env.AZURE_TRUSTED_SIGNING_PROFILE;
  if (endpoint && account && profile) {
    if (!publisherName) return { kind: 'unsigned', reason: 'AZR_SIGN_PUBLISHER fehlt' };
    return {
      kind: 'azure',
      win: {
        azureSignOptions: {
          publisherName,
          endpoint,
          codeSigningAccountName: account,
          certificateProfileName: profile,
          fileDigest: 'SHA256',
          timestampRfc3161: env.AZR_SIGN_TIMESTAMP_URL ?? 'http://timestamp.acs.microsoft.com',
          timestampDigest: 'SHA256',
        },
      },
    };
  }
  return { kind: 'unsigned', reason: 'keine Signatur-Zugangsdaten in der Umgebung' };
}
