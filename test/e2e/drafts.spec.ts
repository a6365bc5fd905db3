// Issue 6, "Done when": offline drafts in a real Chromium with a persistent profile. The browser is
// started here (not by Playwright) so the test owns its process and can kill it with SIGKILL, as a
// crash or a power-button press would; it is reconnected over CDP with the same profile.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningChromium } from './support/chromium';
import { chromiumPath, kill, launch, removeProfile } from './support/chromium';

const port = Number(process.env.AZR_E2E_PORT ?? 4179);
const appUrl = `http://127.0.0.1:${port}/`;
const shots = 'test-results/screenshots';
const DAY_MS = 24 * 60 * 60 * 1000;

/** 20 seeded persons: names and birth dates that must never appear in clear on disk. */
const persons = [
  ['Schewtschenko', 'Oleksandra', '14.02.1990'],
  ['Kowalczyk', 'Łucja', '03.11.1987'],
  ['Al-Rashidi', 'Yasmin', '00.07.2001'],
  ['Nguyễn', 'Thị Lan', '21.09.1979'],
  ['Popescu', 'Ionuț', '00.00.1995'],
  ['Haddad', 'Karim', '08.04.1968'],
  ['Yılmaz', 'Ayşe', '17.12.1992'],
  ['Abdullahi', 'Fatuma', '00.03.2004'],
  ['Petrović', 'Dragan', '29.02.1984'],
  ['Osei', 'Kwabena', '11.06.1975'],
  ['Rahimi', 'Zahra', '05.01.1999'],
  ['Tesfaye', 'Meron', '23.08.1988'],
  ['Kuznetsova', 'Irina', '30.10.1971'],
  ['Baptiste', 'Jean-Luc', '12.05.1983'],
  ['Hosseini', 'Dariush', '00.09.1966'],
  ['Mwangi', 'Wanjiru', '19.03.1997'],
  ['Gashi', 'Arbër', '02.12.1990'],
  ['Sandoval', 'Marisol', '27.07.1985'],
  ['Begum', 'Nasreen', '15.11.1973'],
  ['Ivanova', 'Svetlana', '09.01.1960'],
] as const;

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every encoding Chromium may use for a string on disk: UTF-8, Latin-1 (one-byte V8), UTF-16LE. */
function encodings(text: string): Buffer[] {
  const forms = new Set([text, text.normalize('NFC'), text.normalize('NFD')]);
  const out: Buffer[] = [];
  for (const form of forms) {
    out.push(Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le'));
    if ([...form].every((c) => c.charCodeAt(0) < 256)) out.push(Buffer.from(form, 'latin1'));
  }
  return out;
}

async function findInFiles(files: readonly string[], needles: readonly string[]) {
  const found: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) continue;
    for (const needle of needles)
      if (encodings(needle).some((e) => bytes.includes(e))) found.push(`${needle} in ${file}`);
  }
  return found;
}

const autosave = (page: Page) => page.getByTestId('autosave');

async function expectSaved(page: Page) {
  await expect(autosave(page)).toHaveAttribute('data-state', 'saved');
  await expect(autosave(page).getByRole('status')).toContainText('Entwurf gespeichert · ');
}

async function newErstmeldung(
  page: Page,
  [familienname, vorname, geburtsdatum]: readonly string[],
) {
  await page.goto(`${appUrl}#/entwuerfe`);
  await page.getByRole('button', { name: 'Neue Erstmeldung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entwurf: Erstmeldung' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Familienname' })
    .first()
    .fill(familienname ?? '');
  await page
    .getByRole('textbox', { name: 'Vornamen' })
    .first()
    .fill(vorname ?? '');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill(geburtsdatum ?? '');
  await expectSaved(page);
}

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations).toEqual([]);
}

