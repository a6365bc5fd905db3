// Runs in the page, before the renderer: defines `window.azr` over HTTP from the same contract the
// Electron preload uses, so the renderer cannot tell which host it runs in.
import { createAzrApi } from '../../../shared/bridge/api';
import { bridgeFail } from '../../../shared/bridge/result';

const api = createAzrApi(async (channel, request) => {
  try {
    const response = await fetch(`/__bridge/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ request }),
    });
    return (await response.json()) as unknown;
  } catch (error) {
    // A dropped host is what a crashed main process is in Electron: a typed failure, not a throw.
    return bridgeFail('UNAVAILABLE', error instanceof Error ? error.message : 'fetch failed');
  }
});

Object.defineProperty(window, 'azr', { value: api, writable: false, configurable: false });
