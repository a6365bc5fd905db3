import type { AppInfo } from '../../../../shared/bridge/contract';
import type { SettingValues } from '../../../../shared/policy/settings';

// The register settings in effect: machine policy as resolved by the settings service, with the
// development defaults that point at the training register (never applied in production).

/** The training register's default address (`npm run sandbox`, `npm start`). */
export const DEV_REGISTER_URL = 'https://127.0.0.1:4433';

/** The issuer of the test PKI's authority certificates. */
export const DEV_CLIENT_ISSUER = 'CN=Test-DOI-CA';

export interface RegisterConfig {
  /** '' = not set up. */
  readonly registerUrl: string;
  readonly pins: readonly string[];
  readonly issuerFilter: string;
}

export function resolveRegisterConfig(
  values: Pick<SettingValues, 'registerUrl' | 'pinnedCaFingerprints' | 'clientCertificateIssuer'>,
  environment: AppInfo['environment'],
  /** The test CA's fingerprint where a development host knows it. */
  developmentPins: readonly string[] = [],
): RegisterConfig {
  const development = environment !== 'production';
  return {
    registerUrl: values.registerUrl || (development ? DEV_REGISTER_URL : ''),
    pins:
      values.pinnedCaFingerprints.length > 0
        ? values.pinnedCaFingerprints
        : development
          ? developmentPins
          : [],
    issuerFilter: values.clientCertificateIssuer || (development ? DEV_CLIENT_ISSUER : ''),
  };
}

/** `https://host:port` of the register, for matching certificate requests to it. */
export function registerOrigin(registerUrl: string): string | undefined {
  try {
    const url = new URL(registerUrl);
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
