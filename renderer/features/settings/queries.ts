import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingChange } from '../../../shared/policy/contract';
import { getBridge, unwrap } from '../../data/bridge';

const settingsKey = ['bridge', 'settings.get'] as const;

/** The settings in effect, each with its source and whether policy locks it. */
export const useSettings = () =>
  useQuery({
    queryKey: settingsKey,
    queryFn: () => unwrap(getBridge().settings.get()),
    retry: false,
  });

/** Stores a user's choice; main refuses locked settings with SETTING_LOCKED. */
export function useSetSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingChange) => unwrap(getBridge().settings.set(change)),
    onSuccess: (value) => client.setQueryData(settingsKey, value),
  });
}

export const useExportDiagnostics = () =>
  useMutation({ mutationFn: () => unwrap(getBridge().diagnostics.export()) });
