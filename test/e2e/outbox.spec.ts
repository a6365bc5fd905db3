// Issue 7, "Done when" (e) and (f): Meldungen queued while the register is off the network drain
// once it is back — through dropped connections (before and after the register acted) and 503s —
// and every one of them exists exactly once in the register, also when the browser is killed in
// the middle of the drain. The 200 entries are queued by a harness in the app page (the pre-check's
// enqueue, without clicking through 200 wizards); the app's own worker sends them.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { RunningChromium } from './support/chromium';
import { chromiumPath, kill, launch, removeProfile } from './support/chromium';
import { bundleHarness } from '../bench/support/bundle';

const port = Number(process.env.AZR_E2E_PORT ?? 4179);
const appUrl = `http://127.0.0.1:${port}/`;
const adminUrl = process.env.AZR_SANDBOX_ADMIN_URL ?? 'http://127.0.0.1:4434';
const shots = 'test-results/screenshots';
const COUNT = 200;

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

/** The register's own count, one family name at a time (through its admin interface). */
async function registerNumbers(names: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const name of names) {
    const { azrNummern } = (await admin(
      'GET',
      `/admin/persons?familienname=${encodeURIComponent(name)}`,
    )) as { azrNummern: string[] };
    out.set(name, azrNummern);
  }
  return out;
}

type Counts = Record<'wartet' | 'wird-gesendet' | 'bestaetigt' | 'abgelehnt' | 'konflikt', number>;
interface EntrySummary {
  name: string;
  status: keyof Counts;
  attempts: number;
  azrNummer?: string;
  idempotencyKey: string;
}

let harnessCode = '';
const harness = async <T>(page: Page, call: string): Promise<T> => {
  // Evaluated over DevTools: the app's CSP (script-src 'self') does not apply to it.
  if (!(await page.evaluate('globalThis.__outboxBench !== undefined')))
    await page.evaluate(harnessCode);
  return page.evaluate<T>(`(async (h) => ${call})(globalThis.__outboxBench)`);
};

/** A tag per test run: the training register lives as long as the e2e run. */
const runTag = () =>
  Array.from({ length: 5 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)])
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

async function queueOffline(page: Page, tag: string, count = COUNT): Promise<string[]> {
  await page.goto(`${appUrl}#/suche`);
  await harness(page, 'h.unlocked()');
  await admin('POST', '/admin/register/stop');
  const names = await harness<string[]>(page, `h.enqueue(${count}, '${tag}')`);
  expect(new Set(names).size).toBe(count);
  return names;
}

/** Who holds and who waits for the outbox worker's Web Lock, as the page's browser sees it. */
const workerLock = (page: Page) =>
  page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    const worker = (lock: LockInfo) => lock.name === 'azr-desk-outbox-worker';
    return { held: held.filter(worker).length, pending: pending.filter(worker).length };
  });

/** Every queued Meldung is in the register exactly once, under the number the outbox recorded. */
async function expectExactlyOnce(page: Page, names: readonly string[]) {
  const entries = await harness<EntrySummary[]>(page, 'h.entries()');
  expect(entries).toHaveLength(COUNT);
  expect(entries.filter((e) => e.status !== 'bestaetigt')).toEqual([]);
  const register = await registerNumbers(names);
  const wrong = names.filter((name) => register.get(name)?.length !== 1);
  expect(wrong).toEqual([]);
  for (const entry of entries) expect(register.get(entry.name)).toEqual([entry.azrNummer]);
  return entries;
}

