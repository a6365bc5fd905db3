// Wiring of search and retrieval for the Electron host (issue 5): the dedicated register session, the
// client-certificate rule, the register gateway and the local protocol. Composition only, like
// index.ts, which calls it once the app is ready (sessions exist only then).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppInfo } from '../../shared/bridge/contract';
import type { OwnerWindow } from './platform/admin';
import { createSaveWithDialog, protocolSaveKind, userFolders } from './platform/admin';
import {
  importDevelopmentCertificate,
  installClientCertificateSelection,
} from './platform/certificates';
import { createRegisterSession } from './platform/register-session';
import { createProtocolLog, nodeProtocolFs } from './services/audit';
import type { RegisterHandlerDeps } from './services/bridge/register-handlers';
import {
  certificateForDiagnostics,
  createCertificateService,
  createFileCertificateStore,
  fingerprintOf,
} from './services/certificates';
import { createLogger } from './services/logging/logger';
import type { SettingsService } from './services/policy';
import { createRegisterGateway, registerOrigin, resolveRegisterConfig } from './services/register';

export interface RegisterWiringOptions {
  readonly environment: AppInfo['environment'];
  readonly isPackaged: boolean;
  readonly settings: SettingsService;
  readonly window: () => OwnerWindow | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Development only: the launcher (`npm start`) names the test CA so the app can pin and anchor it.
 * A packaged app never reads it.
 */
function developmentTrust(options: RegisterWiringOptions): { anchors: string[]; pins: string[] } {
  const file = options.env.AZR_DEV_REGISTER_CA;
  if (options.isPackaged || options.environment !== 'development' || !file)
    return { anchors: [], pins: [] };
  const pem = readFileSync(file, 'utf8');
  return { anchors: [pem], pins: [fingerprintOf(pem)] };
}

export function createRegisterWiring(options: RegisterWiringOptions) {
  const log = createLogger('register');
  const folders = userFolders();
  const now = () => new Date();
  const trust = developmentTrust(options);
  const config = () =>
    resolveRegisterConfig(options.settings.values(), options.environment, trust.pins);
  const origin = () => registerOrigin(config().registerUrl);

  const registerSession = createRegisterSession({
    registerHost: () => {
      const url = config().registerUrl;
      return url ? new URL(url).hostname : undefined;
    },
    pins: () => config().pins,
    anchors: () => trust.anchors,
    now,
    onRejected: (_hostname, errorCode) =>
      log.warn('Serverzertifikat des Registers abgelehnt', { errorCode }),
  });

  const certificates = createCertificateService({
    issuerFilter: () => config().issuerFilter,
    remembered: createFileCertificateStore(folders.certificateChoice),
    now,
    changeNeedsRestart: true,
    // Chromium lists the keystore only during a handshake with the register: make one, bounded.
    probe: async () => {
      const url = config().registerUrl;
      if (!url) return;
      await Promise.race([
        registerSession
          .fetch(`${url.replace(/\/+$/, '')}/v1/health`, {
            method: 'GET',
            headers: {},
            signal: AbortSignal.timeout(5_000),
          })
          .then(
            () => undefined,
            () => undefined,
          ),
        sleep(5_000),
      ]);
    },
  });

  const protocol = createProtocolLog({
    dir: folders.protocol,
    fs: nodeProtocolFs,
    now,
    retentionMonths: () => options.settings.values().protocolRetentionMonths,
  });

  const gateway = createRegisterGateway({
    registerUrl: () => config().registerUrl,
    fetch: registerSession.fetch,
    userName: () => userInfo().username,
    now,
    sleep: (ms) => sleep(ms),
    random: Math.random,
    protocol,
    admittedAbrufzwecke: () => options.settings.values().admittedAbrufzwecke,
    certificateGate: () => certificates.gate(),
  });

  const register: RegisterHandlerDeps = {
    gateway,
    certificates,
    protocol,
    // Built on use: the dialog module is only touched when the caseworker exports.
    saveExport: (fileName, bytes) =>
      createSaveWithDialog(
        options.window,
        folders.documents,
        undefined,
        protocolSaveKind,
      )(fileName, bytes),
  };

  async function purge() {
    try {
      const removed = await protocol.purge();
      if (removed > 0) log.info('Abrufprotokoll bereinigt', { removed });
    } catch (error) {
      log.error('Abrufprotokoll konnte nicht bereinigt werden', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  /** After `ready`: the certificate handler, the retention, and in development the test certificate. */
  async function start(): Promise<void> {
    installClientCertificateSelection({
      service: certificates,
      registerOrigin: origin,
      log: (message) => log.warn(message),
    });
    await purge();
    setInterval(() => void purge(), DAY_MS).unref();
    const p12 = options.env.AZR_DEV_IMPORT_PKCS12;
    if (p12 && !options.isPackaged) {
      const result = await importDevelopmentCertificate({
        environment: options.environment,
        platform: process.platform,
        file: p12,
        password: options.env.AZR_DEV_IMPORT_PASSWORD ?? '',
      });
      log.info('Testzertifikat für die Entwicklung', { result });
    }
  }

  return {
    register,
    start,
    certificateStatus: () => certificateForDiagnostics(certificates),
    fetch: (url: string, init: RequestInit) => registerSession.session.fetch(url, init),
  };
}
