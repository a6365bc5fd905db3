// The composition root of the main process (architecture §1, §3): it only wires platform adapters and
// services together, in the order Electron requires. Each concern lives in its own install/create
// function; this file is their table of contents.
import { join } from 'node:path';
import { createAdminWiring } from './admin';
import { createPrintWiring } from './print';
import { createRegisterWiring } from './register';
import { APP_URL } from './services/app-origin';
import {
  createBridgeDispatcher,
  createBridgeHandlers,
  createTrustedSenderCheck,
} from './services/bridge';
import {
  appIdentity,
  enableSandbox,
  exitAfterStartupFailure,
  quitWhenAllWindowsClosed,
  whenAppReady,
} from './platform/app';
import { createDraftKeyVault, createFileKeyStore, nodeRandomBytes } from './services/drafts';
import { installBridge } from './platform/ipc';
import { createSafeStorageWrapper, draftKeyFilePath } from './platform/safe-storage';
import { installLockdown } from './platform/lockdown';
import { installAppProtocol, registerAppScheme } from './platform/protocol';
import { acquireSingleInstanceLock } from './platform/single-instance';
import { createMainWindow, focusWindow } from './platform/window';

// electron-vite lays the build out as out/{main,preload,renderer}.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererDir = join(outDir, 'renderer');

// Both only take effect before `ready`, so they run while this module is evaluated.
registerAppScheme();
enableSandbox();

let mainWindow: ReturnType<typeof createMainWindow> | undefined;

if (acquireSingleInstanceLock(focusMainWindow)) {
  quitWhenAllWindowsClosed();
  whenAppReady().then(start).catch(exitAfterStartupFailure);
}

function start(): void {
  const identity = appIdentity();
  // The register wiring needs the settings, the diagnostics need the register: the admin side reads
  // it lazily, only when a diagnostics export runs.
  const adminWiring = createAdminWiring({
    appInfo: identity.info,
    isPackaged: identity.isPackaged,
    window: () => mainWindow,
    certificateStatus: () => registerWiring.certificateStatus(),
    registerFetch: (url, init) => registerWiring.fetch(url, init),
  });
  const registerWiring = createRegisterWiring({
    environment: identity.info.environment,
    isPackaged: identity.isPackaged,
    settings: adminWiring.settings,
    window: () => mainWindow,
    env: process.env,
  });
  installLockdown();
  installAppProtocol(rendererDir);
  installBridge(
    createBridgeDispatcher({
      handlers: createBridgeHandlers({
        appInfo: identity.info,
        now: () => new Date(),
        admin: adminWiring.admin,
        drafts: {
          keyVault: createDraftKeyVault({
            wrapper: createSafeStorageWrapper(),
            store: createFileKeyStore(draftKeyFilePath()),
            randomBytes: nodeRandomBytes,
          }),
        },
        register: registerWiring.register,
        print: createPrintWiring({
          preloadPath,
          isPackaged: identity.isPackaged,
          window: () => mainWindow,
          register: registerWiring.register,
        }),
      }),
      isTrustedSender: createTrustedSenderCheck(APP_URL),
      onError: logBridgeError,
    }),
  );
  mainWindow = createMainWindow({ preloadPath, isPackaged: identity.isPackaged });
  adminWiring.start().catch((error: unknown) => console.error('[main] admin start failed', error));
  registerWiring
    .start()
    .catch((error: unknown) => console.error('[main] register start failed', error));
}

function focusMainWindow(): void {
  if (mainWindow) focusWindow(mainWindow);
}

/**
 * Channel and code only: details (schema issues, sender URLs, handler errors) may carry personal data
 * once register calls cross the bridge. Unexpected handler failures are bugs and keep their error.
 */
function logBridgeError(channel: string, code: string, detail: unknown): void {
  if (code === 'HANDLER_FAILED') console.error(`[bridge] ${channel}: ${code}`, detail);
  else console.warn(`[bridge] ${channel}: ${code}`);
}
