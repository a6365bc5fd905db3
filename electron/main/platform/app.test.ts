import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { appInfoSchema } from '../../../shared/bridge/contract';
import type { App } from 'electron';
import type { IdentityApp } from './app';
import { appIdentity, exitAfterStartupFailure, quitWhenAllWindowsClosed } from './app';

vi.mock('electron', () => ({ app: {} }));

const identityApp = (isPackaged: boolean): IdentityApp => ({
  getName: () => 'azr-desk',
  getVersion: () => '0.1.0',
  isPackaged,
});

describe('appIdentity', () => {
  it('is production in a packaged build', () => {
    expect(appIdentity(identityApp(true))).toEqual({
      info: { name: 'azr-desk', version: '0.1.0', environment: 'production' },
      isPackaged: true,
    });
  });

  it('is development when run from the source tree, and matches the app.info schema', () => {
    const { info } = appIdentity(identityApp(false));
    expect(info.environment).toBe('development');
    expect(appInfoSchema.parse(info)).toEqual(info);
  });
});

describe('the app lifecycle', () => {
  it('quits when the last window is closed', () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    quitWhenAllWindowsClosed(app as unknown as Pick<App, 'on' | 'quit'>);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('exits with a failure code when start-up fails', () => {
    const app = { exit: vi.fn() };
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    exitAfterStartupFailure(new Error('kaputt'), app);
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    log.mockRestore();
  });
});
