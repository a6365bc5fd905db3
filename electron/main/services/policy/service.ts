import type { SettingKey, SettingValues } from '../../../../shared/policy/settings';
import { definitionOf, isPolicySource } from '../../../../shared/policy/settings';
import type { Logger } from '../logging/logger';
import type { TextFiles } from './files';
import { readJsonLayer } from './files';
import type { ExecFile } from './registry';
import { readRegistryPolicy } from './registry';
import type { EffectiveSetting, ResolvedSettings, SettingsLayer } from './resolve';
import { resolveSettings, valuesOf } from './resolve';

export type SettingsErrorCode = 'SETTING_LOCKED' | 'SETTING_NOT_OVERRIDABLE';

/** A refused change, with a code the bridge turns into a typed error. */
export class SettingsError extends Error {
  constructor(
    readonly code: SettingsErrorCode,
    readonly key: SettingKey,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface PolicySourceDeps {
  readonly platform: NodeJS.Platform;
  /** reg.exe on Windows; unused elsewhere. */
  readonly exec: ExecFile;
  readonly files: TextFiles;
  /** `%ProgramData%\azr-desk\policy.json`, `/etc/azr-desk/policy.json`, or a test file. */
  readonly machinePolicyFile: string | undefined;
}

/** The admin's sources, strongest first: HKLM, HKCU (Windows only), the machine policy file. */
export async function readPolicyLayers(deps: PolicySourceDeps): Promise<SettingsLayer[]> {
  const registry =
    deps.platform === 'win32'
      ? await Promise.all([
          readRegistryPolicy(deps.exec, 'hklm'),
          readRegistryPolicy(deps.exec, 'hkcu'),
        ])
      : [];
  const file = deps.machinePolicyFile
    ? [await readJsonLayer(deps.files, deps.machinePolicyFile, 'machineFile')]
    : [];
  return [...registry, ...file];
}

export interface SettingsServiceDeps {
  /** Reads the policy sources afresh (GPO may have changed since the last read). */
  readonly readPolicy: () => Promise<readonly SettingsLayer[]>;
  readonly files: TextFiles;
  /** The user's own settings (JSON) in the user data folder. */
  readonly userSettingsFile: string;
  readonly log: Logger;
}

export interface SettingsService {
  /** Reads every source again and returns what is in effect. */
  refresh(): Promise<ResolvedSettings>;
  /** What the last refresh found (defaults before the first). */
  current(): ResolvedSettings;
  values(): SettingValues;
  /**
   * Stores a user's choice (`null` returns to the default). Refused with a SettingsError when policy
   * fixes the setting or the table does not let users change it. The value must already have passed
   * the setting's schema (the bridge contract does that).
   */
  set<K extends SettingKey>(key: K, value: SettingValues[K] | null): Promise<ResolvedSettings>;
  onChange(listener: (settings: ResolvedSettings) => void): () => void;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  let resolved = resolveSettings([]);
  let writes = Promise.resolve();
  const listeners = new Set<(settings: ResolvedSettings) => void>();
  const reported = new Set<string>();

  async function readUserLayer(): Promise<SettingsLayer> {
    return readJsonLayer(deps.files, deps.userSettingsFile, 'user');
  }

  async function refresh(): Promise<ResolvedSettings> {
    const layers = [...(await deps.readPolicy()), await readUserLayer()];
    resolved = resolveSettings(layers);
    // Each rejection once per run: a settings screen refreshing every visit must not flood the log.
    for (const rejection of resolved.rejections) {
      const id = `${rejection.source}/${rejection.key}/${rejection.reason}`;
      if (reported.has(id)) continue;
      reported.add(id);
      deps.log.warn('Einstellung verworfen', { ...rejection });
    }
    for (const listener of listeners) listener(resolved);
    return resolved;
  }

  function refuse(setting: EffectiveSetting): void {
    if (isPolicySource(setting.source)) {
      throw new SettingsError(
        'SETTING_LOCKED',
        setting.key,
        `"${setting.key}" is fixed by policy (${setting.source}).`,
      );
    }
    if (!definitionOf(setting.key).userOverridable) {
      throw new SettingsError(
        'SETTING_NOT_OVERRIDABLE',
        setting.key,
        `"${setting.key}" can only be set by the organisation.`,
      );
    }
  }

  async function set<K extends SettingKey>(key: K, value: SettingValues[K] | null) {
    const fresh = await refresh();
    refuse(fresh.settings[key]);
    // Serialised read-modify-write, so two quick changes cannot overwrite each other.
    const write = writes.then(async () => {
      const layer = await readUserLayer();
      const next: Record<string, unknown> = { ...layer.values };
      if (value === null) delete next[key];
      else next[key] = value;
      await deps.files.writeAtomic(deps.userSettingsFile, `${JSON.stringify(next, null, 2)}\n`);
    });
    writes = write.catch(() => undefined);
    await write;
    deps.log.info('Einstellung geändert', { key, reset: value === null });
    return refresh();
  }

  return {
    refresh,
    current: () => resolved,
    values: () => valuesOf(resolved.settings),
    set,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
