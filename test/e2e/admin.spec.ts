// Admin features in the browser host (issue 8): a setting locked by machine policy, the help menu
// with "Über azr-desk", the accessibility statement and the diagnostics export. This spec starts its
// own host with a policy file (standing in for HKLM / %ProgramData%) and a fresh data folder.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningBrowserHost } from '../host/start';
import { startBrowserHost } from '../host/start';

let host: RunningBrowserHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'azr-admin-e2e-'));
  const policyFile = join(dataDir, 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({ inactivityLockMinutes: 5, registerUrl: 'https://127.0.0.1:9/' }),
  );
  host = await startBrowserHost({ port: 0, environment: 'test', dataDir, policyFile });
});

test.afterAll(async () => {
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations).toEqual([]);
}

test.describe('Verwaltung durch die Organisation', () => {
  test('ein per Richtlinie gesperrter Wert ist als verwaltet gekennzeichnet und nicht änderbar', async ({
    page,
  }) => {
    await page.goto(`${host.url}#/einstellungen`);
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
    const locked = page.getByRole('group', { name: 'Sperre bei Inaktivität (Minuten)' });
    await expect(locked).toContainText('Von Ihrer Organisation verwaltet');
    await expect(locked).toContainText('Wirksamer Wert: 5');
    await expect(locked).toContainText('Quelle: Richtliniendatei des Computers');
    await expect(locked.getByRole('spinbutton')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/settings-locked.png', fullPage: true });
    await expectNoAxeViolations(page);
  });

  test('eine erlaubte Einstellung wird gespeichert und bleibt nach dem Neuladen erhalten', async ({
    page,
  }) => {
    await page.goto(`${host.url}#/einstellungen`);
    const input = page.getByRole('spinbutton', {
      name: 'Neuer Wert für „Aufbewahrung von Entwürfen (Tage)“',
    });
    await input.fill('14');
    const form = page.locator('form[data-setting="draftRetentionDays"]');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(form.getByRole('status')).toHaveText('Gespeichert.');
    await page.reload();
    await expect(page.locator('form[data-setting="draftRetentionDays"]')).toContainText(
      'Quelle: Ihre Einstellung',
    );
    await expect(
      page.getByRole('spinbutton', { name: 'Neuer Wert für „Aufbewahrung von Entwürfen (Tage)“' }),
    ).toHaveValue('14');
  });

  test('die Bridge lehnt das Ändern eines gesperrten Werts mit SETTING_LOCKED ab', async ({
    page,
  }) => {
    await page.goto(host.url);
    const answer = await page.evaluate(() =>
      fetch('/__bridge/settings.set', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request: { key: 'inactivityLockMinutes', value: 30 } }),
      }).then((r) => r.json() as Promise<unknown>),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'SETTING_LOCKED' } });
  });
});

test.describe('Hilfe', () => {
  test('„Über azr-desk“ zeigt Version und Umgebung', async ({ page }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Hilfe' }).click();
    await page.getByRole('menuitem', { name: 'Über azr-desk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Über azr-desk' });
    await expect(dialog).toContainText('Version');
    await expect(dialog).toContainText('Test');
    await page.screenshot({ path: 'test-results/screenshots/about.png' });
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await expect(dialog).toBeHidden();
  });

  test('die Erklärung zur Barrierefreiheit ist aus dem Hilfemenü erreichbar', async ({ page }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Hilfe' }).click();
    await page.getByRole('menuitem', { name: 'Erklärung zur Barrierefreiheit' }).click();
    await expect(page).toHaveURL(/#\/barrierefreiheit$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Barrieren melden' })).toBeVisible();
    await page.screenshot({
      path: 'test-results/screenshots/accessibility-statement.png',
      fullPage: true,
    });
    await expectNoAxeViolations(page);
  });

  test('Diagnosedaten exportieren speichert ein ZIP und sagt wo', async ({ page }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Hilfe' }).click();
    await page.getByRole('menuitem', { name: 'Diagnosedaten exportieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diagnosedaten exportieren' });
    await expect(dialog).toContainText('Personenbezogene Daten sind nicht enthalten');
    await dialog.getByRole('button', { name: 'Exportieren' }).click();
    await expect(dialog).toContainText('Die Diagnosedaten wurden gespeichert:', {
      timeout: 15_000,
    });
    await page.screenshot({ path: 'test-results/screenshots/diagnostics.png' });
    await expectNoAxeViolations(page);
    const folder = join(dataDir, 'diagnostics');
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder).some((name) => /^azr-desk-diagnose-.*\.zip$/.test(name))).toBe(true);
  });
});
