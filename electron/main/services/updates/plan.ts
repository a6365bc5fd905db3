import type { UpdateMode } from '../../../../shared/policy/settings';

export interface UpdateContext {
  readonly mode: UpdateMode;
  readonly updateUrl: string;
  /** Development builds never update themselves. */
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /**
   * Publisher names from the packaged app-update.yml. electron-updater skips the signature check of
   * a Windows update when there is none, so without them updates stay off (fail closed).
   */
  readonly publisherNames: readonly string[];
}

export type UpdatePlan =
  | {
      readonly enabled: false;
      readonly reason: 'mode-off' | 'not-packaged' | 'no-url' | 'insecure-url' | 'no-publisher';
    }
  | {
      readonly enabled: true;
      readonly feedUrl: string;
      /** notify: look and tell; auto: also download in the background. */
      readonly autoDownload: boolean;
      /** Only `auto` installs, and only when the app quits (never in the middle of work). */
      readonly autoInstallOnAppQuit: boolean;
    };

/**
 * What the updater may do, from policy alone (issue 8, item 4). Pure and exhaustive so a test can
 * show that no combination installs an update unless the mode is `auto`.
 */
export function planUpdates(context: UpdateContext): UpdatePlan {
  if (context.mode === 'off') return { enabled: false, reason: 'mode-off' };
  if (!context.isPackaged) return { enabled: false, reason: 'not-packaged' };
  if (!context.updateUrl) return { enabled: false, reason: 'no-url' };
  if (!/^https:\/\//i.test(context.updateUrl)) return { enabled: false, reason: 'insecure-url' };
  if (context.platform === 'win32' && context.publisherNames.length === 0) {
    return { enabled: false, reason: 'no-publisher' };
  }
  return {
    enabled: true,
    feedUrl: context.updateUrl,
    autoDownload: context.mode === 'auto',
    autoInstallOnAppQuit: context.mode === 'auto',
  };
}

/**
 * The last gate before `quitAndInstall`: only in `auto` mode, and only an update this run has
 * downloaded and verified. Called again at install time because policy may have changed since.
 */
export function mayInstall(plan: UpdatePlan, downloaded: boolean): boolean {
  return plan.enabled && plan.autoInstallOnAppQuit && downloaded;
}

/** Reads `publisherName` from app-update.yml (a plain YAML scalar or list). */
export function publisherNamesFromUpdateConfig(yaml: string | undefined): string[] {
  if (!yaml) return [];
  const lines = yaml.split(/\r?\n/);
  const index = lines.findIndex((line) => /^publisherName:/.test(line));
  if (index === -1) return [];
  const inline = lines[index]!.slice('publisherName:'.length).trim();
  const unquote = (value: string) => value.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (inline) return [unquote(inline)].filter(Boolean);
  const names: string[] = [];
  for (const line of lines.slice(index + 1)) {
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (!item) break;
    names.push(unquote(item[1]!));
  }
  return names.filter(Boolean);
}
