// `npm start`: the real path on a developer's machine. Starts the training register (seeded on first
// run, data in .data/sandbox), offers once to put the test client certificate into the OS keystore,
// and starts the Electron app configured for the register. Development only: nothing here is packaged.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { ensureTestPki } from '../../test/pki/pki';
import { startSandbox } from '../../test/sandbox/start';

const root = resolve(import.meta.dirname, '../..');
const dataDir = join(root, '.data');
const importedMarker = join(dataDir, 'dev-certificate-imported');

export type ImportPlan =
  | { readonly kind: 'command'; readonly command: string; readonly args: readonly string[] }
  /** Linux: NSS, imported by the Electron main process itself (app.importCertificate). */
  | { readonly kind: 'electron' };

/** How the test certificate gets into the keystore Chromium uses on this platform. */
export function importPlan(platform: NodeJS.Platform, p12: string, password: string): ImportPlan {
  if (platform === 'win32') {
    const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
    return {
      kind: 'command',
      command: 'powershell.exe',
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `Import-PfxCertificate -FilePath ${quoted(p12)} -CertStoreLocation Cert:\\CurrentUser\\My -Password (ConvertTo-SecureString -String ${quoted(password)} -AsPlainText -Force) | Out-Null`,
      ],
    };
  }
  if (platform === 'darwin') {
    return {
      kind: 'command',
      command: 'security',
      args: [
        'import',
        p12,
        '-k',
        join(homedir(), 'Library/Keychains/login.keychain-db'),
        '-f',
        'pkcs12',
        '-P',
        password,
      ],
    };
  }
  return { kind: 'electron' };
}

async function askToImport(): Promise<boolean> {
  const preset = process.env.AZR_DEV_IMPORT_CERTIFICATE;
  if (preset === 'yes') return true;
  if (preset === 'no' || existsSync(importedMarker)) return false;
  if (!process.stdin.isTTY) {
    console.log(
      'Testzertifikat nicht importiert (keine Konsole für die Rückfrage; AZR_DEV_IMPORT_CERTIFICATE=yes erlaubt es).',
    );
    return false;
  }
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await readline.question(
    'Das Testzertifikat „ABH Musterstadt Testzugang“ in Ihren Zertifikatsspeicher importieren? [j/N] ',
  );
  readline.close();
  return /^(j|ja|y|yes)$/i.test(answer.trim());
}

async function main() {
  const pki = await ensureTestPki({
    onGenerate: (reason) => console.log(`Test-PKI wird erzeugt (${reason}) …`),
  });
  const sandbox = await startSandbox({
    persons: 2000,
    seed: 1,
    port: Number(process.env.AZR_SANDBOX_PORT ?? 4433),
    adminPort: Number(process.env.AZR_SANDBOX_ADMIN_PORT ?? 4434),
    dataDir: join(dataDir, 'sandbox'),
    onProgress: (message) => console.log(message),
  });
  console.log(`Trainingsregister (mTLS): ${sandbox.url}`);
  console.log(`Verwaltung (nur lokal):   ${sandbox.adminUrl}`);

  const client = pki.entities.clientMusterstadt.files.p12;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Read by electron/main/register.ts only when the app is not packaged.
    AZR_DEV_REGISTER_CA: pki.entities.ca.files.cert,
  };
  if (await askToImport()) {
    const plan = importPlan(process.platform, client, pki.p12Password);
    if (plan.kind === 'command') {
      const result = spawnSync(plan.command, [...plan.args], { stdio: 'inherit' });
      if (result.status !== 0) console.error('Import des Testzertifikats fehlgeschlagen.');
    } else {
      env.AZR_DEV_IMPORT_PKCS12 = client;
      env.AZR_DEV_IMPORT_PASSWORD = pki.p12Password;
    }
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(importedMarker, `${new Date().toISOString()}\n`);
  }
  if (sandbox.url !== 'https://127.0.0.1:4433')
    console.warn(
      `Hinweis: die App erwartet das Register auf https://127.0.0.1:4433 (Richtlinie registerUrl ändert das).`,
    );

  const electron = spawn('npx', ['electron-vite', 'preview'], {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const stop = () => electron.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((done) => electron.on('close', (exit) => done(exit ?? 1)));
  await sandbox.close();
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