test.describe('Offline-Entwürfe in Chromium mit dauerhaftem Profil', () => {
  test.skip(!chromiumPath, 'kein Chromium unter /usr/bin/chromium oder AZR_CHROMIUM_PATH');
  test.setTimeout(180_000);

  let profile: string;
  let running: RunningChromium | undefined;

  test.beforeEach(async () => {
    profile = await mkdtemp(join(tmpdir(), 'azr-e2e-profile-'));
  });
  test.afterEach(async () => {
    if (running && running.process.exitCode === null) await kill(running);
    running = undefined;
    await removeProfile(profile);
  });

  test('Eingaben überstehen das Beenden des Browsers; auf der Platte stehen keine Namen im Klartext', async () => {
    running = await launch(profile);
    let page = running.page;
    for (const person of persons) await newErstmeldung(page, person);

    // The last draft: more fields, then kill the browser the moment the status says "gespeichert".
    await page.getByRole('textbox', { name: 'Geschäftszeichen' }).fill('ABH-2026/4711');
    await page.getByRole('textbox', { name: 'Geburtsort' }).fill('Kyjiw');
    await expectSaved(page);
    const draftUrl = page.url();
    await kill(running);

    running = await launch(profile);
    page = running.page;
    await page.goto(draftUrl);
    await expect(page.getByRole('textbox', { name: 'Familienname' }).first()).toHaveValue(
      'Ivanova',
    );
    await expect(page.getByRole('textbox', { name: 'Geschäftszeichen' })).toHaveValue(
      'ABH-2026/4711',
    );
    await expect(page.getByRole('textbox', { name: 'Geburtsort' })).toHaveValue('Kyjiw');

    // A crashed renderer (not the whole browser) loses nothing either.
    await page.getByRole('textbox', { name: 'Geburtsort' }).fill('Charkiw');
    await expectSaved(page);
    const cdp = await running.context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // Page.crash never answers: the renderer is gone before it could.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    page = await running.context.newPage();
    await page.goto(draftUrl);
    await expect(page.getByRole('textbox', { name: 'Geburtsort' })).toHaveValue('Charkiw');

    await page.goto(`${appUrl}#/entwuerfe`);
    await expect(page.getByText('20 Entwürfe')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Name' }).fill('Schewt');
    await expect(page.getByRole('link', { name: 'Schewtschenko, Oleksandra' })).toBeVisible();
    await expect(page.getByText('1 Entwurf', { exact: true })).toBeVisible();
    await kill(running);
    running = undefined;

    const idbFiles = await filesUnder(join(profile, 'Default', 'IndexedDB'));
    expect(idbFiles.length).toBeGreaterThan(0);
    // The scan must be able to see clear text at all: the non-personal kind is stored in clear.
    expect(await findInFiles(idbFiles, ['erstmeldung'])).not.toEqual([]);
    const secrets = persons.flatMap(([familienname, vorname, geburtsdatum]) => [
      familienname,
      vorname,
      geburtsdatum,
    ]);
    expect(await findInFiles(idbFiles, [...secrets, 'ABH-2026/4711', 'Kyjiw', 'Charkiw'])).toEqual(
      [],
    );
    // Nor anywhere else in the profile (autofill, session restore, caches).
    expect(await findInFiles(await filesUnder(profile), secrets)).toEqual([]);
  });

  test('Aufbewahrungsfrist: Warnung eine Woche vorher, danach ist der Entwurf gelöscht', async () => {
    running = await launch(profile);
    const { page } = running;
    await newErstmeldung(page, ['Haddad', 'Karim', '08.04.1968']);

    await page.clock.setFixedTime(Date.now() + 24 * DAY_MS);
    await page.goto(`${appUrl}#/entwuerfe`);
    await page.reload();
    await expect(page.getByText(/1 Entwurf wird in den nächsten 7 Tagen gelöscht/)).toBeVisible();
    await expect(page.getByText(/wird am \d\d\.\d\d\.\d{4} gelöscht/)).toBeVisible();
    await page.screenshot({ path: `${shots}/drafts-retention-warning.png`, fullPage: true });

    await page.clock.setFixedTime(Date.now() + 31 * DAY_MS);
    await page.reload();
    await expect(page.getByText(/Keine Entwürfe/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Haddad/ })).toHaveCount(0);
  });

  test('Sperren blendet alle Daten aus, Entsperren stellt sie wieder her; Inaktivität sperrt nach 10 Minuten', async () => {
    running = await launch(profile);
    const { page } = running;
    await page.clock.install();
    await newErstmeldung(page, ['Kowalczyk', 'Łucja', '03.11.1987']);

    await page.getByRole('button', { name: 'Sperren' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'azr-desk ist gesperrt' }),
    ).toBeFocused();
    await expect(page.locator('body')).not.toContainText('Kowalczyk');
    await expect(page.getByRole('textbox', { name: 'Familienname' })).toHaveCount(0);
    await page.screenshot({ path: `${shots}/drafts-locked.png`, fullPage: true });
    await noAxeViolations(page);

    await page.getByRole('button', { name: 'Entsperren' }).click();
    await expect(page.getByRole('textbox', { name: 'Familienname' }).first()).toHaveValue(
      'Kowalczyk',
    );

    await page.clock.fastForward('09:00');
    await expect(page.getByRole('textbox', { name: 'Familienname' }).first()).toBeVisible();
    await page.clock.fastForward('01:30');
    await expect(
      page.getByRole('heading', { level: 1, name: 'azr-desk ist gesperrt' }),
    ).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Kowalczyk');
  });
});

