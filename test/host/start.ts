import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppInfo } from '../../shared/bridge/contract';
import type { TrustedSenderCheck } from '../../electron/main/services/bridge';
import {
  createBridgeDispatcher,
  createBridgeHandlers,
  createTrustedSenderCheck,
} from '../../electron/main/services/bridge';
import {
  createDraftKeyVault,
  createFileKeyStore,
  nodeRandomBytes,
  plainKeyFileWrapper,
} from '../../electron/main/services/drafts';
import { createPrintJobs } from '../../electron/main/services/print';
import { certificateNotSetUp } from '../../electron/main/services/diagnostics/export';
import type { SettingsService } from '../../electron/main/services/policy';
import type { TestPki } from '../pki/pki';
import { loadTestPki } from '../pki/pki';
import { createHostAdmin } from './admin';
import type { HostKeystoreKey } from './register';
import { createHostRegister, parseKeystoreKeys } from './register';
import { createBrowserHost } from './server';

const projectRoot = join(import.meta.dirname, '../..');

const packageJsonSchema = z.object({ name: z.string(), version: z.string() });

export interface StartBrowserHostOptions {
  readonly port?: number;
  readonly rendererDir?: string;
  readonly environment?: AppInfo['environment'];
  readonly now?: () => Date;
  /**
   * Where the host keeps its files (the drafts' key file). Default: AZR_HOST_DATA_DIR, else
   * <tmp>/azr-desk-host — it must outlive browser restarts, or stored drafts become unreadable.
   */
  readonly dataDir?: string;
  /** Machine policy as JSON (stands in for the registry). Default: AZR_POLICY_FILE. */
  readonly policyFile?: string;
  /**
   * The training register to talk to when policy sets no `registerUrl`. Default: AZR_REGISTER_URL,
   * else the training register's default address.
   */
  readonly registerUrl?: string;
  /** The test PKI (its client PKCS#12 files are the host's keystore). Default: test/pki/out. */
  readonly pkiDir?: string;
  /** Test PKI clients in the keystore. Default: AZR_HOST_CLIENT_CERTS, else ABH Musterstadt. */
  readonly keystore?: readonly HostKeystoreKey[];
}

export interface RunningBrowserHost {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Wires the main-process services to Node adapters (the browser host's counterpart of
 * electron/main/index.ts) and starts serving on 127.0.0.1.
 */
export async function startBrowserHost(
  options: StartBrowserHostOptions = {},
): Promise<RunningBrowserHost> {
  const pkg = packageJsonSchema.parse(
    JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')),
  );
  const dataDir =
    options.dataDir ?? process.env.AZR_HOST_DATA_DIR ?? join(tmpdir(), 'azr-desk-host');
  const appInfo: AppInfo = {
    name: pkg.name,
    version: pkg.version,
    environment: options.environment ?? 'development',
  };
  const now = options.now ?? (() => new Date());
  const admin = createHostAdmin({
    appInfo,
    dataDir,
    policyFile: options.policyFile ?? process.env.AZR_POLICY_FILE,
    now,
    certificateStatus: () =>
      hostRegister ? hostRegister.certificateStatus() : certificateNotSetUp(),
  });
  // Read lazily by the diagnostics export above, which runs only after start-up.
  const hostRegister = await startHostRegister(options, {
    dataDir,
    settings: admin.settings,
    appInfo,
    now,
  });
  // The host's own origin is only known once it listens (port 0 picks a free one).
  let isTrustedSender: TrustedSenderCheck = () => false;
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo,
      now,
      admin,
      drafts: {
        keyVault: createDraftKeyVault({
          wrapper: plainKeyFileWrapper,
          store: createFileKeyStore(join(dataDir, 'draft-keys.json')),
          randomBytes: nodeRandomBytes,
        }),
      },
      ...(hostRegister ? { register: hostRegister.register } : {}),
      // The host has no Chromium of its own: the renderer shows the print route itself (`preview`)
      // and the browser prints it (e2e: Playwright's page.pdf with the same templates).
      print: {
        jobs: createPrintJobs({ randomBytes: (size) => randomBytes(size) }),
        output: { kind: 'preview' },
        now,
        userName: () => userInfo().username,
        behoerde: async () => {
          const zulassung =
            hostRegister && (await hostRegister.register.gateway.status()).zulassung;
          return zulassung
            ? `${zulassung.behoerdenname} (${zulassung.behoerdenkennzeichen})`
            : undefined;
        },
        ...(hostRegister ? { protocol: hostRegister.register.protocol } : {}),
      },
    }),
    isTrustedSender: (sender) => isTrustedSender(sender),
    onError: (channel, code) => console.warn(`[bridge] ${channel}: ${code}`),
  });
  const server = await createBrowserHost({
    rendererDir: options.rendererDir ?? join(projectRoot, 'out/renderer'),
    dispatcher,
  });
  const address = await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const url = `${address}/`;
  isTrustedSender = createTrustedSenderCheck(url);
  return {
    url,
    close: async () => {
      await server.close();
      await hostRegister?.close();
    },
  };
}

/**
 * Without a generated test PKI there is no keystore: the register channels then answer
 * UNAVAILABLE instead of the host refusing to start (`npm run pki` fixes it).
 */
async function startHostRegister(
  options: StartBrowserHostOptions,
  context: {
    dataDir: string;
    settings: SettingsService;
    appInfo: AppInfo;
    now: () => Date;
  },
) {
  let pki: TestPki;
  try {
    pki = loadTestPki(options.pkiDir);
  } catch (error) {
    console.warn(`[host] Register nicht verfügbar: ${(error as Error).message}`);
    return undefined;
  }
  await context.settings.refresh();
  return createHostRegister({
    pki,
    dataDir: context.dataDir,
    settings: context.settings,
    environment: context.appInfo.environment,
    now: context.now,
    registerUrl: options.registerUrl ?? process.env.AZR_REGISTER_URL,
    keystore: options.keystore ?? parseKeystoreKeys(process.env.AZR_HOST_CLIENT_CERTS),
  });
}
