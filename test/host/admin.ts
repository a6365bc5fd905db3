// The browser host's admin wiring (counterpart of electron/main/admin.ts): policy from a JSON file
// named by AZR_POLICY_FILE (or the option) instead of the registry, settings and logs in the host's
// data folder, and the diagnostics zip written into <dataDir>/diagnostics instead of a save dialog.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { arch, platform, versions } from 'node:process';
import type { AppInfo } from '../../shared/bridge/contract';
import type { AdminHandlerDeps } from '../../electron/main/services/bridge/admin-handlers';
import type { CertificateStatus } from '../../electron/main/services/diagnostics/export';
import {
  certificateNotSetUp,
  exportDiagnostics,
} from '../../electron/main/services/diagnostics/export';
import {
  createLogSink,
  createLogger,
  nodeLogFs,
} from '../../electron/main/services/logging/logger';
import {
  createSettingsService,
  nodeTextFiles,
  readJsonLayer,
} from '../../electron/main/services/policy';

export interface HostAdminOptions {
  readonly appInfo: AppInfo;
  readonly dataDir: string;
  /** A policy.json standing in for HKLM / %ProgramData% (e2e tests lock settings with it). */
  readonly policyFile: string | undefined;
  readonly now: () => Date;
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** The certificate service's state for the diagnostics zip (issue 5). */
  readonly certificateStatus?: () => Promise<CertificateStatus>;
}

export function createHostAdmin(options: HostAdminOptions): AdminHandlerDeps {
  let logLevel: () => 'error' | 'warn' | 'info' | 'debug' = () => 'info';
  const sink = createLogSink({
    dir: join(options.dataDir, 'logs'),
    fs: nodeLogFs,
    now: options.now,
    level: () => logLevel(),
  });
  const settings = createSettingsService({
    readPolicy: async () =>
      options.policyFile
        ? [await readJsonLayer(nodeTextFiles, options.policyFile, 'machineFile')]
        : [],
    files: nodeTextFiles,
    userSettingsFile: join(options.dataDir, 'settings.json'),
    log: createLogger('policy', sink),
  });
  logLevel = () => settings.values().logLevel;
  const rendererLog = createLogger('renderer', sink);
  void settings.refresh();

  return {
    settings,
    exportDiagnostics: () =>
      exportDiagnostics({
        appInfo: options.appInfo,
        runtime: { platform, arch, versions: { ...versions } },
        settings,
        recentLogs: (bytes) => sink.recent(bytes),
        certificateStatus: options.certificateStatus ?? certificateNotSetUp,
        fetch: options.fetch ?? ((url, init) => fetch(url, init)),
        now: options.now,
        save: async (fileName, bytes) => {
          const dir = join(options.dataDir, 'diagnostics');
          await mkdir(dir, { recursive: true });
          const location = join(dir, fileName);
          await writeFile(location, bytes);
          return { location };
        },
      }),
    writeRendererLog: (line) =>
      rendererLog[line.level](`${line.scope}: ${line.message}`, line.fields ?? undefined),
  };
}
