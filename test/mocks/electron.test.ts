// The stand-in every test gets for `electron` (vitest.config.ts alias): harmless to import, loud to use.
import { BrowserWindow, app, ipcRenderer, safeStorage, session } from 'electron';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MOCK_MESSAGE } from './electron';

describe('the electron stand-in', () => {
  it('names the fix when a test calls an Electron API it did not mock', () => {
    expect(() => app.getVersion()).toThrow(ELECTRON_MOCK_MESSAGE);
    expect(() => safeStorage.isEncryptionAvailable()).toThrow(ELECTRON_MOCK_MESSAGE);
    expect(() => session.defaultSession).toThrow(ELECTRON_MOCK_MESSAGE);
    expect(() => ipcRenderer.invoke('azr:app.info')).toThrow("use vi.mock('electron')");
  });

  it('refuses to construct a window', () => {
    expect(() => new BrowserWindow()).toThrow(ELECTRON_MOCK_MESSAGE);
  });

  it('stays inert when merely imported, awaited or inspected', async () => {
    await expect(Promise.resolve(app)).resolves.toBe(app);
    expect(String(Object.prototype.toString.call(app))).toBe('[object Function]');
  });
});
