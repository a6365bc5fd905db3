import type { AppInfo } from '../../../../shared/bridge/contract';
import type { BridgeHandlers } from './dispatcher';

export interface CoreHandlerDeps {
  readonly appInfo: AppInfo;
  readonly now: () => Date;
}

/**
 * The handlers of every channel, built from injected collaborators. Both hosts call this with
 * their own adapters (Electron: app, safeStorage, session; browser host: Node equivalents).
 */
export function createBridgeHandlers(deps: CoreHandlerDeps): BridgeHandlers {
  return {
    'app.info': () => deps.appInfo,
    'health.ping': () => ({ status: 'ok', time: deps.now().toISOString() }),
  };
}
