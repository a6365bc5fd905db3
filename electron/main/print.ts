// Wiring of printouts for the Electron host (issue 8, item 5): print jobs in memory, the hidden print
// window, the save dialog. Composition only, like index.ts.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { OwnerWindow } from './platform/admin';
import { createSaveWithDialog, printSaveKind, userFolders } from './platform/admin';
import { createPdfRenderer } from './platform/print';
import type { PrintHandlerDeps } from './services/bridge/print-handlers';
import type { RegisterHandlerDeps } from './services/bridge/register-handlers';
import { createPrintJobs } from './services/print';

export interface PrintWiringOptions {
  readonly preloadPath: string;
  readonly isPackaged: boolean;
  readonly window: () => OwnerWindow | undefined;
  /** The register side: the Zulassung names the authority, the protocol gives extracts. */
  readonly register: Pick<RegisterHandlerDeps, 'gateway' | 'protocol'>;
}

export function createPrintWiring(options: PrintWiringOptions): PrintHandlerDeps {
  const render = createPdfRenderer({
    preloadPath: options.preloadPath,
    isPackaged: options.isPackaged,
  });
  return {
    jobs: createPrintJobs({ randomBytes: (size) => randomBytes(size) }),
    output: {
      kind: 'pdf',
      render,
      // Built on use: the dialog module is only touched when the caseworker prints.
      save: (fileName, bytes) =>
        createSaveWithDialog(
          options.window,
          userFolders().documents,
          undefined,
          printSaveKind,
        )(fileName, bytes),
    },
    now: () => new Date(),
    userName: () => userInfo().username,
    behoerde: async () => {
      const zulassung = (await options.register.gateway.status()).zulassung;
      return zulassung
        ? `${zulassung.behoerdenname} (${zulassung.behoerdenkennzeichen})`
        : undefined;
    },
    protocol: options.register.protocol,
  };
}
