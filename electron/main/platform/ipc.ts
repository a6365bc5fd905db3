import { ipcMain as electronIpcMain } from 'electron';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannelName } from '../../../shared/bridge/channels';
import type { BridgeDispatcher, BridgeSender } from '../services/bridge';

export type BridgeIpcMain = Pick<IpcMain, 'handle'>;
export type BridgeInvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/**
 * Who sent an invoke, as the dispatcher's sender check needs it. The frame, not the WebContents: a
 * subframe of the app page shares its WebContents and must still be refused (Electron security
 * checklist 17, "Validate the sender of all IPC messages"). A frame that is gone (null, or disposed so
 * that reading it throws) counts as an unknown subframe, which the check refuses.
 */
export function bridgeSenderOf(event: BridgeInvokeEvent): BridgeSender {
  try {
    const frame = event.senderFrame;
    return {
      url: frame?.url ?? '',
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
    };
  } catch {
    return { url: '', isMainFrame: false };
  }
}

/** One `ipcMain.handle` per contract channel, each behind the dispatcher (sender, schemas). */
export function installBridge(
  dispatcher: BridgeDispatcher,
  ipcMain: BridgeIpcMain = electronIpcMain,
): void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(ipcChannelName(channel), (event, payload: unknown) =>
      dispatcher.dispatch(channel, payload, bridgeSenderOf(event)),
    );
  }
}
