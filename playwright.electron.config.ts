import { defineConfig } from '@playwright/test';

// The smoke test of the built Electron app (test/e2e-electron). It needs the Electron binary, which
// only the Windows workflow downloads; elsewhere the spec skips and global-setup says why.
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/e2e-electron',
  globalSetup: './test/e2e-electron/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.AZR_PLAYWRIGHT_JSON
    ? [['list'], ['json', { outputFile: process.env.AZR_PLAYWRIGHT_JSON }]]
    : [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
