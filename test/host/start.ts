import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { createHostAdmin } from './admin';
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
  // The host's own origin is only known once it listens (port 0 picks a free one).
  let isTrustedSender: TrustedSenderCheck = () => false;
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo,
      now,
      admin: createHostAdmin({
        appInfo,
        dataDir,
        policyFile: options.policyFile ?? process.env.AZR_POLICY_FILE,
        now,
      }),
      drafts: {
        keyVault: createDraftKeyVault({
          wrapper: plainKeyFileWrapper,
          store: createFileKeyStore(join(dataDir, 'draft-keys.json')),
          randomBytes: nodeRandomBytes,
        }),
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
  return { url, close: () => server.close() };
}
