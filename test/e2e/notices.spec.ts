// Issue 7, item 4: change notices (090030) in Chromium against the training register over mTLS. A
// Folgemeldung draft names a seeded person; the register merges that person into another (admin
// POST /admin/merge, which sends our authority a notice); "Jetzt abrufen" shows the notice with
// the register's recommendation, and the draft carries the current AZR-Nummer. After a reload the
// notice is neither listed nor processed twice.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { populationBatch } from '../sandbox/seed';

const shots = 'test-results/screenshots';
const adminUrl = process.env.AZR_SANDBOX_ADMIN_URL ?? 'http://127.0.0.1:4434';

/**
 * Two generated persons of our authority (100001) that no other scenario names: from the end of
 * the seeded population (playwright.config.ts seeds 2,000 with seed 1), not yet merged.
 */
async function twoOwnPersons(request: APIRequestContext): Promise<[string, string]> {
  const found: string[] = [];
  const population = populationBatch(1, 0, 2000);
  for (const person of population.slice(-200).reverse()) {
    const response = await request.get(`${adminUrl}/admin/persons/${person.azrNummer}`);
    if (!response.ok()) continue;
    const record = (await response.json()) as {
      aktenfuehrendeBehoerde: string | null;
      zusammengefuehrtIn: string | null;
    };
    if (record.aktenfuehrendeBehoerde === '100001' && record.zusammengefuehrtIn === null)
      found.push(person.azrNummer);
    if (found.length === 2) return [found[0]!, found[1]!];
  }
  throw new Error('no two unmerged persons of authority 100001 in the seeded population');
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's focus manager sentinels (see search.spec.ts): a known false positive.
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(results.violations).toEqual([]);
}

async function registerReachable(page: Page) {
  await expect(page.getByTestId('register-status')).toHaveText(/^Register erreichbar/, {
    timeout: 30_000,
  });
}

