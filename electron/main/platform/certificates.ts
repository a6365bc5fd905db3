import { app as electronApp } from 'electron';
import type { App, Certificate } from 'electron';
import type { CertificateCandidate, CertificateService } from '../services/certificates';
import { describeCertificate, sameFingerprint } from '../services/certificates';

// The client certificate for the register (architecture §2, §4): Chromium asks through
// `select-client-certificate`; the pure rule in services/certificates decides; the user picks in the
// app's own dialog when the rule cannot. Nothing is ever chosen silently against policy, and no other
// site ever gets a certificate.

export type CertificateApp = Pick<App, 'on'>;

export interface ClientCertificateSelectionOptions {
  readonly service: CertificateService;
  /** `https://host:port` of the configured register, or undefined when none is set up. */
  readonly registerOrigin: () => string | undefined;
  readonly log?: (message: string) => void;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

function describeAll(list: readonly Certificate[]) {
  const described: { candidate: CertificateCandidate; certificate: Certificate }[] = [];
  for (const certificate of list) {
    try {
      described.push({ candidate: describeCertificate(certificate.data), certificate });
    } catch {
      // An unreadable entry of the OS store is not a candidate.
    }
  }
  return described;
}

export function installClientCertificateSelection(
  options: ClientCertificateSelectionOptions,
  app: CertificateApp = electronApp,
): void {
  app.on('select-client-certificate', (event, _webContents, url, list, callback) => {
    // Without preventDefault Electron would present the first certificate of the store.
    event.preventDefault();
    const answer = (certificate?: Certificate) => {
      try {
        callback(certificate);
      } catch {
        // The request may be gone (timed out while the dialog was open): nothing left to answer.
      }
    };
    const register = options.registerOrigin();
    if (!register || originOf(url) !== register) {
      options.log?.('client certificate requested by a host that is not the register: none given');
      answer();
      return;
    }
    const described = describeAll(list);
    const pick = (fingerprint: string) =>
      described.find((entry) => sameFingerprint(entry.candidate.fingerprint, fingerprint))
        ?.certificate;
    void options.service
      .offer(described.map((entry) => entry.candidate))
      .then(async (selection) => {
        if (selection.kind === 'selected') {
          options.service.presented(selection.certificate.fingerprint);
          answer(pick(selection.certificate.fingerprint));
          return;
        }
        if (selection.kind === 'none') {
          options.service.presented(undefined);
          answer();
          return;
        }
        // Hold the handshake until the user picks in the app's dialog (certificate.choose).
        const chosen = await options.service.waitForChoice();
        options.service.presented(chosen.fingerprint);
        answer(pick(chosen.fingerprint));
      })
      .catch(() => answer());
  });
}

export type ImportApp = Pick<App, 'importCertificate'>;

/**
 * Development only (`npm start` on Linux): puts the test PKI's client certificate into the user's NSS
 * database, where Chromium looks for client certificates. Windows and macOS import with their own
 * tools in the launcher (build/scripts/start-dev.ts). Refuses outside development.
 */
export function importDevelopmentCertificate(
  request: {
    readonly environment: 'development' | 'test' | 'production';
    readonly platform: NodeJS.Platform;
    readonly file: string;
    readonly password: string;
  },
  app: ImportApp = electronApp,
): Promise<'imported' | 'skipped'> {
  if (request.environment !== 'development' || request.platform !== 'linux')
    return Promise.resolve('skipped');
  return new Promise((resolve, reject) => {
    app.importCertificate({ certificate: request.file, password: request.password }, (result) =>
      result === 0 ? resolve('imported') : reject(new Error(`importCertificate failed: ${result}`)),
    );
  });
}
