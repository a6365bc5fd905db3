import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../../shared/bridge/channels';
import { APP_ENTRY_URL, APP_URL } from '../services/app-origin';
import {
  createBridgeDispatcher,
  createBridgeHandlers,
  createTrustedSenderCheck,
} from '../services/bridge';
import { inertAdminDeps } from '../services/bridge/admin-handlers.fixture';
import type { BridgeIpcMain } from './ipc';
import { bridgeSenderOf, installBridge } from './ipc';

vi.mock('electron', () => ({ ipcMain: {} }));

type InvokeListener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

/** Installs the real dispatcher behind a fake ipcMain and returns its listeners by IPC name. */
function installedBridge() {
  const listeners = new Map<string, InvokeListener>();
  const ipcMain: BridgeIpcMain = {
    handle: (channel, listener) => listeners.set(channel, listener),
  };
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'azr-desk', version: '1.2.3', environment: 'test' },
      now: () => new Date('2030-01-02T03:04:05.000Z'),
      admin: inertAdminDeps(),
    }),
    isTrustedSender: createTrustedSenderCheck(APP_URL),
  });
  installBridge(dispatcher, ipcMain);
  const invoke = (channel: string, event: IpcMainInvokeEvent, payload?: unknown) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, payload);
  };
  return { listeners, invoke };
}

/** An invoke event from a frame; `subframe` makes it a frame other than its page's main frame. */
function invokeEvent(options: { url?: string; subframe?: boolean; noFrame?: boolean } = {}) {
  const mainFrame = { url: APP_ENTRY_URL };
  const frame = options.noFrame
    ? null
    : options.subframe
      ? { url: options.url ?? APP_ENTRY_URL }
      : Object.assign(mainFrame, { url: options.url ?? APP_ENTRY_URL });
  return { senderFrame: frame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

describe('installBridge', () => {
  it('registers exactly one azr:<channel> handler per contract channel', () => {
    const { listeners } = installedBridge();
    expect([...listeners.keys()].sort()).toEqual(bridgeChannels.map((c) => `azr:${c}`).sort());
  });

  it('answers a call from the app page’s main frame', async () => {
    const { invoke } = installedBridge();
    await expect(invoke('azr:app.info', invokeEvent())).resolves.toEqual({
      ok: true,
      value: { name: 'azr-desk', version: '1.2.3', environment: 'test' },
    });
  });

  it('passes the payload on, so a schema-invalid one is refused', async () => {
    const { invoke } = installedBridge();
    const result = await invoke('azr:health.ping', invokeEvent(), { unerwartet: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it.each([
    ['a subframe of the app page', invokeEvent({ subframe: true })],
    ['a foreign page', invokeEvent({ url: 'https://example.org/' })],
    ['a frame that is gone', invokeEvent({ noFrame: true })],
  ])('refuses a call from %s with FORBIDDEN_SENDER', async (_who, event) => {
    const { invoke } = installedBridge();
    await expect(invoke('azr:app.info', event)).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });
});

describe('bridgeSenderOf', () => {
  it('reports the sending frame’s URL and whether it is the main frame', () => {
    expect(bridgeSenderOf(invokeEvent({ url: 'app://azr-desk/index.html#/suche' }))).toEqual({
      url: 'app://azr-desk/index.html#/suche',
      isMainFrame: true,
    });
    expect(bridgeSenderOf(invokeEvent({ subframe: true }))).toEqual({
      url: APP_ENTRY_URL,
      isMainFrame: false,
    });
  });

  it('treats a disposed frame (reading it throws) as an unknown subframe', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: { mainFrame: {} },
    } as unknown as IpcMainInvokeEvent;
    expect(bridgeSenderOf(event)).toEqual({ url: '', isMainFrame: false });
  });
});
