// What `import 'electron'` resolves to in every Vitest run (vitest.config.ts aliases it here): in plain
// Node the real package would try to download the Electron binary. Each export is an inert stand-in
// that fails loudly when touched, so a test that forgot `vi.mock('electron', …)` says so instead of
// passing against a silent fake.
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  ContextBridge,
  Dialog,
  IpcMain,
  IpcRenderer,
  Net,
  Protocol,
  SafeStorage,
  Session,
  Shell,
} from 'electron';

export const ELECTRON_MOCK_MESSAGE =
  "electron is mocked in unit tests; use vi.mock('electron') in this test";

/**
 * Keys that test tooling reads on any value it inspects or awaits (thenable checks, pretty-format,
 * jest-dom, spies): answering them with `undefined` keeps an accidental import harmless until the
 * code under test actually uses Electron.
 */
const introspectionKeys = new Set<PropertyKey>([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'mock',
]);

function fail(name: string, detail: string): never {
  throw new Error(`${ELECTRON_MOCK_MESSAGE} (${name}${detail})`);
}

/** A value that throws on every use: property access, call, construction, assignment. */
function inert<T>(name: string): T {
  // A function target so that both `api.call()` and `new BrowserWindow()` reach a trap.
  const target = function inertElectronStub() {};
  return new Proxy(target, {
    get(_target, key) {
      if (typeof key === 'symbol' || introspectionKeys.has(key)) return undefined;
      return fail(name, `.${key}`);
    },
    set: (_target, key) => fail(name, `.${String(key)} =`),
    apply: () => fail(name, '()'),
    construct: () => fail(`new ${name}`, '()'),
  }) as unknown as T;
}

export const app = inert<App>('app');
export const BrowserWindow = inert<typeof ElectronBrowserWindow>('BrowserWindow');
export const ipcMain = inert<IpcMain>('ipcMain');
export const ipcRenderer = inert<IpcRenderer>('ipcRenderer');
export const contextBridge = inert<ContextBridge>('contextBridge');
export const protocol = inert<Protocol>('protocol');
export const session = inert<{
  defaultSession: Session;
  fromPartition(partition: string): Session;
}>('session');
export const net = inert<Net>('net');
export const shell = inert<Shell>('shell');
export const dialog = inert<Dialog>('dialog');
export const safeStorage = inert<SafeStorage>('safeStorage');