test.describe('Entwürfe bedienen wie eine Sachbearbeiterin', () => {
  test('Formular mit Prüfmeldungen, Zeichenauswahl und Hinweis auf Dubletten; barrierefrei', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await newErstmeldung(page, ['Shevchenko', 'Oleksandr', '14.02.1990']);
    await newErstmeldung(page, ['Schewtschenko', 'Oleksandr', '14.02.1990']);
    await expect(
      page.getByText(/Ein anderer Entwurf sieht nach derselben Person aus/),
    ).toBeVisible();

    await page.getByRole('textbox', { name: 'Familienname' }).first().fill('Шевченко');
    await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('30.02.1990');
    await page.getByRole('button', { name: 'Eingaben prüfen' }).click();
    await expect(page.getByText(/kyrillische Schrift/)).toBeVisible();
    await expect(page.getByText('Diesen Tag gibt es in diesem Monat nicht.')).toBeVisible();
    await expect(page.getByText(/Bitte geben Sie das Geschäftszeichen/)).toBeVisible();
    await expectSaved(page);
    await page.screenshot({ path: `${shots}/draft-form-validation.png`, fullPage: true });
    await noAxeViolations(page);

    await page.getByRole('textbox', { name: 'Familienname' }).first().fill('');
    await page.getByRole('button', { name: 'Sonderzeichen für Familienname einfügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zeichen nach DIN 91379' });
    await dialog.getByRole('button', { name: 'S', exact: true }).click();
    await page.screenshot({ path: `${shots}/draft-character-picker.png` });
    await noAxeViolations(page);
    await dialog.getByRole('button', { name: 'Š einfügen' }).click();
    await expect(page.getByRole('textbox', { name: 'Familienname' }).first()).toHaveValue('Š');
    await expectSaved(page);

    await page.goto(`${appUrl}#/entwuerfe`);
    await expect(page.getByText('2 Entwürfe')).toBeVisible();
    await page.screenshot({ path: `${shots}/drafts-list.png`, fullPage: true });
    await noAxeViolations(page);

    await page.getByRole('button', { name: 'Duplizieren: Shevchenko, Oleksandr' }).click();
    await expect(page.getByText('3 Entwürfe')).toBeVisible();
    await page.getByRole('button', { name: 'Verwerfen: Š, Oleksandr' }).click();
    await page.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(page.getByText('2 Entwürfe')).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('bereit');
    await expect(page.getByText(/Kein Entwurf passt/)).toBeVisible();
  });
});
