import type { AppInfo } from '../../../../shared/bridge/contract';
import type { AdminHandlerDeps } from './admin-handlers';
import { createAdminHandlers } from './admin-handlers';
import type { BridgeHandlers } from './dispatcher';
import type { DraftsHandlerDeps } from './drafts-handlers';
import { createDraftsHandlers } from './drafts-handlers';
import type { PrintHandlerDeps } from './print-handlers';
import { createPrintHandlers } from './print-handlers';
import type { RegisterHandlerDeps } from './register-handlers';
import { createRegisterHandlers } from './register-handlers';

export interface CoreHandlerDeps {
  readonly appInfo: AppInfo;
  readonly now: () => Date;
  /** Settings, diagnostics export and renderer log lines (issue 8). */
  readonly admin: AdminHandlerDeps;
  /** The drafts' key vault (issue 6); without it `drafts.keys` answers KEY_UNAVAILABLE. */
  readonly drafts?: DraftsHandlerDeps;
  /** Register gateway, certificate choice and local protocol (issue 5); absent: UNAVAILABLE. */
  readonly register?: RegisterHandlerDeps;
  /** Printouts of an Auskunft or a protocol extract (issue 8, item 5); absent: UNAVAILABLE. */
  readonly print?: PrintHandlerDeps;
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
    ...createRegisterHandlers(deps.register),
    ...createPrintHandlers(deps.print),
  };
}
