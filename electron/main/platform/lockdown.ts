import { app as electronApp, session as electronSession } from 'electron';
import type { App, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '../services/app-origin';

/**
 * Whether a URL belongs to the app's own page. Scheme and host rather than `URL.origin`, which is
 * "null" for custom schemes in WHATWG URL; credentials in the URL are never the app's.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type LockdownWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type LockdownApp = Pick<App, 'on'>;
export type LockdownSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'
>;

/**
 * Locks one WebContents to the app page. Every navigation that leaves `app://azr-desk` is stopped
 * (Electron security checklist 13), new windows are denied (14) — a later issue may hand https links
 * to the OS browser, not now — and `<webview>` can never attach (12), even if a future change turned
 * the tag on by mistake.
 */
export function lockDownWebContents(contents: LockdownWebContents): void {
  const stayInApp = (event: { preventDefault(): void; url: string }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The default-deny baseline of architecture §4: every WebContents ever created is locked down, and
 * the session grants no permission (checklist 5: camera, notifications, clipboard, geolocation …)
 * and starts no download. Install after `ready` and before the first window.
 */
export function installLockdown(
  app: LockdownApp = electronApp,
  session: LockdownSession = electronSession.defaultSession,
): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
