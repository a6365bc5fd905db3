// Where the Electron binary is, without asking the `electron` package: its main module DOWNLOADS the
// binary when it is missing, which must never happen on the closed build machines. electron's own
// install script writes `path.txt` (the executable's path inside `dist/`) after a download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export type ElectronBinary =
  | { readonly found: true; readonly executablePath: string }
  | { readonly found: false; readonly reason: string };

export function findElectronBinary(root = projectRoot): ElectronBinary {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { found: false, reason: 'node_modules/electron/path.txt fehlt' };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const executablePath = join(electronDir, 'dist', executable);
  if (executable === '' || !existsSync(executablePath)) {
    return { found: false, reason: `node_modules/electron/dist/${executable} fehlt` };
  }
  return { found: true, executablePath };
}

export const skipMessage = (reason: string): string =>
  `Kein Electron-Binary vorhanden (${reason}); der Electron-Smoke-Test läuft im Windows-Workflow.`;

/** Set by the Windows workflow: there a missing binary is a failure, not a reason to skip. */
export const electronRequired = (): boolean => process.env.AZR_REQUIRE_ELECTRON === '1';
