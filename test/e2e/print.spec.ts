// Issue 8, item 5, "Done when": a printout of a record with an Übermittlungssperre — and a protocol
// extract — rendered in the browser host as an A4, tagged PDF, converted to PNG and looked at.
// The browser host has no Chromium of its own: `print.pdf` answers `preview`, the renderer opens the
// print route, and Playwright's page.pdf makes the PDF with the same options Electron's printToPDF
// uses (electron/main/platform/print.ts). Needs poppler-utils (pdftotext, pdfinfo, pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  PDF_FOOTER_TEMPLATE,
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_MM,
} from '../../shared/bridge/print';

const shots = 'test-results/screenshots';
const pdfs = 'test-results/print';
// Seeded scenario person with an Übermittlungssperre (test/sandbox/seed.ts SZENARIO_PERSONEN).
const SPERRE = '240301000002';
const RUN = Date.now().toString(36);
const GZ = `E2E-${RUN}-Druck`;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's tabster focus sentinels: a known false positive (see search.spec.ts).
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(results.violations).toEqual([]);
}

/** The print route as a PDF, the way Electron's printToPDF makes it (A4, tagged, page numbers). */
async function printToPdf(page: Page, name: string): Promise<string> {
  mkdirSync(pdfs, { recursive: true });
  const path = `${pdfs}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({
    path,
    format: 'A4',
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: PDF_FOOTER_TEMPLATE,
    margin: {
      top: `${PDF_MARGINS_MM.top}mm`,
      right: `${PDF_MARGINS_MM.right}mm`,
      bottom: `${PDF_MARGINS_MM.bottom}mm`,
      left: `${PDF_MARGINS_MM.left}mm`,
    },
  });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pdfInfo = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });

/** Page 1 as PNG (80 dpi) into the screenshots folder, to be looked at. */
function pageOneAsPng(path: string, name: string) {
  mkdirSync(shots, { recursive: true });
  const prefix = `${shots}/${name}`;
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
  renameSync(`${prefix}.png`, `${shots}/${name}.png`);
}

/** Abrufzweck 01 with a Geschäftszeichen, then the record with the Sperre by its AZR-Nummer. */
async function retrieveSperre(page: Page, geschaeftszeichen: string) {
  await page.goto('/#/suche');
  await expect(page.getByTestId('register-status')).toHaveText(/Register erreichbar/, {
    timeout: 30_000,
  });
  await page.getByRole('radio', { name: /Mit Abrufzweck/ }).check();
  await page.getByRole('combobox', { name: /^Abrufzweck/ }).selectOption('01');
  await page.getByRole('combobox', { name: /^Geschäftszeichen/ }).fill(geschaeftszeichen);
  await page.keyboard.press('Alt+2');
  const field = page.getByRole('textbox', { name: /^AZR-Nummer/ });
  await field.fill(SPERRE);
  await field.press('Enter');
  await expect(page.getByTestId('sperre-banner')).toBeVisible({ timeout: 15_000 });
}

async function openPrintRoute(page: Page, buttonName: string) {
  await page.getByRole('button', { name: buttonName }).click();
  await expect(page).toHaveURL(/#\/druck\/[A-Za-z0-9_-]{43}$/, { timeout: 15_000 });
  await expect(page.locator('[data-print-ready="true"]')).toBeVisible({ timeout: 15_000 });
}

test.describe('Ausdrucke als PDF', () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: { width: 1000, height: 1400 } });

  test('eine Auskunft mit Übermittlungssperre wird als A4-PDF gedruckt', async ({ page }) => {
    await retrieveSperre(page, GZ);

    await openPrintRoute(page, 'Als PDF drucken');
    const printout = page.getByRole('article');
    await expect(printout).toContainText('Auskunft aus dem Ausländerzentralregister');
    await expect(printout.getByTestId('sperre-banner')).toContainText('Übermittlungssperre');
    await expect(printout).toContainText(GZ);
    await expectNoAxeViolations(page);

    const pdf = await printToPdf(page, 'auskunft-sperre');
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    // The PDF's title names the kind of printout, never the person.
    expect(info).toMatch(/Title:\s+Auskunft aus dem Ausländerzentralregister – azr-desk/);
    const text = pdfText(pdf);
    for (const expected of [
      'Vertraulich – personenbezogene Daten',
      'Auskunft aus dem Ausländerzentralregister',
      'Behörde',
      'Ausländerbehörde Musterstadt (100001)',
      'Sachbearbeiter:in',
      'Datum/Uhrzeit',
      'Abrufzweck',
      '(01)',
      'Geschäftszeichen',
      GZ,
      'Übermittlungssperre',
      SPERRE,
      'Grundpersonalien',
      'Seite 1 von',
    ])
      expect(text).toContain(expected);
    // The screen-only toolbar is not part of the printout.
    expect(text).not.toContain('Druckansicht');
    pageOneAsPng(pdf, 'print-auskunft-sperre');

    // The token was single-use: the document is gone from the host.
    await page.reload();
    await expect(page.getByText(/nicht mehr verfügbar/)).toBeVisible({ timeout: 15_000 });
  });

  test('ein Auszug aus dem Abrufprotokoll wird als A4-PDF gedruckt', async ({ page }) => {
    const gz = `${GZ}-Protokoll`;
    await retrieveSperre(page, gz);
    await page.goto('/#/protokoll');
    await expect(page.getByTestId('protocol-verification')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('textbox', { name: 'Geschäftszeichen' }).fill(gz);
    await page.getByRole('button', { name: 'Filter anwenden' }).click();

    await openPrintRoute(page, 'Auszug als PDF drucken');
    const printout = page.getByRole('article');
    await expect(printout).toContainText('Auszug aus dem Abrufprotokoll');
    await expect(printout.getByTestId('print-verification')).toContainText('unversehrt');
    await expectNoAxeViolations(page);

    const pdf = await printToPdf(page, 'protokoll');
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);
    const text = pdfText(pdf);
    for (const expected of [
      'Auszug aus dem Abrufprotokoll',
      'Vertraulich – personenbezogene Daten',
      'Sachbearbeiter:in',
      `Geschäftszeichen: ${gz}`,
      SPERRE,
      '(090004)',
      'Seite 1 von',
    ])
      expect(text).toContain(expected);
    pageOneAsPng(pdf, 'print-protokoll');
  });
});
