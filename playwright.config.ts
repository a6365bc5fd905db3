import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';

// Playwright cannot download browsers on the build machines: use Debian's Chromium, or the browser
// named by AZR_CHROMIUM_PATH; elsewhere (the Windows workflow) Playwright's own installed Chromium.
const chromiumPath =
  process.env.AZR_CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** A free port, chosen once: workers load this file again and inherit it through the env. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

process.env.AZR_E2E_PORT ??= String(await freePort());
const port = Number(process.env.AZR_E2E_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.AZR_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.AZR_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      // Without these Chromium keeps dialling Google's hosts on a closed network.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx tsx test/host/main.ts --port ${port} --environment test`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
