import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, projectRoot, skipMessage } from './electron-binary';

const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** The page's view of the bridge, as far as this test touches it. */
type PageWindow = Window & {
  azr?: Record<string, Record<string, (request?: unknown) => Promise<unknown>>>;
};

const binary = findElectronBinary();

test.describe('azr-desk in Electron', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!binary.found, binary.found ? '' : skipMessage(binary.reason));

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!binary.found) return;
    if (!existsSync(join(projectRoot, 'out', 'main', 'index.js'))) {
      throw new Error('out/main/index.js fehlt: vor dem Smoke-Test `npm run build` ausführen.');
    }
    // The executable is passed explicitly: without it Playwright would require('electron'), which
    // downloads the binary when it is missing.
    app = await electron.launch({
      executablePath: binary.executablePath,
      args: ['.'],
      cwd: projectRoot,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('öffnet genau ein Fenster mit dem Titel azr-desk', async () => {
    await expect(page).toHaveTitle(/(^|– )azr-desk$/);
    const titles = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => window.getTitle()),
    );
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/(^|– )azr-desk$/);
  });

  test('lädt die Oberfläche vom app://-Schema mit CSP', async () => {
    expect(page.url()).toMatch(/^app:\/\/azr-desk\//);
    const csp = await page.evaluate(async () => {
      const response = await fetch('/index.html');
      return response.headers.get('content-security-policy');
    });
    expect(csp).toContain("default-src 'self'");
  });

  test('bietet window.azr mit app.info und health.ping, aber kein Node', async () => {
    const bridge = await page.evaluate(async () => {
      const azr = (window as PageWindow).azr;
      return {
        info: typeof azr?.app?.info,
        ping: typeof azr?.health?.ping,
        answer: await azr?.app?.info?.(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      };
    });
    expect(bridge).toMatchObject({
      info: 'function',
      ping: 'function',
      answer: { ok: true, value: { name: 'azr-desk', version } },
      require: 'undefined',
      process: 'undefined',
    });
  });

  test('zeigt die Version in der Statusleiste', async () => {
    await expect(page.locator('[aria-label="Statusleiste"]')).toContainText(`Version ${version}`);
  });

  test('bleibt auf der App-Seite: kein window.open, keine fremde Navigation', async () => {
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    // A prevented navigation leaves no trace to wait for; give a real one time to start.
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/azr-desk\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
