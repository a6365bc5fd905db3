import { QueryClient } from '@tanstack/react-query';

/**
 * Server state lives in memory only: register answers must never reach the disk (architecture §4),
 * so there is deliberately no persister.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