/** A Folgemeldung draft to `azrNummer`, typed into the form and saved. */
async function newFolgemeldung(page: Page, azrNummer: string, familienname: string) {
  await page.goto('/#/entwuerfe');
  await page.getByRole('button', { name: 'Neue Folgemeldung' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Entwurf: Folgemeldung' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: /^AZR-Nummer/ }).fill(azrNummer);
  await page.getByRole('textbox', { name: 'Familienname' }).first().fill(familienname);
  await page.getByRole('textbox', { name: 'Geschäftszeichen' }).fill(`E2E-${familienname}`);
  await expect(page.getByTestId('autosave')).toHaveAttribute('data-state', 'saved');
}

/** The inbox entry of this merge (other specs may have merged persons too). */
const noticeOf = (page: Page, wegfallend: string) =>
  page
    .getByRole('list', { name: 'Mitteilungen des Registers' })
    .getByRole('listitem', { name: /^Zusammenführung von Datensätzen vom / })
    .filter({ hasText: wegfallend });

/** "Jetzt abrufen", then wait until a poll after the click has succeeded. */
async function fetchNow(page: Page) {
  const status = page.getByTestId('notices-poll-status');
  const before = Number((await status.getAttribute('data-last-success')) ?? 0);
  await page.getByRole('button', { name: 'Jetzt abrufen' }).click();
  await expect
    .poll(async () => Number((await status.getAttribute('data-last-success')) ?? 0), {
      timeout: 30_000,
    })
    .toBeGreaterThan(before);
  await expect(status).toHaveText(/^Zuletzt abgerufen: /);
}

test.describe('Mitteilungen zu Datenänderungen gegen das Trainingsregister', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1280, height: 1100 } });

  test('eine Zusammenführung schlüsselt den Entwurf um; die Mitteilung erscheint einmal', async ({
    page,
    request,
  }) => {
    const [wegfallend, bleibend] = await twoOwnPersons(request);

    // A Folgemeldung draft for the person that is about to be merged away.
    await newFolgemeldung(page, wegfallend, 'Zusammenführung');
    const draftUrl = page.url();
    await registerReachable(page);

    const merge = await request.post(`${adminUrl}/admin/merge`, {
      data: { wegfallend, bleibend },
    });
    expect(merge.ok()).toBe(true);

    await page
      .getByRole('navigation', { name: 'Bereiche' })
      .getByRole('link', { name: /^Mitteilungen/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitteilungen' })).toBeFocused();
    await fetchNow(page);
    const notice = noticeOf(page, wegfallend);
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText(`Wegfallende AZR-Nummer${wegfallend}`);
    await expect(notice).toContainText(`Aktuelle AZR-Nummer${bleibend}`);
    await expect(notice).toContainText(
      `Die Datensätze wurden zusammengeführt. Verwenden Sie künftig die AZR-Nummer ${bleibend}`,
    );
    await expect(notice.getByTestId('notice-local')).toHaveText(
      /^1 Entwurf auf die aktuelle AZR-Nummer umgeschlüsselt\./,
    );
    await expect(notice).toContainText('Ungelesen');
    const badge = page.getByTestId('notices-unread-badge');
    await expect(badge).toBeVisible();
    const unread = Number(await badge.textContent());
    expect(unread).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${shots}/notices-inbox.png`, fullPage: true });
    await expectNoAxeViolations(page);

    // Reload: nothing is listed or processed twice, even when fetched again.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mitteilungen' })).toBeVisible();
    await registerReachable(page);
    await fetchNow(page);
    await expect(noticeOf(page, wegfallend)).toHaveCount(1);
    await expect(noticeOf(page, wegfallend).getByTestId('notice-local')).toHaveText(
      /^1 Entwurf auf die aktuelle AZR-Nummer umgeschlüsselt\./,
    );
    await expect(page.getByTestId('notices-unread-badge')).toHaveText(String(unread));
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('azr-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      const rows = await new Promise<{ id: string; verarbeitetAm?: number }[]>(
        (resolve, reject) => {
          const all = db.transaction('notices').objectStore('notices').getAll();
          all.onsuccess = () => resolve(all.result as { id: string; verarbeitetAm?: number }[]);
          all.onerror = () => reject(all.error ?? new Error('read failed'));
        },
      );
      db.close();
      return rows.map((row) => ({ id: row.id, verarbeitet: row.verarbeitetAm !== undefined }));
    });
    expect(new Set(stored.map((row) => row.id)).size).toBe(stored.length);
    expect(stored.every((row) => row.verarbeitet)).toBe(true);

    // The draft now carries the current number; its link in the notice opens it.
    await noticeOf(page, wegfallend)
      .getByRole('button', { name: 'Als erledigt markieren' })
      .click();
    await expect(noticeOf(page, wegfallend)).toContainText('Erledigt');
    await noticeOf(page, wegfallend)
      .getByRole('link', { name: 'Entwurf öffnen: Zusammenführung' })
      .click();
    await expect(page).toHaveURL(draftUrl);
    await expect(page.getByRole('textbox', { name: /^AZR-Nummer/ })).toHaveValue(bleibend);
  });

  test('ein geöffneter Entwurf folgt der Zusammenführung, sobald das Register wieder erreichbar ist', async ({
    page,
    request,
  }) => {
    const [wegfallend, bleibend] = await twoOwnPersons(request);
    await newFolgemeldung(page, wegfallend, 'Offen');
    const azrNummer = page.getByRole('textbox', { name: /^AZR-Nummer/ });
    await registerReachable(page);

    // The register goes off the network and merges meanwhile; the caseworker keeps the form open.
    expect((await request.post(`${adminUrl}/admin/register/stop`)).ok()).toBe(true);
    try {
      await expect(page.getByTestId('register-status')).toHaveText(/nicht erreichbar/, {
        timeout: 45_000,
      });
      const merge = await request.post(`${adminUrl}/admin/merge`, {
        data: { wegfallend, bleibend },
      });
      expect(merge.ok()).toBe(true);
    } finally {
      await request.post(`${adminUrl}/admin/register/start`);
    }
    // Reachable again: the notices are fetched, the draft re-keyed, and the open form follows.
    await expect(azrNummer).toHaveValue(bleibend, { timeout: 45_000 });
    await expect(
      page.getByText(`Die AZR-Nummer ${wegfallend} ist weggefallen`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByTestId('autosave')).toHaveAttribute('data-state', 'saved');
    await page.screenshot({ path: `${shots}/notices-open-draft.png`, fullPage: true });
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByRole('textbox', { name: /^AZR-Nummer/ })).toHaveValue(bleibend);
  });

  test('ist das Register nicht erreichbar, sagt die Seite, dass nichts verloren geht', async ({
    page,
    request,
  }) => {
    await page.goto('/#/mitteilungen');
    await expect(page.getByRole('heading', { level: 1, name: 'Mitteilungen' })).toBeVisible();
    await registerReachable(page);
    const stop = await request.post(`${adminUrl}/admin/register/stop`);
    expect(stop.ok()).toBe(true);
    try {
      await page.getByRole('button', { name: 'Jetzt abrufen' }).click();
      const failure = page.getByTestId('notices-poll-failure');
      await expect(failure).toContainText('Das Register ist nicht erreichbar', {
        timeout: 45_000,
      });
      await expect(failure).toContainText('Es geht nichts verloren');
      await page.screenshot({ path: `${shots}/notices-unreachable.png`, fullPage: true });
      await expectNoAxeViolations(page);
    } finally {
      await request.post(`${adminUrl}/admin/register/start`);
    }
    await registerReachable(page);
    await fetchNow(page);
    await expect(page.getByTestId('notices-poll-failure')).toHaveCount(0);
  });
});
