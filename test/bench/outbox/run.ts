// `npm run bench:outbox`: the outbox budget of architecture §6 — 1,000 queued Meldungen drain after
// the register comes back, exactly once, in ≤ 60 s. Real pieces throughout: Chromium with a
// persistent profile (IndexedDB on disk, strict durability), the app's own worker, the browser
// host's bridge and register gateway, mTLS to the training register (PGlite, 2,000 persons).
// The Meldungen are queued by harness.ts while the register is off the network; the clock runs
// from POST /admin/register/start until the last one is bestätigt. Prints its result; REPORT.md
// keeps the runs worth keeping, with what changed between them.
// Needs `npm run build` first (the host serves out/renderer) and the test PKI.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureTestPki } from '../../pki/pki';
import { startSandbox } from '../../sandbox/start';
import { startBrowserHost } from '../../host/start';
import { bundleHarness } from '../support/bundle';

const chromiumPath =
  process.env.AZR_CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const COUNT = Number(process.env.AZR_BENCH_MELDUNGEN ?? 1_000);
const BUDGET_MS = 60_000;
const TIMEOUT_MS = Number(process.env.AZR_BENCH_TIMEOUT_MS ?? 300_000);

type Counts = Record<'wartet' | 'wird-gesendet' | 'bestaetigt' | 'abgelehnt' | 'konflikt', number>;
interface EntrySummary {
  name: string;
  status: keyof Counts;
  attempts: number;
  azrNummer?: string;
}

const log = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

const harnessCode = await bundleHarness(join(import.meta.dirname, 'harness.ts'));

await ensureTestPki();
const sandbox = await startSandbox({ persons: 2_000, seed: 1 });
const dataDir = await mkdtemp(join(tmpdir(), 'azr-bench-outbox-host-'));
const profile = await mkdtemp(join(tmpdir(), 'azr-bench-outbox-profile-'));
const host = await startBrowserHost({
  port: 0,
  environment: 'test',
  dataDir,
  registerUrl: sandbox.url,
});
const context = await chromium.launchPersistentContext(profile, {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  viewport: { width: 1280, height: 900 },
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
const call = async <T>(expression: string): Promise<T> => {
  if (!(await page.evaluate('globalThis.__outboxBench !== undefined')))
    await page.evaluate(harnessCode);
  return page.evaluate<T>(`(async (h) => ${expression})(globalThis.__outboxBench)`);
};
const admin = async (method: string, path: string) => {
  const response = await fetch(`${sandbox.adminUrl}${path}`, { method });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
};

log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}; Chromium ${context.browser()?.version() ?? '(persistent)'}; load average before (1/5/15 min): ${load()}`,
);

let failed: boolean;
try {
  // The app on an area that does not list the outbox: the drain is the worker's, not a screen's.
  await page.goto(`${host.url}#/suche`);
  await call('h.unlocked()');
  await admin('POST', '/admin/register/stop');
  const tag = 'Bench';
  const seedStart = Date.now();
  const names = await call<string[]>(`h.enqueue(${COUNT}, '${tag}')`);
  log(
    `queued ${names.length} Erstmeldungen (register off the network) in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  // Let the worker find the register unreachable and pause, as after a real outage.
  await page.waitForTimeout(5_000);

  await admin('POST', '/admin/register/start');
  const start = Date.now();
  let first: number | undefined;
  let counts: Counts | undefined;
  const samples: string[] = [];
  while (Date.now() - start < TIMEOUT_MS) {
    counts = await call<Counts>('h.counts()');
    const elapsed = Date.now() - start;
    if (first === undefined && counts.bestaetigt > 0) first = elapsed;
    if (samples.length === 0 || elapsed >= samples.length * 10_000)
      samples.push(`${(elapsed / 1000).toFixed(0)} s: ${counts.bestaetigt} bestätigt`);
    if (counts.bestaetigt + counts.abgelehnt + counts.konflikt >= COUNT) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const total = Date.now() - start;
  const loadAfter = load();
  const entries = await call<EntrySummary[]>('h.entries()');
  const attempts = entries.reduce((sum, e) => sum + e.attempts, 0);
  const drained = first === undefined ? NaN : total - first;
  log(
    `drain of ${COUNT} Meldungen after reconnect: ${(total / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s) — ${counts?.bestaetigt ?? 0} bestätigt, ${counts?.abgelehnt ?? 0} abgelehnt, ${counts?.konflikt ?? 0} Konflikt, ${attempts} sends`,
  );
  log(
    `  of which: reconnect noticed (first bestätigt) after ${((first ?? NaN) / 1000).toFixed(1)} s; sending ${(drained / 1000).toFixed(1)} s = ${(COUNT / (drained / 1000)).toFixed(1)} Meldungen/s`,
  );
  log(`  progress: ${samples.join(' · ')}`);
  log(`  load average after (1/5/15 min): ${loadAfter}`);

  // Exactly once: every name once in the register, under the number the outbox recorded.
  let wrong = 0;
  for (const entry of entries) {
    const response = await fetch(
      `${sandbox.adminUrl}/admin/persons?familienname=${encodeURIComponent(entry.name)}`,
    );
    const { azrNummern } = (await response.json()) as { azrNummern: string[] };
    if (azrNummern.length !== 1 || azrNummern[0] !== entry.azrNummer) wrong++;
  }
  log(
    `exactly once: ${entries.length - wrong} of ${entries.length} Meldungen exist once in the register under the recorded AZR-Nummer; ${wrong} not`,
  );
  failed = wrong > 0 || entries.length !== COUNT || total > BUDGET_MS;
} finally {
  await context.close();
  await host.close();
  await sandbox.close();
  await rm(profile, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}

if (failed) process.exitCode = 1;
