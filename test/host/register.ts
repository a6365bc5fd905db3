// The browser host's register wiring (counterpart of electron/main/register.ts): the same certificate
// rule, gateway and protocol, with Node adapters — the test PKI's PKCS#12 files as the "keystore",
// undici with the test CA as the only trust anchor (plus the same pin), the protocol and exports in
// the host's data folder.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppInfo } from '../../shared/bridge/contract';
import { createProtocolLog, nodeProtocolFs } from '../../electron/main/services/audit';
import type { RegisterHandlerDeps } from '../../electron/main/services/bridge/register-handlers';
import {
  certificateForDiagnostics,
  createCertificateService,
  createFileCertificateStore,
  describeCertificate,
  sameFingerprint,
} from '../../electron/main/services/certificates';
import type { SettingsService } from '../../electron/main/services/policy';
import {
  createRegisterGateway,
  resolveRegisterConfig,
} from '../../electron/main/services/register';
import { createNodeRegisterFetch } from '../../electron/main/services/register/node-transport';
import type { ClientKey, TestPki } from '../pki/pki';

/** Client certificates of the test PKI that may stand in for the OS keystore. */
export const hostKeystoreKeys = [
  'clientMusterstadt',
  'clientBeispielkreis',
  'clientExpired',
  'untrustedClient',
] as const satisfies readonly ClientKey[];

export type HostKeystoreKey = (typeof hostKeystoreKeys)[number];

/** `AZR_HOST_CLIENT_CERTS=clientMusterstadt,clientBeispielkreis` → the keys, unknown ones dropped. */
export function parseKeystoreKeys(value: string | undefined): HostKeystoreKey[] {
  if (!value) return ['clientMusterstadt'];
  return value
    .split(',')
    .map((key) => key.trim())
    .filter((key): key is HostKeystoreKey => (hostKeystoreKeys as readonly string[]).includes(key));
}

export interface HostRegisterOptions {
  readonly pki: TestPki;
  readonly dataDir: string;
  readonly settings: SettingsService;
  readonly environment: AppInfo['environment'];
  readonly now: () => Date;
  /** The training register started with the host; policy `registerUrl` wins over it. */
  readonly registerUrl: string | undefined;
  /** Which PKCS#12 files form the keystore (default: ABH Musterstadt only). */
  readonly keystore: readonly HostKeystoreKey[];
}

export async function createHostRegister(options: HostRegisterOptions) {
  const { pki } = options;
  const caPem = readFileSync(pki.entities.ca.files.cert, 'utf8');
  const config = () => {
    const values = options.settings.values();
    return resolveRegisterConfig(
      { ...values, registerUrl: values.registerUrl || (options.registerUrl ?? '') },
      options.environment,
      [pki.entities.ca.fingerprint256],
    );
  };
  const keystore = options.keystore.map((key) => ({
    key,
    candidate: describeCertificate(readFileSync(pki.entities[key].files.cert)),
  }));

  const certificates = createCertificateService({
    issuerFilter: () => config().issuerFilter,
    remembered: createFileCertificateStore(join(options.dataDir, 'certificate.json')),
    now: options.now,
    // undici builds a new connection pool per certificate: a change takes effect at once.
    changeNeedsRestart: false,
  });
  await certificates.offer(keystore.map((entry) => entry.candidate));

  const transport = createNodeRegisterFetch({
    ca: [caPem],
    pins: () => config().pins,
    clientIdentity: () => {
      const selection = certificates.current();
      if (selection?.kind !== 'selected') return undefined;
      const entry = keystore.find((candidate) =>
        sameFingerprint(candidate.candidate.fingerprint, selection.certificate.fingerprint),
      );
      if (!entry) return undefined;
      return {
        fingerprint: entry.candidate.fingerprint,
        pfx: readFileSync(pki.entities[entry.key].files.p12),
        passphrase: pki.p12Password,
      };
    },
  });

  const protocol = createProtocolLog({
    dir: join(options.dataDir, 'protocol'),
    fs: nodeProtocolFs,
    now: options.now,
    retentionMonths: () => options.settings.values().protocolRetentionMonths,
  });
  await protocol.purge();

  const gateway = createRegisterGateway({
    registerUrl: () => config().registerUrl,
    fetch: transport.fetch,
    userName: () => userInfo().username,
    now: options.now,
    sleep: (ms) => sleep(ms),
    random: Math.random,
    protocol,
    admittedAbrufzwecke: () => options.settings.values().admittedAbrufzwecke,
    certificateGate: () => certificates.gate(),
    // The status bar of a test should not wait a quarter minute for a stopped register.
    timeoutMs: 10_000,
    retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 1_000 },
  });

  const register: RegisterHandlerDeps = {
    gateway,
    certificates,
    protocol,
    saveExport: async (fileName, bytes) => {
      const dir = join(options.dataDir, 'protocol-exports');
      await mkdir(dir, { recursive: true });
      const location = join(dir, fileName);
      await writeFile(location, bytes);
      return { location };
    },
  };

  return {
    register,
    certificateStatus: () => certificateForDiagnostics(certificates),
    close: () => transport.close(),
  };
}
