// The sandboxed preload (architecture §1): it exposes `window.azr` — exactly the contract's calls —
// and nothing else. Never raw ipcRenderer or any other Electron API (Electron security checklist 3
// and 17). It imports only the schema-free parts of the contract (api, channels) so that the bundle
// stays tiny and needs no module a sandboxed preload cannot load; main validates every call anyway.
import { contextBridge, ipcRenderer } from 'electron';
import { createAzrApi } from '../../shared/bridge/api';
import type { BridgeInvoke } from '../../shared/bridge/api';
import { ipcChannelName } from '../../shared/bridge/channels';
import type { BridgeResult } from '../../shared/bridge/result';

/**
 * A rejected invoke means main could not answer at all (no handler, crashed): a typed failure like
 * the browser host's dropped connection, never an exception with Electron's text in the page.
 */
const unavailable = (error: unknown): BridgeResult<never> => ({
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message: error instanceof Error ? error.message : 'ipc invoke failed',
  },
});

const invokeOverIpc: BridgeInvoke = (channel, request) =>
  ipcRenderer.invoke(ipcChannelName(channel), request).catch(unavailable);

contextBridge.exposeInMainWorld('azr', createAzrApi(invokeOverIpc));
