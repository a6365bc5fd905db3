import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';
import electronUpdater from 'electron-updater';
import type { Logger } from '../services/logging/logger';
import type { UpdateContext, UpdatePlan } from '../services/updates/plan';
import { mayInstall, planUpdates, publisherNamesFromUpdateConfig } from '../services/updates/plan';

export type Updater = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'allowPrerelease'
  | 'disableWebInstaller'
  | 'forceDevUpdateConfig'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'on'
>;

/** The publisher names electron-builder wrote into resources/app-update.yml at signing time. */
export async function packagedPublisherNames(resourcesPath: string): Promise<string[]> {
  const yaml = await readFile(join(resourcesPath, 'app-update.yml'), 'utf8').catch(() => undefined);
  return publisherNamesFromUpdateConfig(yaml);
}

/**
 * Configures electron-updater from the plan: the generic provider on the organisation's server,
 * never a downgrade or a prerelease, never the web installer; installs only what `auto` allows.
 * Returns the plan so the caller can log why updates are off.
 */
export function installUpdates(
  context: UpdateContext,
  log: Logger,
  updater: Updater = electronUpdater.autoUpdater,
): UpdatePlan {
  const plan = planUpdates(context);
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  if (!plan.enabled) {
    log.info('Updates aus', { reason: plan.reason });
    return plan;
  }
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.disableWebInstaller = true;
  updater.forceDevUpdateConfig = false;
  updater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
  updater.autoDownload = plan.autoDownload;
  let downloaded = false;
  updater.on('update-available', (info) => log.info('Update verfügbar', { version: info.version }));
  updater.on('update-downloaded', (info) => {
    downloaded = true;
    updater.autoInstallOnAppQuit = mayInstall(plan, downloaded);
    log.info('Update geladen und geprüft', { version: info.version });
  });
  updater.on('error', (error) => log.warn('Update fehlgeschlagen', { error }));
  void updater.checkForUpdates().catch((error: unknown) => {
    log.warn('Update-Prüfung fehlgeschlagen', { error: String(error) });
  });
  return plan;
}
