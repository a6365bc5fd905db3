import { useQuery } from '@tanstack/react-query';
import { getBridge, unwrap } from '../../data/bridge';

/** How often the status bar re-checks that main answers; cheap, local, no register traffic. */
const healthIntervalMs = 15_000;

export const useAppInfo = () =>
  useQuery({
    queryKey: ['bridge', 'app.info'],
    queryFn: () => unwrap(getBridge().app.info()),
    staleTime: Infinity,
  });

export const useBridgeHealth = () =>
  useQuery({
    queryKey: ['bridge', 'health.ping'],
    queryFn: () => unwrap(getBridge().health.ping()),
    refetchInterval: healthIntervalMs,
    retry: false,
  });
