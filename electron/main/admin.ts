// Wiring of the admin concerns for the Electron host (issue 8): machine policy and user settings,
// the log file, the diagnostics export and updates. Composition only, like index.ts, which calls it.
import { arch, platform, versions } from 'node:process';
import type { AppInfo } from '../../shared/bridge/contract';
import type { AdminHandlerDeps } from './services/bridge/admin-handlers';
import type { CertificateStatus } from './services/diagnostics/export';
import { certificateNotSetUp, exportDiagnostics } from './services/diagnostics/export';
import { createLogSink, createLogger, installLogSink, nodeLogFs } from './services/logging/logger';
import {
  createSettingsService,
  machinePolicyPath,
  nodeExecFile,
  nodeTextFiles,
  readPolicyLayers,
} from './services/policy';
import type { OwnerWindow } from './platform/admin';
import { createSaveWithDialog, userFolders } from './platform/admin';
import { installUpdates, packagedPublisherNames } from './platform/updates';

export interface AdminWiringOptions {
  readonly appInfo: AppInfo;
  readonly isPackaged: boolean;
  readonly window: () => OwnerWindow | undefined;
  /** The certificate service's state for the diagnostics zip (issue 5). */
  readonly certificateStatus?: () => Promise<CertificateStatus>;
  /** The register session's fetch, so the connectivity check takes the pinned path. */
  readonly registerFetch?: (url: string, init: RequestInit) => Promise<Response>;
}

export function createAdminWiring(options: AdminWiringOptions) {
  const folders = userFolders();
  const settings = createSettingsService({
    readPolicy: () =>
      readPolicyLayers({
        platform,
        exec: nodeExecFile,
        files: nodeTextFiles,
        machinePolicyFile: machinePolicyPath(platform, process.env),
      }),
    files: nodeTextFiles,
    userSettingsFile: folders.settingsFile,
    log: createLogger('policy'),
  });
  const sink = createLogSink({
    dir: folders.logs,
    fs: nodeLogFs,
    now: () => new Date(),
    level: () => settings.values().logLevel,
  });
  installLogSink(sink);
  const rendererLog = createLogger('renderer');

  const admin: AdminHandlerDeps = {
    settings,
    exportDiagnostics: () =>
      exportDiagnostics({
        appInfo: options.appInfo,
        runtime: { platform, arch, versions: { ...versions } },
        settings,
        recentLogs: (bytes) => sink.recent(bytes),
        certificateStatus: options.certificateStatus ?? certificateNotSetUp,
        fetch: options.registerFetch ?? ((url, init) => fetch(url, init)),
        now: () => new Date(),
        save: createSaveWithDialog(options.window, folders.documents),
      }),
    writeRendererLog: (line) =>
      rendererLog[line.level](`${line.scope}: ${line.message}`, line.fields ?? undefined),
  };

  /** After `ready`: reads the policy once, logs what was rejected, then sets up updates by it. */
  async function start(): Promise<void> {
    const resolved = await settings.refresh();
    createLogger('main').info('azr-desk gestartet', {
      version: options.appInfo.version,
      policyRejections: resolved.rejections.length,
    });
    const values = settings.values();
    installUpdates(
      {
        mode: values.updateMode,
        updateUrl: values.updateUrl,
        isPackaged: options.isPackaged,
        platform,
        // Only a packaged app with updates on has an app-update.yml worth reading at start.
        publisherNames:
          values.updateMode !== 'off' && options.isPackaged
            ? await packagedPublisherNames(process.resourcesPath)
            : [],
      },
      createLogger('updates'),
    );
  }

  return { admin, settings, folders, start };
}
