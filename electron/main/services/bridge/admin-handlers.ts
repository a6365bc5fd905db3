import type { DiagnosticsExport, LogLine } from '../../../../shared/diagnostics/contract';
import { settingKeys } from '../../../../shared/policy/settings';
import type { SettingsResponse } from '../../../../shared/policy/contract';
import { BridgeFailure } from '../../../../shared/bridge/result';
import type { ResolvedSettings } from '../policy/resolve';
import type { SettingsService } from '../policy/service';
import { SettingsError } from '../policy/service';
import type { BridgeHandlers } from './dispatcher';

export interface AdminHandlerDeps {
  readonly settings: SettingsService;
  readonly exportDiagnostics: () => Promise<DiagnosticsExport>;
  /** Writes a renderer's log line to the main log (redacted there like every line). */
  readonly writeRendererLog: (line: LogLine) => void;
}

type AdminChannel = 'settings.get' | 'settings.set' | 'diagnostics.export' | 'log.write';

const toResponse = (resolved: ResolvedSettings): SettingsResponse => ({
  settings: settingKeys.map((key) => {
    const setting = resolved.settings[key];
    const value = setting.value;
    return { ...setting, value: typeof value === 'object' ? [...value] : value };
  }),
});

/** Handlers of the admin channels: settings, diagnostics export, renderer log lines. */
export function createAdminHandlers(deps: AdminHandlerDeps): Pick<BridgeHandlers, AdminChannel> {
  return {
    'settings.get': async () => toResponse(await deps.settings.refresh()),
    'settings.set': async (change) => {
      try {
        // The contract's union ties each value to its key; TypeScript cannot follow it through.
        return toResponse(await deps.settings.set(change.key, change.value));
      } catch (error) {
        if (error instanceof SettingsError)
          throw new BridgeFailure('SETTING_LOCKED', error.message);
        throw error;
      }
    },
    'diagnostics.export': () => deps.exportDiagnostics(),
    'log.write': (line) => {
      deps.writeRendererLog(line);
      return { accepted: true };
    },
  };
}
