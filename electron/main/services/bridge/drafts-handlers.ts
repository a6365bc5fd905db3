import { BridgeFailure } from '../../../../shared/bridge/result';
import type { DraftKeyVault } from '../drafts';
import type { BridgeHandlers } from './dispatcher';

export interface DraftsHandlerDeps {
  readonly keyVault: DraftKeyVault;
}

/** `drafts.keys`: a host without a key vault, or a vault that cannot unwrap, says so with a code. */
export function createDraftsHandlers(
  deps: DraftsHandlerDeps | undefined,
): Pick<BridgeHandlers, 'drafts.keys'> {
  return {
    'drafts.keys': async () => {
      if (!deps) throw new BridgeFailure('KEY_UNAVAILABLE', 'no draft key vault in this host');
      try {
        return await deps.keyVault.keys();
      } catch (error) {
        throw new BridgeFailure(
          'KEY_UNAVAILABLE',
          error instanceof Error ? error.message : 'key vault failed',
        );
      }
    },
  };
}
