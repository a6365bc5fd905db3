export type { TextFiles } from './files';
export { machinePolicyPath, nodeTextFiles, readJsonLayer } from './files';
export { nodeExecFile } from './exec';
export type { ExecFile, RegistryValue } from './registry';
export { parseRegQueryOutput, readRegistryPolicy, registryLayer } from './registry';
export type {
  EffectiveSetting,
  EffectiveSettings,
  ResolvedSettings,
  SettingRejection,
  SettingsLayer,
} from './resolve';
export { resolveSettings, valuesOf } from './resolve';
export type { PolicySourceDeps, SettingsService, SettingsServiceDeps } from './service';
export { SettingsError, createSettingsService, readPolicyLayers } from './service';
