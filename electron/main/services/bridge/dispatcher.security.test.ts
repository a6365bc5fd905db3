import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../../shared/bridge/contract';
import { BridgeFailure } from '../../../../shared/bridge/result';
import { APP_ENTRY_URL, APP_URL } from '../app-origin';
import type { BridgeHandlers } from './dispatcher';
import { createBridgeDispatcher } from './dispatcher';
import { inertAdminDeps } from './admin-handlers.fixture';
import { createBridgeHandlers } from './handlers';
import type { BridgeSender } from './sender';
import { createTrustedSenderCheck } from './sender';

const appInfo = (overrides: Partial<AppInfo> = {}): AppInfo => ({
  name: 'azr-desk',
  version: '0.1.0',
  environment: 'test',
  ...overrides,
});

const sender = (overrides: Partial<BridgeSender> = {}): BridgeSender => ({
  url: APP_ENTRY_URL,
  isMainFrame: true,
  ...overrides,
});

function dispatcher(handlers: Partial<BridgeHandlers> = {}) {
  const onError = vi.fn();
  const bridge = createBridgeDispatcher({
    handlers: {
      ...createBridgeHandlers({
        appInfo: appInfo(),
        now: () => new Date('2030-05-06T07:08:09.000Z'),
        admin: inertAdminDeps(),
      }),
      ...handlers,
    },
    isTrustedSender: createTrustedSenderCheck(APP_URL),
    onError,
  });
  return { ...bridge, onError };
}

describe('the bridge dispatcher', () => {
  it('answers a valid call from the app page with ok and the value', async () => {
    await expect(dispatcher().dispatch('app.info', undefined, sender())).resolves.toEqual({
      ok: true,
      value: appInfo(),
    });
    await expect(dispatcher().dispatch('health.ping', undefined, sender())).resolves.toEqual({
      ok: true,
      value: { status: 'ok', time: '2030-05-06T07:08:09.000Z' },
    });
  });

  it.each([{ extra: true }, null, 0, '', []])(
    'refuses the schema-invalid payload %j with INVALID_REQUEST, without calling the handler',
    async (payload) => {
      const handler = vi.fn(() => appInfo());
      const result = await dispatcher({ 'app.info': handler }).dispatch(
        'app.info',
        payload,
        sender(),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['a foreign page', sender({ url: 'https://example.org/' })],
    ['a look-alike host', sender({ url: 'app://azr-desk.example.org/' })],
    ['a subframe of the app page', sender({ isMainFrame: false })],
    ['a frame without URL', sender({ url: '' })],
  ])('refuses a call from %s with FORBIDDEN_SENDER', async (_who, from) => {
    const handler = vi.fn(() => appInfo());
    const result = await dispatcher({ 'app.info': handler }).dispatch('app.info', undefined, from);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
  });

  // No channel reaches the register's admin or a Meldung type the client does not send.
  it.each(['register.merge', 'register.registerabgleich', '__proto__', 'constructor', ''])(
    'refuses the unknown channel %j with UNKNOWN_CHANNEL',
    async (channel) => {
      await expect(dispatcher().dispatch(channel, undefined, sender())).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    },
  );

  it('answers HANDLER_FAILED when a handler throws, without the error’s text', async () => {
    const bridge = dispatcher({
      'app.info': () => {
        throw new Error('ENOENT: C:\\Users\\sachbearbeiterin\\geheim.db');
      },
    });
    const result = await bridge.dispatch('app.info', undefined, sender());
    expect(result).toMatchObject({ ok: false, error: { code: 'HANDLER_FAILED' } });
    expect(JSON.stringify(result)).not.toMatch(/ENOENT|sachbearbeiterin|geheim/);
    expect(bridge.onError).toHaveBeenCalledWith('app.info', 'HANDLER_FAILED', expect.any(Error));
  });

  it('passes the code of a BridgeFailure through', async () => {
    const bridge = dispatcher({
      'health.ping': () => Promise.reject(new BridgeFailure('UNAVAILABLE', 'Register offline')),
    });
    await expect(bridge.dispatch('health.ping', undefined, sender())).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Register offline' },
    });
  });

  it('answers INVALID_RESPONSE when a handler breaks its response schema', async () => {
    const bridge = dispatcher({ 'app.info': () => appInfo({ version: 'kaputt' }) });
    await expect(bridge.dispatch('app.info', undefined, sender())).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_RESPONSE' },
    });
  });
});
