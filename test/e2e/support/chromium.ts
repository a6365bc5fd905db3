// A Chromium the spec starts itself (not through Playwright), so it owns the process and can kill
// it with SIGKILL as a crash or a power-button press would; reconnected over CDP with the same
// persistent profile.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';

export const chromiumPath =
  process.env.AZR_CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export interface RunningChromium {
  readonly process: ChildProcess;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export async function launch(userDataDir: string): Promise<RunningChromium> {
  if (!chromiumPath) throw new Error('no Chromium');
  const child = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--no-sandbox',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--lang=de-DE',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  // As in playwright.config.ts: no colour transitions under axe-core.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return { process: child, browser, context, page };
}

/** SIGKILL, as a crash would: no unload handlers, no orderly IndexedDB shutdown. */
export async function kill(running: RunningChromium): Promise<void> {
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  running.process.kill('SIGKILL');
  await exited;
}

/**
 * Deletes a profile after the browser is gone. Chromium's helper processes can outlive a killed
 * browser process by a moment and still write into the profile (ENOTEMPTY while removing): retry.
 */
export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
