import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app as electronApp, dialog as electronDialog } from 'electron';
import type { App, BrowserWindow, Dialog } from 'electron';

export type OwnerWindow = BrowserWindow;

/** Folders of the signed-in user: settings and logs live in userData, never beside the program. */
export function userFolders(app: Pick<App, 'getPath'> = electronApp) {
  const userData = app.getPath('userData');
  return {
    userData,
    logs: join(userData, 'logs'),
    settingsFile: join(userData, 'settings.json'),
    /** The local protocol of register requests (issue 5). */
    protocol: join(userData, 'protocol'),
    certificateChoice: join(userData, 'certificate.json'),
    documents: app.getPath('documents'),
  };
}

export interface SaveDialogKind {
  readonly title: string;
  readonly filter: { readonly name: string; readonly extensions: string[] };
}

export const diagnosticsSaveKind: SaveDialogKind = {
  title: 'Diagnosedaten exportieren',
  filter: { name: 'ZIP-Archiv', extensions: ['zip'] },
};

export const protocolSaveKind: SaveDialogKind = {
  title: 'Abrufprotokoll exportieren',
  filter: { name: 'CSV-Datei (Excel)', extensions: ['csv'] },
};

export const printSaveKind: SaveDialogKind = {
  title: 'Ausdruck als PDF speichern',
  filter: { name: 'PDF-Dokument', extensions: ['pdf'] },
};

/**
 * Offers a file with the system save dialog (downloads are denied in the renderer, architecture §4):
 * the caseworker chooses where the diagnostics zip or the protocol CSV goes. Undefined when cancelled.
 */
export function createSaveWithDialog(
  window: () => BrowserWindow | undefined,
  defaultDir: string,
  dialog: Pick<Dialog, 'showSaveDialog'> = electronDialog,
  kind: SaveDialogKind = diagnosticsSaveKind,
) {
  return async (fileName: string, bytes: Uint8Array): Promise<{ location: string } | undefined> => {
    const options = {
      title: kind.title,
      defaultPath: join(defaultDir, fileName),
      filters: [{ name: kind.filter.name, extensions: [...kind.filter.extensions] }],
    };
    const owner = window();
    const result = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return undefined;
    await writeFile(result.filePath, bytes);
    return { location: result.filePath };
  };
}
