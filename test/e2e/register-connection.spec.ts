// The browser host of the e2e run talks to its training register (started by playwright.config.ts):
// the bridge answers with the register's state, and the register's admin interface
// (AZR_SANDBOX_ADMIN_URL) can take it off the network for "Register nicht erreichbar" scenarios.
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const adminUrl = process.env.AZR_SANDBOX_ADMIN_URL ?? '';

const bridge = (page: Page, channel: string, request?: unknown) =>
  page.evaluate(
    ([name, body]) =>
      fetch(`/__bridge/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request: body }),
      }).then((r) => r.json() as Promise<unknown>),
    [channel, request] as const,
  );

test.describe('Verbindung zum Übungsregister', () => {
  test.afterEach(async () => {
    await fetch(`${adminUrl}/admin/register/start`, { method: 'POST' });
  });

  test('das Register ist erreichbar, mit Zulassung und Behördenzertifikat', async ({ page }) => {
    expect(adminUrl).not.toBe('');
    await page.goto('/');
    await expect
      .poll(() => bridge(page, 'register.status'))
      .toMatchObject({
        ok: true,
        value: { erreichbar: true, zulassung: { behoerdenkennzeichen: '100001' } },
      });
    expect(await bridge(page, 'certificate.status')).toMatchObject({
      ok: true,
      value: { state: 'ok' },
    });
  });

  test('ein gestopptes Register meldet „nicht erreichbar“', async ({ page }) => {
    await page.goto('/');
    await fetch(`${adminUrl}/admin/register/stop`, { method: 'POST' });
    // register.status is cached for a few seconds: poll until the stop shows.
    await expect
      .poll(() => bridge(page, 'register.status'), { timeout: 20_000 })
      .toMatchObject({
        ok: true,
        value: { erreichbar: false, fehler: { code: 'REGISTER_UNREACHABLE' } },
      });
  });
});
