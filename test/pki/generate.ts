// `npm run pki` — writes the test PKI into test/pki/out/ (or --out DIR). Without --force an
// existing, still valid PKI is kept, so running it before every test run costs nothing.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PKI_DIR, ensureTestPki, generateTestPki } from './pki';
import type { Subject, TestPki } from './pki';

const USAGE = 'Aufruf: npx tsx test/pki/generate.ts [--out DIR] [--force]';

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: DEFAULT_PKI_DIR },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return values;
}

function formatSubject(subject: Subject): string {
  return [`CN=${subject.CN}`, subject.OU && `OU=${subject.OU}`, `O=${subject.O}`, `C=${subject.C}`]
    .filter(Boolean)
    .join(', ');
}

function printSummary(pki: TestPki): void {
  for (const [key, entity] of Object.entries(pki.entities)) {
    const state = entity.validAtGeneration ? 'gültig bis' : 'abgelaufen am';
    const trust = entity.trusted ? 'Test-DOI-CA' : 'nicht vertrauenswürdig';
    console.log(`\n${key} (${entity.role}, ${trust}, ${state} ${entity.notAfter})`);
    console.log(`  ${formatSubject(entity.subject)}`);
    console.log(`  SHA-256 ${entity.fingerprint256}`);
    for (const file of Object.values(entity.files))
      console.log(`  ${relative(process.cwd(), file)}`);
  }
  console.log(`\nPKCS#12-Passwort: ${pki.p12Password}`);
}

async function main(): Promise<void> {
  const { out, force, help } = parseCommandLine();
  if (help) {
    console.log(USAGE);
    return;
  }
  let regenerated = force;
  const started = Date.now();
  const pki = force
    ? await generateTestPki({ outDir: out })
    : await ensureTestPki({
        outDir: out,
        onGenerate: (reason) => {
          regenerated = true;
          console.log(`Test-PKI wird erzeugt: ${reason}`);
        },
      });
  const where = relative(process.cwd(), pki.outDir) || '.';
  if (!regenerated) {
    console.log(`Test-PKI in ${where} ist aktuell (--force erzeugt sie neu).`);
    return;
  }
  printSummary(pki);
  console.log(`\nTest-PKI in ${where} erzeugt (${Date.now() - started} ms).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