test.describe('Postausgang gegen das Trainingsregister', () => {
  test.skip(!chromiumPath, 'kein Chromium unter /usr/bin/chromium oder AZR_CHROMIUM_PATH');
  test.setTimeout(300_000);

  let profile: string;
  let running: RunningChromium | undefined;

  test.beforeAll(async () => {
    harnessCode = await bundleHarness(join(import.meta.dirname, '../bench/outbox/harness.ts'));
  });
  test.beforeEach(async () => {
    profile = await mkdtemp(join(tmpdir(), 'azr-e2e-outbox-'));
  });
  test.afterEach(async () => {
    await admin('DELETE', '/admin/faults').catch(() => undefined);
    await admin('POST', '/admin/register/start').catch(() => undefined);
    if (running && running.process.exitCode === null) await kill(running);
    running = undefined;
    await removeProfile(profile);
  });

  test('(e) 200 offline gesendete Meldungen kommen trotz Abbrüchen und 503 genau einmal an', async () => {
    running = await launch(profile);
    const { page } = running;
    const tag = runTag();
    const names = await queueOffline(page, tag);

    // While the register is off the network nothing gets through, and nothing is lost.
    await page.goto(`${appUrl}#/postausgang`);
    await expect(page.getByTestId('outbox-summary')).toContainText('0 bestätigt');
    await page.waitForTimeout(3_000);
    const offline = await harness<Counts>(page, 'h.counts()');
    expect(offline.wartet + offline['wird-gesendet']).toBe(COUNT);
    expect([...(await registerNumbers(names.slice(0, 5))).values()].flat()).toEqual([]);
    await page.screenshot({ path: `${shots}/outbox-offline.png`, fullPage: true });

    // 10 % dropped connections (half before the register acted, half after), 5 % 503.
    await admin('PUT', '/admin/faults', {
      abbruchVorher: 0.05,
      abbruchNachher: 0.05,
      fehler503: 0.05,
    });
    await admin('POST', '/admin/register/start');

    await expect(page.getByTestId('outbox-summary')).toContainText(
      '0 warten · 0 werden gesendet · 200 bestätigt · 0 abgelehnt · 0 mit Konflikt',
      { timeout: 180_000 },
    );
    await admin('DELETE', '/admin/faults');
    const entries = await expectExactlyOnce(page, names);
    // The faults did happen: some Meldungen needed more than one attempt, with one key each.
    expect(entries.reduce((sum, e) => sum + e.attempts, 0)).toBeGreaterThan(COUNT);
    expect(new Set(entries.map((e) => e.idempotencyKey)).size).toBe(COUNT);

    // The list says so too, with the register's new AZR-Nummer per Meldung.
    const first = page.locator('tr[data-status="bestaetigt"]').first();
    await expect(first).toContainText('bestätigt');
    await expect(first).toContainText(/AZR-Nummer \d{12}/);
    await page.getByRole('combobox', { name: 'Zustand anzeigen' }).selectOption('bestaetigt');
    await expect(page.getByText('50 von 200 Meldungen angezeigt')).toBeVisible();
    await page.screenshot({ path: `${shots}/outbox-drained.png`, fullPage: true });
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations).toEqual([]);
  });

  test('(f) der Browser wird mitten im Senden beendet und neu gestartet: trotzdem genau einmal', async () => {
    running = await launch(profile);
    const tag = runTag();
    const names = await queueOffline(running.page, tag);
    const faults = { latenzMs: 40, abbruchVorher: 0.05, abbruchNachher: 0.05, fehler503: 0.05 };
    await admin('PUT', '/admin/faults', faults);
    await admin('POST', '/admin/register/start');
    await expect
      .poll(async () => (await harness<Counts>(running!.page, 'h.counts()')).bestaetigt, {
        timeout: 120_000,
        intervals: [100],
      })
      .toBeGreaterThanOrEqual(40);
    // Hold every further request at the register for seconds, so the kill surely lands while a
    // Meldung is marked "wird gesendet" (between retries nothing may be in flight at all).
    await admin('PUT', '/admin/faults', { ...faults, latenzMs: 8_000 });
    await expect
      .poll(async () => (await harness<Counts>(running!.page, 'h.counts()'))['wird-gesendet'], {
        timeout: 60_000,
        intervals: [100],
      })
      .toBeGreaterThan(0);
    await kill(running);
    running = undefined;
    await admin('PUT', '/admin/faults', faults);

    // Look at what the crash left before the app (and its worker) starts again: a page of the same
    // origin that is not the app.
    running = await launch(profile);
    await running.page.goto(`${appUrl}gibt-es-nicht.txt`);
    const leftOver = await harness<Counts>(running.page, 'h.counts()');
    expect(leftOver.bestaetigt).toBeLessThan(COUNT);
    expect(leftOver.wartet + leftOver['wird-gesendet'] + leftOver.bestaetigt).toBe(COUNT);
    expect(leftOver['wird-gesendet']).toBeGreaterThan(0);

    await running.page.goto(`${appUrl}#/postausgang`);
    await expect(running.page.getByTestId('outbox-summary')).toContainText(
      '0 warten · 0 werden gesendet · 200 bestätigt · 0 abgelehnt · 0 mit Konflikt',
      { timeout: 180_000 },
    );
    await admin('DELETE', '/admin/faults');
    await expectExactlyOnce(running.page, names);
  });

  test('zwei Fenster eines Profils: nur eines sendet; wird es geschlossen, übernimmt das andere', async () => {
    running = await launch(profile);
    const first = running.page;
    const tag = runTag();
    const names = await queueOffline(first, tag, 20);
    const second = await running.context.newPage();
    await second.goto(`${appUrl}#/postausgang`);
    await harness(second, 'h.unlocked()');
    // One worker holds the lock, the other window's waits for it.
    await expect.poll(() => workerLock(second)).toEqual({ held: 1, pending: 1 });

    await first.close();
    await expect.poll(() => workerLock(second)).toEqual({ held: 1, pending: 0 });
    await admin('POST', '/admin/register/start');
    await expect(second.getByTestId('outbox-summary')).toContainText(
      '0 warten · 0 werden gesendet · 20 bestätigt',
      { timeout: 60_000 },
    );
    const register = await registerNumbers(names);
    expect(names.filter((name) => register.get(name)?.length !== 1)).toEqual([]);
  });
});
