import type {
  SettingKey,
  SettingSource,
  SettingValue,
  SettingValues,
} from '../../../../shared/policy/settings';
import {
  definitionOf,
  isPolicySource,
  isSettingKey,
  schemaOf,
  settingKeys,
  settingSources,
} from '../../../../shared/policy/settings';

/** The values one source offers, keyed by setting key, not yet validated. */
export interface SettingsLayer {
  readonly source: SettingSource;
  readonly values: Readonly<Record<string, unknown>>;
  /** What the reader itself could not take (wrong registry type, unreadable file, …). */
  readonly problems?: readonly SettingRejection[];
}

/** A value that was not taken, with the reason for the log. The value itself is never repeated. */
export interface SettingRejection {
  readonly source: SettingSource;
  readonly key: string;
  readonly reason: string;
}

export interface EffectiveSetting<K extends SettingKey = SettingKey> {
  readonly key: K;
  readonly value: SettingValues[K];
  readonly source: SettingSource;
  /** Fixed by machine or user policy: shown as "von Ihrer Organisation verwaltet", not editable. */
  readonly locked: boolean;
  /** May the user change it (only when not locked)? */
  readonly editable: boolean;
}

export type EffectiveSettings = { readonly [K in SettingKey]: EffectiveSetting<K> };

export interface ResolvedSettings {
  readonly settings: EffectiveSettings;
  readonly rejections: readonly SettingRejection[];
}

const rank = (source: SettingSource) => settingSources.indexOf(source);

/**
 * Merges the sources by precedence HKLM > HKCU > machine policy file > user settings > defaults.
 * Each value is validated on its own against the table's schema: an invalid value is rejected with a
 * reason and the next weaker source decides, so one typo in a GPO never stops the app.
 */
export function resolveSettings(layers: readonly SettingsLayer[]): ResolvedSettings {
  const ordered = [...layers].sort((a, b) => rank(a.source) - rank(b.source));
  const rejections: SettingRejection[] = ordered.flatMap((layer) => layer.problems ?? []);

  for (const layer of ordered) {
    for (const name of Object.keys(layer.values)) {
      if (!isSettingKey(name)) {
        rejections.push({ source: layer.source, key: name, reason: 'unbekannte Einstellung' });
      }
    }
  }

  const entries = settingKeys.map((key) => {
    const definition = definitionOf(key);
    for (const layer of ordered) {
      if (!Object.hasOwn(layer.values, key)) continue;
      if (layer.source === 'user' && !definition.userOverridable) {
        rejections.push({
          source: layer.source,
          key,
          reason: 'darf nur von der Organisation festgelegt werden',
        });
        continue;
      }
      const parsed = schemaOf(definition).safeParse(layer.values[key]);
      if (!parsed.success) {
        const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
        rejections.push({ source: layer.source, key, reason: `ungültiger Wert: ${reason}` });
        continue;
      }
      return [key, effective(key, parsed.data, layer.source)] as const;
    }
    return [key, effective(key, definition.default, 'default')] as const;
  });

  return {
    settings: Object.fromEntries(entries) as unknown as EffectiveSettings,
    rejections,
  };
}

function effective(key: SettingKey, value: SettingValue, source: SettingSource): EffectiveSetting {
  const locked = isPolicySource(source);
  return {
    key,
    value,
    source,
    locked,
    editable: !locked && definitionOf(key).userOverridable,
  };
}

/** The plain values, for services that only need to know what is in effect. */
export const valuesOf = (settings: EffectiveSettings): SettingValues =>
  Object.fromEntries(
    settingKeys.map((key) => [key, settings[key].value]),
  ) as unknown as SettingValues;
