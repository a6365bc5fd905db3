import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AzrApi } from '../../shared/bridge/api';
import { bridgeContract } from '../../shared/bridge/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));
vi.mock('electron', () => electron);

let exposed: unknown;

beforeAll(async () => {
  await import('./index');
  exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1];
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

const azr = () => exposed as AzrApi;

/** Every `area.call` the exposed object offers, found by walking it, not by trusting its type. */
function exposedCalls(value: unknown): string[] {
  return Object.entries(value as Record<string, Record<string, unknown>>).flatMap(([area, calls]) =>
    Object.entries(calls).map(([call, fn]) => `${area}.${call}:${typeof fn}`),
  );
}

describe('the preload', () => {
  it('exposes exactly one object, window.azr, through the context bridge', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('azr');
  });

  it('offers exactly the contract’s areas and calls, all functions, nothing else', () => {
    const contract = Object.keys(bridgeContract).map((channel) => `${channel}:function`);
    expect(exposedCalls(exposed).sort()).toEqual(contract.sort());
  });

  it('hands out no Electron API (no ipcRenderer, invoke, send or on)', () => {
    const names = exposedCalls(exposed).join(' ');
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', '.on:', 'require', 'process']) {
      expect(names).not.toContain(forbidden);
    }
  });

  it('freezes the API so the page cannot swap a call', () => {
    expect(Object.isFrozen(exposed)).toBe(true);
    expect(Object.isFrozen(azr().app)).toBe(true);
  });

  it.each(Object.keys(bridgeContract))(
    'sends %s over the azr:<channel> IPC name',
    async (channel) => {
      const answer = { ok: true, value: { from: 'main' } };
      electron.ipcRenderer.invoke.mockResolvedValue(answer);
      const [area, call] = channel.split('.') as [string, string];
      const fn = (
        exposed as Record<string, Record<string, (request?: unknown) => Promise<unknown>>>
      )[area]?.[call];

      await expect(fn?.()).resolves.toBe(answer);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
        `azr:${channel}`,
        undefined,
      );
    },
  );

  it('turns an unreachable main process into a typed UNAVAILABLE result', async () => {
    electron.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'azr:x'"));
    await expect(azr().health.ping()).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});

describe('the preload bundle', () => {
  // Bundled the way electron-vite does (everything but 'electron' inlined): a sandboxed preload can
  // require nothing else, and it must stay free of zod and the schemas (main validates).
  async function bundle() {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    return { inputs: Object.keys(result.metafile.inputs), code };
  }

  it('contains only the preload, the channel list and createAzrApi', async () => {
    const { inputs } = await bundle();
    expect(inputs.map((input) => input.replace(/^.*?(electron|shared)\//, '$1/')).sort()).toEqual([
      'electron/preload/index.ts',
      'shared/bridge/api.ts',
      'shared/bridge/channels.ts',
    ]);
  });

  it('requires nothing but electron at run time', async () => {
    const { code } = await bundle();
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
