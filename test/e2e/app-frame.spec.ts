import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test.describe('Das Anwendungsgerüst im Browser-Host', () => {
  test('zeigt die deutsche Oberfläche mit der Version aus dem Bridge-Aufruf', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/#\/suche$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Suche im Register' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const statusBar = page.getByRole('contentinfo', { name: 'Statusleiste' });
    await expect(statusBar).toContainText(`Version ${version}`);
    await expect(statusBar).toContainText('Umgebung: Test');
    await expect(statusBar.getByRole('status')).toHaveText('Anwendungsdienst bereit');
    await page.screenshot({ path: 'test-results/screenshots/app-frame.png', fullPage: true });
  });

  test('jeder Bereich ist eine echte Route und per Tastatur erreichbar', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Bereiche' });
    await nav.getByRole('link', { name: 'Postausgang' }).click();
    await expect(page).toHaveURL(/#\/postausgang$/);
    const heading = page.getByRole('heading', { level: 1, name: 'Postausgang' });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('button', { name: 'Jetzt senden' })).toBeVisible();

    await page.goto('/#/protokoll');
    await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  });

  test('die Sprache lässt sich auf Englisch umstellen und bleibt erhalten', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Sprache').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Register search' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText(
      `Version ${version}`,
    );
  });

  test('die Bridge lehnt ungültige Nutzdaten und fremde Herkunft mit typisierten Fehlern ab', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    const invalid = await page.evaluate(() =>
      fetch('/__bridge/health.ping', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request: { unexpected: true } }),
      }).then((r) => r.json() as Promise<unknown>),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    const foreign = await request.post('/__bridge/app.info', {
      headers: { origin: 'http://evil.example' },
      data: {},
    });
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  test('die Seite läuft unter der strengen CSP und hat keinen Zugriff auf Node', async ({
    page,
  }) => {
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    const blocked = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(blocked).toBe('blocked');
  });

  test('axe-core findet keine WCAG-2.1-AA-Verstöße im Anwendungsgerüst', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('status')).toHaveText('Anwendungsdienst bereit');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      // Tabster's aria-hidden focus sentinels (Fluent UI): a known false positive, see
      // microsoft/tabster#288 and search.spec.ts.
      .exclude('[data-tabster-dummy]')
      .analyze();
    expect(results.violations).toEqual([]);
  });
});
