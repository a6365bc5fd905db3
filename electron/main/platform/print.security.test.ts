// The hidden print window (issue 8, item 5) with a mocked electron: the main window's hardened
// webPreferences, never shown, the app's own print route, printToPDF only after the route said
// ready, A4 + tagged + page numbers, and the window destroyed whatever happens.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../services/app-origin';
import { PRINT_TO_PDF_OPTIONS, createPdfRenderer } from './print';
import { mainWindowWebPreferences } from './window';

const electron = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    static loadResult: () => Promise<void> = () => Promise.resolve();
    destroyed = false;
    readonly loadURL = vi.fn((_url: string) => FakeBrowserWindow.loadResult());
    readonly isDestroyed = () => this.destroyed;
    readonly destroy = vi.fn(() => {
      this.destroyed = true;
    });
    readonly show = vi.fn();
    readonly webContents = {
      printToPDF: vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-1.4'))),
    };
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});
vi.mock('electron', () => electron);

const options = { preloadPath: '/app/out/preload/index.cjs', isPackaged: true } as const;
const ROUTE = `/druck/${'A'.repeat(43)}`;

function lastWindow() {
  const window = electron.BrowserWindow.created.at(-1);
  if (!window) throw new Error('no window');
  return window;
}

beforeEach(() => {
  electron.BrowserWindow.created = [];
  electron.BrowserWindow.loadResult = () => Promise.resolve();
  vi.useRealTimers();
});

describe('the hidden print window', () => {
  it('uses exactly the main window’s hardened webPreferences and is never shown', async () => {
    const render = createPdfRenderer(options);
    await render(ROUTE, Promise.resolve());
    const window = lastWindow();
    expect(window.options['show']).toBe(false);
    expect(window.options['webPreferences']).toEqual(mainWindowWebPreferences(options));
    expect(window.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.show).not.toHaveBeenCalled();
  });

  it('loads the app’s own print route and prints only once the route is ready', async () => {
    let signal: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (signal = resolve));
    const render = createPdfRenderer(options);
    const pending = render(ROUTE, ready);
    await Promise.resolve();
    await Promise.resolve();
    const window = lastWindow();
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_ENTRY_URL}#${ROUTE}`);
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    signal();
    const bytes = await pending;
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.4');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(PRINT_TO_PDF_OPTIONS);
    expect(window.destroy).toHaveBeenCalled();
  });

  it('asks for an A4, tagged PDF with "Seite X von Y" in the footer', () => {
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      generateTaggedPDF: true,
      displayHeaderFooter: true,
    });
    expect(PRINT_TO_PDF_OPTIONS.footerTemplate).toContain(
      'Seite <span class="pageNumber"></span> von <span class="totalPages"></span>',
    );
    expect(PRINT_TO_PDF_OPTIONS.footerTemplate).toContain('Vertraulich – personenbezogene Daten');
  });

  it('destroys the window when the route never becomes ready', async () => {
    vi.useFakeTimers();
    const render = createPdfRenderer({ ...options, timeoutMs: 1_000 });
    const pending = render(ROUTE, new Promise<void>(() => undefined));
    const outcome = expect(pending).rejects.toThrow(/did not signal ready/);
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
    const window = lastWindow();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(window.destroy).toHaveBeenCalled();
  });

  it('destroys the window when the page cannot be loaded', async () => {
    electron.BrowserWindow.loadResult = () => Promise.reject(new Error('ERR_FAILED'));
    const render = createPdfRenderer(options);
    await expect(render(ROUTE, Promise.resolve())).rejects.toThrow('ERR_FAILED');
    expect(lastWindow().destroy).toHaveBeenCalled();
  });
});
