import type { SettingValue } from '../../../shared/policy/settings';

/** How a value reads on screen; empty values say what empty means instead of showing nothing. */
export function formatSettingValue(
  value: SettingValue,
  options: {
    readonly empty: string;
    readonly emptyList: string;
    readonly optionLabel?: (option: string) => string | undefined;
  },
): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : options.emptyList;
  if (typeof value === 'number') return String(value);
  if (value === '') return options.empty;
  return options.optionLabel?.(value as string) ?? (value as string);
}
