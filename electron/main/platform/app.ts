import { app as electronApp } from 'electron';
import type { App } from 'electron';
import type { AppInfo } from '../../../shared/bridge/contract';

export type IdentityApp = Pick<App, 'getName' | 'getVersion' | 'isPackaged'>;

export interface AppIdentity {
  /** What `app.info` answers: name and version from package.json, production when packaged. */
  readonly info: AppInfo;
  readonly isPackaged: boolean;
}

export function appIdentity(app: IdentityApp = electronApp): AppIdentity {
  return {
    info: {
      name: app.getName(),
      version: app.getVersion(),
      environment: app.isPackaged ? 'production' : 'development',
    },
    isPackaged: app.isPackaged,
  };
}

/**
 * Sandboxes every renderer, including any a later change creates without saying so (Electron security
 * checklist 4). Must run before `ready`.
 */
export function enableSandbox(app: Pick<App, 'enableSandbox'> = electronApp): void {
  app.enableSandbox();
}

export function whenAppReady(app: Pick<App, 'whenReady'> = electronApp): Promise<void> {
  return app.whenReady();
}

/** A Windows desktop app: closing the last window ends it (no macOS dock convention here). */
export function quitWhenAllWindowsClosed(app: Pick<App, 'on' | 'quit'> = electronApp): void {
  app.on('window-all-closed', () => app.quit());
}

/** A main process that cannot finish starting must not linger without a window. */
export function exitAfterStartupFailure(
  error: unknown,
  app: Pick<App, 'exit'> = electronApp,
): void {
  console.error('[main] azr-desk could not start', error);
  app.exit(1);
}
