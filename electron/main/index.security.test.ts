// The composition root, loaded against a fake Electron: it must register the scheme and enable the
// sandbox before `ready`, keep a second instance from doing anything, and install the lockdown before
// the first window exists. (No `import 'electron'` here: lint keeps Electron out of this folder.)
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../shared/bridge/channels';

// Vitest keeps a mocked module across `vi.resetModules()`: the mock reads the current fake lazily.
const state = vi.hoisted((): { electron: Record<string, unknown> } => ({ electron: {} }));
vi.mock('electron', () => ({
  get app() {
    return state.electron.app;
  },
  get BrowserWindow() {
    return state.electron.BrowserWindow;
  },
  get ipcMain() {
    return state.electron.ipcMain;
  },
  get protocol() {
    return state.electron.protocol;
  },
  get session() {
    return state.electron.session;
  },
  get safeStorage() {
    return state.electron.safeStorage;
  },
}));
// Updates are off by policy default; the updater must not touch the fake app (issue 8 wiring).
vi.mock('electron-updater', () => ({
  default: {
    autoUpdater: { on: vi.fn(), setFeedURL: vi.fn(), checkForUpdates: vi.fn() },
  },
}));

type Listener = (...args: unknown[]) => unknown;

function fakeElectron(options: { lockGranted?: boolean; isPackaged?: boolean } = {}) {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const ipcListeners = new Map<string, Listener>();

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.lockGranted ?? true),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => ready),
    getName: () => 'azr-desk',
    getVersion: () => '0.1.0',
    // Settings and logs of the admin wiring land in a throw-away folder.
    getPath: (name: string) => join(tmpdir(), 'azr-index-test', name),
    isPackaged: options.isPackaged ?? false,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const defaultSession = Object.assign(new EventEmitter(), {
    protocol: { handle: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  });
  // The register's own session (issue 5); its fetch fails like a machine without network.
  const registerSession = {
    setSSLConfig: vi.fn(),
    setCertificateVerifyProc: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    fetch: vi.fn(() => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'))),
  };
  const fromPartition = vi.fn(() => registerSession);
  const windows: FakeBrowserWindow[] = [];
  const windowCreated = vi.fn();
  class FakeBrowserWindow extends EventEmitter {
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isDestroyed = () => false;
    readonly isMinimized = () => false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windowCreated();
      windows.push(this);
    }
  }

  return {
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: {
        handle: vi.fn((name: string, listener: Listener) => ipcListeners.set(name, listener)),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn() },
      session: { defaultSession, fromPartition },
      // A secret store that is there: the drafts' key vault wraps lazily, on the first drafts.keys.
      safeStorage: {
        isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(true)),
        encryptStringAsync: vi.fn((plain: string) => Promise.resolve(Buffer.from(plain))),
        decryptStringAsync: vi.fn((blob: Buffer) =>
          Promise.resolve({ result: blob.toString(), shouldReEncrypt: false }),
        ),
      },
    },
    app,
    defaultSession,
    registerSession,
    fromPartition,
    windows,
    windowCreated,
    ipcListeners,
    markReady,
  };
}

let electron: ReturnType<typeof fakeElectron>;

/** Loads index.ts afresh, as Electron does at start, against the given fake. */
async function start(fake: ReturnType<typeof fakeElectron>) {
  electron = fake;
  state.electron = fake.module;
  vi.resetModules();
  await import('./index');
}

async function becomeReady() {
  electron.markReady();
  await vi.waitFor(() => expect(electron.windows).not.toHaveLength(0));
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('starting azr-desk', () => {
  it('registers the app:// scheme and enables the sandbox while loading, before ready', async () => {
    await start(fakeElectron());
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.windows).toHaveLength(0);
    expect(electron.defaultSession.protocol.handle).not.toHaveBeenCalled();
  });

  it('lets a second instance quit without waiting for ready or opening a window', async () => {
    await start(fakeElectron({ lockGranted: false }));
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    electron.markReady();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(electron.windows).toHaveLength(0);
  });

  it('locks down web contents, permissions and downloads before the first window exists', async () => {
    await start(fakeElectron());
    await becomeReady();
    const windowAt = electron.windowCreated.mock.invocationCallOrder[0] ?? 0;
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.defaultSession.listenerCount('will-download')).toBe(1);
    for (const installer of [
      electron.defaultSession.setPermissionRequestHandler,
      electron.defaultSession.setPermissionCheckHandler,
      electron.defaultSession.protocol.handle,
      electron.module.ipcMain.handle,
    ]) {
      expect(installer.mock.invocationCallOrder[0]).toBeLessThan(windowAt);
    }
  });

  it('keeps register traffic on its own in-memory session, pinned, and answers certificate requests itself', async () => {
    await start(fakeElectron());
    await becomeReady();
    expect(electron.fromPartition).toHaveBeenCalledWith('azr-register', { cache: false });
    expect(electron.registerSession.setSSLConfig).toHaveBeenCalledWith(
      expect.objectContaining({ minVersion: 'tls1.2' }),
    );
    expect(electron.registerSession.setCertificateVerifyProc).toHaveBeenCalledWith(
      expect.any(Function),
    );
    await vi.waitFor(() => expect(electron.app.listenerCount('select-client-certificate')).toBe(1));
  });

  it('serves the app scheme and opens one window on the app page with the built preload', async () => {
    await start(fakeElectron());
    await becomeReady();
    expect(electron.defaultSession.protocol.handle).toHaveBeenCalledWith(
      'app',
      expect.any(Function),
    );
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.loadURL).toHaveBeenCalledWith('app://azr-desk/index.html');
    expect(window?.options.webPreferences.preload).toMatch(
      new RegExp(`${join('preload', 'index.cjs').replace(/\\/g, '\\\\')}$`),
    );
    expect(window?.options.webPreferences.sandbox).toBe(true);
  });

  it.each([
    [false, 'development'],
    [true, 'production'],
  ])('answers app.info over IPC (packaged: %s → %s)', async (isPackaged, environment) => {
    await start(fakeElectron({ isPackaged }));
    await becomeReady();
    expect([...electron.ipcListeners.keys()].sort()).toEqual(
      bridgeChannels.map((channel) => `azr:${channel}`).sort(),
    );
    const mainFrame = { url: 'app://azr-desk/index.html#/suche' };
    const answer = await electron.ipcListeners.get('azr:app.info')?.(
      { senderFrame: mainFrame, sender: { mainFrame } },
      undefined,
    );
    expect(answer).toEqual({
      ok: true,
      value: { name: 'azr-desk', version: '0.1.0', environment },
    });
    expect(electron.windows[0]?.options.webPreferences.devTools).toBe(!isPackaged);
  });

  it('brings the window forward when azr-desk is started a second time', async () => {
    await start(fakeElectron());
    await becomeReady();
    electron.app.emit('second-instance', {}, [], '', {});
    expect(electron.windows[0]?.focus).toHaveBeenCalledOnce();
  });

  it('quits when the last window is closed', async () => {
    await start(fakeElectron());
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
  });
});
