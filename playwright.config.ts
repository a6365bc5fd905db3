import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
// A fresh data folder per run: the host's hash-chained protocol has one writer, and two hosts
// sharing the default folder (parallel runs) would break its chain.
process.env.AZR_HOST_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'azr-desk-e2e-'));
const port = Number(process.env.AZR_E2E_PORT);
// The training register the host talks to, with its admin interface for the specs (faults, stop and
// start: see test/sandbox/admin.ts). Chosen here so the specs know the admin URL.
process.env.AZR_E2E_SANDBOX_PORT ??= String(await freePort());
process.env.AZR_E2E_SANDBOX_ADMIN_PORT ??= String(await freePort());
const sandboxPort = Number(process.env.AZR_E2E_SANDBOX_PORT);
const sandboxAdminPort = Number(process.env.AZR_E2E_SANDBOX_ADMIN_PORT);
process.env.AZR_SANDBOX_URL = `https://127.0.0.1:${sandboxPort}`;
process.env.AZR_SANDBOX_ADMIN_URL = `http://127.0.0.1:${sandboxAdminPort}`;

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
    // No colour transitions: axe-core otherwise may sample a button halfway from disabled grey to
    // its colour (a contrast "violation" of a frame that nobody reads).
    reducedMotion: 'reduce',
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
    command: `npx tsx test/host/main.ts --port ${port} --environment test --persons 2000 --register-port ${sandboxPort} --register-admin-port ${sandboxAdminPort}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Seeding the training register (2,000 persons plus the scenario persons) takes a while.
    timeout: 180_000,
    stdout: 'pipe',
  },
});
