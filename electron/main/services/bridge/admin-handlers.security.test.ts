import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_URL } from '../app-origin';
import { createLogger } from '../logging/logger';
import { createSettingsService } from '../policy/service';
import { inertAdminDeps } from './admin-handlers.fixture';
import { createBridgeDispatcher } from './dispatcher';
import { createBridgeHandlers } from './handlers';
import { createTrustedSenderCheck } from './sender';

const sender = { url: APP_ENTRY_URL, isMainFrame: true };

function bridge(policy: Record<string, unknown>) {
  const settings = createSettingsService({
    readPolicy: () => Promise.resolve([{ source: 'hklm', values: policy }]),
    files: { read: () => Promise.resolve(undefined), writeAtomic: () => Promise.resolve() },
    userSettingsFile: '/u/settings.json',
    log: createLogger('t', { write: () => undefined, recent: () => '', path: '' }),
  });
  return createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'azr-desk', version: '1.0.0', environment: 'test' },
      now: () => new Date(),
      admin: { ...inertAdminDeps(), settings },
    }),
    isTrustedSender: createTrustedSenderCheck(APP_URL),
  });
}

describe('settings über die Bridge', () => {
  it('settings.get nennt zu jedem Wert Quelle und Sperre', async () => {
    const result = await bridge({ inactivityLockMinutes: 5 }).dispatch(
      'settings.get',
      undefined,
      sender,
    );
    expect(result).toMatchObject({ ok: true });
    const value = (result as { value: { settings: { key: string }[] } }).value;
    expect(value.settings.find((s) => s.key === 'inactivityLockMinutes')).toEqual({
      key: 'inactivityLockMinutes',
      value: 5,
      source: 'hklm',
      locked: true,
      editable: false,
    });
  });

  it('settings.set auf einen gesperrten Wert antwortet mit dem typisierten Fehler SETTING_LOCKED', async () => {
    await expect(
      bridge({ inactivityLockMinutes: 5 }).dispatch(
        'settings.set',
        { key: 'inactivityLockMinutes', value: 30 },
        sender,
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'SETTING_LOCKED' } });
  });

  it('ein Wert außerhalb der Grenzen oder vom falschen Typ scheitert schon am Schema', async () => {
    const dispatcher = bridge({});
    for (const request of [
      { key: 'inactivityLockMinutes', value: 0 },
      { key: 'inactivityLockMinutes', value: '5' },
      { key: 'logLevel', value: 'laut' },
      { key: 'gibtEsNicht', value: 1 },
    ]) {
      await expect(dispatcher.dispatch('settings.set', request, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
  });
});
