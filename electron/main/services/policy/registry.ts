import type { SettingKey, SettingSource } from '../../../../shared/policy/settings';
import {
  POLICY_REGISTRY_KEY,
  settingKeys,
  settingsTable,
} from '../../../../shared/policy/settings';
import type { SettingRejection, SettingsLayer } from './resolve';

/** One value line of `reg.exe query` output. */
export interface RegistryValue {
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

// `reg query` prints each value as four spaces, name, four spaces, type, four spaces, data. The data
// may be missing (empty REG_SZ) and the name may itself contain spaces, hence the lazy match.
const valueLine = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Parses the output of `reg.exe query <key>` (without /s): the values of that one key. */
export function parseRegQueryOutput(stdout: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = valueLine.exec(line);
    if (!match) continue;
    const [, name, type, data] = match;
    if (name === undefined || type === undefined) continue;
    values.push({ name, type, data: data ?? '' });
  }
  return values;
}

const byRegistryName = new Map<string, SettingKey>(
  settingKeys.map((key) => [settingsTable[key].registryName.toLowerCase(), key]),
);

/**
 * Turns registry values into a layer keyed by setting key, converting by registry type: REG_DWORD
 * to a number, REG_MULTI_SZ to a list, REG_SZ to text. A type that does not fit the setting's kind
 * is a rejection with a reason; validation of the value itself happens in the merge.
 */
export function registryLayer(
  source: SettingSource,
  values: readonly RegistryValue[],
): SettingsLayer {
  const layerValues: Record<string, unknown> = {};
  const problems: SettingRejection[] = [];
  for (const value of values) {
    // Registry value names are case-insensitive, as Windows treats them.
    const key = byRegistryName.get(value.name.toLowerCase());
    if (!key) {
      problems.push({ source, key: value.name, reason: 'unbekannter Registrierungswert' });
      continue;
    }
    const kind = settingsTable[key].kind.type;
    const converted = convert(kind, value);
    if (converted === undefined) {
      problems.push({
        source,
        key,
        reason: `falscher Registrierungstyp ${value.type} (erwartet: ${expectedType(kind)})`,
      });
      continue;
    }
    layerValues[key] = converted;
  }
  return { source, values: layerValues, problems };
}

type KindType = (typeof settingsTable)[SettingKey]['kind']['type'];

const expectedType = (kind: KindType): string =>
  kind === 'integer' ? 'REG_DWORD' : kind === 'list' ? 'REG_MULTI_SZ' : 'REG_SZ';

function convert(kind: KindType, value: RegistryValue): unknown {
  switch (kind) {
    case 'integer':
      // reg.exe prints DWORDs in hex (0x1e).
      return value.type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(value.data)
        ? Number.parseInt(value.data.slice(2), 16)
        : undefined;
    case 'list':
      // reg.exe joins the strings of a REG_MULTI_SZ with a literal "\0".
      return value.type === 'REG_MULTI_SZ'
        ? value.data.split('\\0').filter((item) => item.trim() !== '')
        : undefined;
    case 'text':
    case 'enum':
      return value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ' ? value.data : undefined;
  }
}

/** Runs a program without a shell; the platform or a test provides it. */
export type ExecFile = (
  file: string,
  args: readonly string[],
) => Promise<{ readonly exitCode: number; readonly stdout: string; readonly stderr: string }>;

const hives = { hklm: 'HKLM', hkcu: 'HKCU' } as const;

/**
 * Reads one hive's policy key with `reg.exe` (no native module). A missing key is the normal case on
 * an unmanaged machine: an empty layer. Any other failure is a logged problem, never a crash.
 */
export async function readRegistryPolicy(
  exec: ExecFile,
  source: 'hklm' | 'hkcu',
): Promise<SettingsLayer> {
  const key = `${hives[source]}\\${POLICY_REGISTRY_KEY}`;
  try {
    const result = await exec('reg.exe', ['query', key]);
    if (result.exitCode === 0) return registryLayer(source, parseRegQueryOutput(result.stdout));
    if (result.exitCode === 1) return { source, values: {} };
    return {
      source,
      values: {},
      problems: [{ source, key, reason: `reg.exe endete mit Code ${result.exitCode}` }],
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source, values: {}, problems: [{ source, key, reason: `reg.exe: ${reason}` }] };
  }
}
