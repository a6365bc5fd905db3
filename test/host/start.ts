import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppInfo } from '../../shared/bridge/contract';
import type { TrustedSenderCheck } from '../../electron/main/services/bridge';
import {
  createBridgeDispatcher,
  createBridgeHandlers,
  createTrustedSenderCheck,
} from '../../electron/main/services/bridge';
import { createBrowserHost } from './server';

const projectRoot = join(import.meta.dirname, '../..');

const packageJsonSchema = z.object({ name: z.string(), version: z.string() });

export interface StartBrowserHostOptions {
  readonly port?: number;
  readonly rendererDir?: string;
  readonly environment?: AppInfo['environment'];
  readonly now?: () => Date;
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
  // The host's own origin is only known once it listens (port 0 picks a free one).
  let isTrustedSender: TrustedSenderCheck = () => false;
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: {
        name: pkg.name,
        version: pkg.version,
        environment: options.environment ?? 'development',
      },
      now: options.now ?? (() => new Date()),
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
