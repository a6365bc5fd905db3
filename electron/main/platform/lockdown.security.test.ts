import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockdownApp, LockdownSession, LockdownWebContents } from './lockdown';
import { installLockdown, isAppUrl, lockDownWebContents } from './lockdown';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      on: vi.fn(),
    },
  },
}));
vi.mock('electron', () => electron);

/** A WebContents as far as the lockdown touches it: events and the window-open handler. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler:
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
    | undefined;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
}

const preventable = (url = '') => ({ url, preventDefault: vi.fn() });

function lockedDown() {
  const contents = new FakeWebContents();
  lockDownWebContents(contents as unknown as LockdownWebContents);
  return contents;
}

function installed() {
  const app = new EventEmitter();
  const session = new FakeSession();
  installLockdown(app as unknown as LockdownApp, session as unknown as LockdownSession);
  return { app, session };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'to a foreign site is prevented (%s)',
    (event) => {
      const contents = lockedDown();
      const navigation = preventable('https://example.org/phishing');
      contents.emit(event, navigation, navigation.url);
      expect(navigation.preventDefault).toHaveBeenCalled();
    },
  );

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'within the app page is allowed (%s)',
    (event) => {
      const contents = lockedDown();
      const navigation = preventable('app://azr-desk/index.html#/suche');
      contents.emit(event, navigation, navigation.url);
      expect(navigation.preventDefault).not.toHaveBeenCalled();
    },
  );

  it.each([
    'https://azr-desk/',
    'file:///C:/Windows/System32/',
    'app://azr-desk.example.org/',
    'app://anderer-host/index.html',
    'app://nutzer:kennwort@azr-desk/',
    'javascript:alert(1)',
    'kein url',
  ])('counts %s as foreign', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('new windows', () => {
  it.each(['https://example.org/', 'app://azr-desk/index.html'])(
    'are denied, even for %s',
    (url) => {
      const contents = lockedDown();
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    },
  );
});

describe('webview', () => {
  it('cannot attach', () => {
    const contents = lockedDown();
    const attach = preventable();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('installLockdown', () => {
  it('locks down every WebContents the app creates', () => {
    const { app } = installed();
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    app.emit('web-contents-created', preventable(), first);
    app.emit('web-contents-created', preventable(), second);
    for (const contents of [first, second]) {
      const navigation = preventable('https://example.org/');
      contents.emit('will-navigate', navigation, navigation.url);
      expect(navigation.preventDefault).toHaveBeenCalled();
      expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
        action: 'deny',
      });
    }
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown'])(
    'denies the permission request %s',
    (permission) => {
      const { session } = installed();
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it.each(['media', 'notifications', 'clipboard-sanitized-write', 'fullscreen'])(
    'denies the permission check %s',
    (permission) => {
      const { session } = installed();
      expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
    },
  );

  it('cancels every download', () => {
    const { session } = installed();
    const download = preventable();
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('guards the default session and the real app when called without arguments', () => {
    installLockdown();
    const { app, session } = electron;
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.on).toHaveBeenCalledWith('will-download', expect.any(Function));
  });
});
