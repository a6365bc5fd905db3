import type { AppInfo } from '../../../../shared/bridge/contract';
import type { AdminHandlerDeps } from './admin-handlers';
import { createAdminHandlers } from './admin-handlers';
import type { BridgeHandlers } from './dispatcher';
import type { DraftsHandlerDeps } from './drafts-handlers';
import { createDraftsHandlers } from './drafts-handlers';

export interface CoreHandlerDeps {
  readonly appInfo: AppInfo;
  readonly now: () => Date;
  /** Settings, diagnostics export and renderer log lines (issue 8). */
  readonly admin: AdminHandlerDeps;
  /** The drafts' key vault (issue 6); without it `drafts.keys` answers KEY_UNAVAILABLE. */
  readonly drafts?: DraftsHandlerDeps;
}

/**
 * The handlers of every channel, built from injected collaborators. Both hosts call this with
 * their own adapters (Electron: app, safeStorage, session; browser host: Node equivalents).
 */
export function createBridgeHandlers(deps: CoreHandlerDeps): BridgeHandlers {
  return {
    'app.info': () => deps.appInfo,
    'health.ping': () => ({ status: 'ok', time: deps.now().toISOString() }),
    ...createAdminHandlers(deps.admin),
    ...createDraftsHandlers(deps.drafts),
  };
}
