// For tests of the bridge itself that do not exercise the admin channels: settings from defaults
// only, nothing saved, log lines dropped.
import type { AdminHandlerDeps } from './admin-handlers';
import { createSettingsService } from '../policy/service';
import { createLogger } from '../logging/logger';

export function inertAdminDeps(): AdminHandlerDeps {
  const files = new Map<string, string>();
  return {
    settings: createSettingsService({
      readPolicy: () => Promise.resolve([]),
      files: {
        read: (path) => Promise.resolve(files.get(path)),
        writeAtomic: (path, text) => {
          files.set(path, text);
          return Promise.resolve();
        },
      },
      userSettingsFile: '/inert/settings.json',
      log: createLogger('test', { write: () => undefined, recent: () => '', path: '' }),
    }),
    exportDiagnostics: () => Promise.resolve({ status: 'cancelled' }),
    writeRendererLog: () => undefined,
  };
}
