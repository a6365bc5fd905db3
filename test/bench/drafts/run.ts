// `npm run bench:drafts`: the drafts budgets of architecture §6, measured in Chromium against the
// browser host with a persistent profile (IndexedDB on disk, as in production):
//  - autosave: change → encrypted commit in IndexedDB, p95 ≤ 20 ms (durability strict and relaxed);
//  - the drafts list with 10,000 drafts: first paint ≤ 200 ms (navigation from another area, and a
//    cold start of the whole app for comparison).
// Needs `npm run build` first (the host serves out/renderer).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { startBrowserHost } from '../../host/start';

const chromiumPath =
  process.env.AZR_CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const ITERATIONS = Number(process.env.AZR_BENCH_SAVES ?? 500);
const DRAFTS = Number(process.env.AZR_BENCH_DRAFTS ?? 10_000);
const RUNS = 7;

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const summary = (values: readonly number[]) =>
  `p50 ${quantile(values, 0.5).toFixed(1)} ms · p95 ${quantile(values, 0.95).toFixed(1)} ms · max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

const harness = await build({
  entryPoints: [join(import.meta.dirname, 'harness.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
});
const harnessCode = harness.outputFiles[0]?.text ?? '';

const dataDir = await mkdtemp(join(tmpdir(), 'azr-bench-host-'));
const profile = await mkdtemp(join(tmpdir(), 'azr-bench-profile-'));
const host = await startBrowserHost({ port: 0, environment: 'test', dataDir });
const context = await chromium.launchPersistentContext(profile, {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  bypassCSP: true,
  viewport: { width: 1280, height: 900 },
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
type Bench = {
  autosave(n: number, durability: 'strict' | 'relaxed'): Promise<number[]>;
  seed(n: number): Promise<number>;
  clear(): Promise<void>;
  listQuery(): Promise<number[]>;
  openListFromNavigation(): Promise<number>;
};
const inject = async () => {
  await page.addScriptTag({ content: harnessCode });
};

const out: string[] = [];
const log = (line: string) => {
  out.push(line);
  console.log(line);
};
log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}; Chromium ${context.browser()?.version() ?? '(persistent)'}`,
);

try {
  await page.goto(`${host.url}#/suche`);
  await inject();
  await page.evaluate(() =>
    (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.clear(),
  );
  for (const durability of ['strict', 'relaxed'] as const) {
    await page.evaluate(
      (d) => (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.autosave(30, d),
      durability,
    );
    const times = await page.evaluate(
      ([n, d]) => (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.autosave(n, d),
      [ITERATIONS, durability] as const,
    );
    log(`autosave change → encrypted commit (${durability}): ${summary(times)}`);
  }

  const seedMs = await page.evaluate(
    (n) => (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.seed(n),
    DRAFTS,
  );
  log(`seeded ${DRAFTS} drafts in ${(seedMs / 1000).toFixed(1)} s`);

  const query = await page.evaluate(() =>
    (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.listQuery(),
  );
  log(`drafts list query alone (${DRAFTS} drafts → ids in display order): ${summary(query)}`);

  const firstRow = page.locator('li[data-draft-id] a').first();
  const warm: number[] = [];
  const cold: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${host.url}#/suche`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Suche im Register' }).waitFor();
    await page.waitForTimeout(300);
    await inject();
    warm.push(
      await page.evaluate(() =>
        (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.openListFromNavigation(),
      ),
    );
    await firstRow.waitFor();
    await page.goto(`${host.url}#/suche`);
    await page.goto(`${host.url}#/entwuerfe`);
    await page.reload();
    await firstRow.waitFor();
    cold.push(
      await page.evaluate(async () => {
        for (
          let i = 0;
          i < 100 && performance.getEntriesByName('azr:drafts-list-painted').length === 0;
          i++
        )
          await new Promise((r) => setTimeout(r, 10));
        return performance.getEntriesByName('azr:drafts-list-painted').at(-1)?.startTime ?? NaN;
      }),
    );
  }
  const rows = await page.locator('li[data-draft-id]').count();
  log(
    `drafts list, ${DRAFTS} drafts, opened from another area → first paint: ${summary(warm)}; rows in DOM: ${rows}`,
  );
  log(
    `drafts list, ${DRAFTS} drafts, cold app start (navigation start → first paint): ${summary(cold)}`,
  );
  await inject();
  await page.evaluate(() =>
    (globalThis as unknown as { __draftsBench: Bench }).__draftsBench.clear(),
  );
} finally {
  await context.close();
  await host.close();
  await rm(profile, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
