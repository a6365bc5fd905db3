// `npm test`: every stage of the suite in order — typecheck, lint, format, build, Vitest, Playwright —
// ending with one plain line "N passed, N failed" that totals them all. A stage without test
// counts of its own (typecheck, lint, format, build) counts as one test. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<number>((resolve) => {
    // npx is npx.cmd on Windows, which only a shell can start.
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });

const npx = (args: readonly string[], env?: NodeJS.ProcessEnv) => run('npx', args, env);

const vitestReportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
});

const playwrightReportSchema = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
});

function readReport<T>(file: string, schema: z.ZodType<T>): T | undefined {
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

async function main() {
  const reports = mkdtempSync(join(tmpdir(), 'azr-test-'));
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  const failedStages: string[] = [];

  const single = async (name: string, exitCode: Promise<number>) => {
    console.log(`\n▶ ${name}`);
    const ok = (await exitCode) === 0;
    if (ok) tally.passed += 1;
    else {
      tally.failed += 1;
      failedStages.push(name);
    }
    return ok;
  };

  await single('typecheck', npx(['tsc', '--build', '--pretty']));
  await single('lint', npx(['eslint', '--max-warnings', '0', '.']));
  await single('format', npx(['prettier', '--check', '.']));
  const built = await single('build', npx(['electron-vite', 'build']));

  console.log('\n▶ vitest');
  const vitestJson = join(reports, 'vitest.json');
  const vitestExit = await npx([
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  const vitest = readReport(vitestJson, vitestReportSchema);
  if (vitest) {
    tally.passed += vitest.numPassedTests;
    tally.failed += vitest.numFailedTests;
    tally.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if (!vitest || (vitestExit !== 0 && !vitest.numFailedTests)) {
    tally.failed += 1;
    failedStages.push('vitest (no report or failed outside a test)');
  } else if (vitest.numFailedTests) failedStages.push('vitest');

  console.log('\n▶ playwright (browser host)');
  if (!built) {
    tally.failed += 1;
    failedStages.push('playwright (skipped: the build failed)');
  } else {
    const playwrightJson = join(reports, 'playwright.json');
    const playwrightExit = await npx(['playwright', 'test'], {
      AZR_PLAYWRIGHT_JSON: playwrightJson,
    });
    const playwright = readReport(playwrightJson, playwrightReportSchema);
    if (playwright) {
      tally.passed += playwright.stats.expected + playwright.stats.flaky;
      tally.failed += playwright.stats.unexpected;
      tally.skipped += playwright.stats.skipped;
    }
    if (!playwright || (playwrightExit !== 0 && !playwright.stats.unexpected)) {
      tally.failed += 1;
      failedStages.push('playwright (no report or failed outside a test)');
    } else if (playwright.stats.unexpected) failedStages.push('playwright');
  }

  rmSync(reports, { recursive: true, force: true });
  console.log('');
  if (failedStages.length) console.log(`Failed stages: ${failedStages.join(', ')}`);
  console.log(
    `${tally.passed} passed, ${tally.failed} failed` +
      (tally.skipped ? `, ${tally.skipped} skipped` : ''),
  );
  process.exitCode = tally.failed === 0 ? 0 : 1;
}

await main();
