import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../services/app-origin';

export interface MainWindowOptions {
  /** The built, sandbox-compatible preload (`out/preload/index.cjs`). */
  readonly preloadPath: string;
  /** Packaged builds get no DevTools (architecture §4). */
  readonly isPackaged: boolean;
}

export const MAIN_WINDOW_TITLE = 'azr-desk';

/**
 * Every webPreferences flag decided explicitly, including those whose default is already safe, so a
 * changed Electron default cannot loosen the window (Electron security checklist: 2 no Node.js
 * integration, 3 context isolation, 4 process sandboxing, 6 webSecurity, 8 allowRunningInsecureContent,
 * 9 experimental features, 12 webview). Exported so a test can assert each one.
 */
export function mainWindowWebPreferences(options: MainWindowOptions): WebPreferences {
  return {
    preload: options.preloadPath,
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
    devTools: !options.isPackaged,
  };
}

/** The caseworker's window: hidden until the first paint, then loads the app from `app://`. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: MAIN_WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so the caseworker never sees an empty white frame.
    show: false,
    webPreferences: mainWindowWebPreferences(options),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[window] ${APP_ENTRY_URL} could not be loaded`, error);
  });
  return window;
}

export type FocusableWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'
>;

/** Brings the window forward when a second start of the app hands over to this one. */
export function focusWindow(window: FocusableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
