import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../services/app-origin';
import type { FocusableWindow } from './window';
import { createMainWindow, focusWindow, mainWindowWebPreferences } from './window';

const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    readonly listeners = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    emit(event: string) {
      this.listeners.get(event)?.();
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});
vi.mock('electron', () => electron);

const packaged = { preloadPath: '/app/out/preload/index.cjs', isPackaged: true } as const;

function createdWindow() {
  const window = electron.BrowserWindow.created.at(-1);
  if (!window) throw new Error('no BrowserWindow was created');
  return { window, options: window.options as BrowserWindowConstructorOptions };
}

beforeEach(() => {
  electron.BrowserWindow.created = [];
});

describe('the main window’s webPreferences', () => {
  // Every flag of architecture §4, spelled out: a changed default or a typo fails here.
  const expected = {
    preload: packaged.preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: false,
  } as const;

  it.each(Object.entries(expected))('sets %s to %s in a packaged build', (flag, value) => {
    expect(mainWindowWebPreferences(packaged)).toHaveProperty(flag, value);
  });

  it('sets nothing else (no enableBlinkFeatures, additionalArguments, partition …)', () => {
    expect(Object.keys(mainWindowWebPreferences(packaged)).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it('allows DevTools only in an unpackaged development build', () => {
    expect(mainWindowWebPreferences({ ...packaged, isPackaged: false }).devTools).toBe(true);
    expect(mainWindowWebPreferences(packaged).devTools).toBe(false);
  });

  it('are the ones the window is actually created with', () => {
    createMainWindow(packaged);
    expect(createdWindow().options.webPreferences).toEqual(expected);
  });
});

describe('createMainWindow', () => {
  it('titles the window azr-desk and keeps it hidden until the first paint', () => {
    createMainWindow(packaged);
    const { window, options } = createdWindow();
    expect(options.title).toBe('azr-desk');
    expect(options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();

    window.emit('ready-to-show');

    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app page from the app:// scheme, never from file://', () => {
    createMainWindow(packaged);
    expect(createdWindow().window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://azr-desk/index.html');
  });
});

describe('focusWindow', () => {
  function fakeWindow(state: { minimized?: boolean; destroyed?: boolean } = {}) {
    return {
      isDestroyed: vi.fn(() => state.destroyed ?? false),
      isMinimized: vi.fn(() => state.minimized ?? false),
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    } satisfies FocusableWindow;
  }

  it('restores a minimised window and brings it forward', () => {
    const window = fakeWindow({ minimized: true });
    focusWindow(window);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('leaves a destroyed window alone', () => {
    const window = fakeWindow({ destroyed: true });
    focusWindow(window);
    expect(window.focus).not.toHaveBeenCalled();
  });
});
