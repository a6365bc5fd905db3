import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnfrageRequest,
  AnfrageResponse,
  CertificateStatus,
  LichtbildResponse,
  ProtocolQuery,
  RegisterStatus,
} from '../../../shared/bridge/register';
import { getBridge, unwrap } from '../bridge';

/**
 * Register data through TanStack Query, in memory only (architecture §4: register answers never
 * reach the disk; there is no persister). Every register retrieval is started by the caseworker
 * (§ 8 Abs. 1 AZRG-DV: no background retrievals): answers are never refetched, retried or
 * refreshed on focus, and they leave memory soon after the screen that showed them is gone.
 */
export const registerKeys = {
  all: ['register'] as const,
  status: ['register', 'status'] as const,
  certificate: ['register', 'certificate'] as const,
  anfrage: (id: string) => ['register', 'anfrage', id] as const,
  lichtbild: (id: string) => ['register', 'lichtbild', id] as const,
  protocol: (query: ProtocolQuery) => ['register', 'protocol', query] as const,
};

/** How long an answer stays in memory once no screen shows it (long enough for "back"). */
export const ANSWER_GC_MS = 2 * 60_000;
/** The health check and the Zulassung: cheap, no personal data, no protocol entry. */
export const STATUS_INTERVAL_MS = 30_000;
/** While the register is down, look more often, so "erreichbar" returns soon after it does. */
export const STATUS_RETRY_MS = 10_000;
/** Main answers register.status from memory for 5 s (gateway statusTtlMs); ask again after it. */
const STATUS_CACHE_MS = 6_000;

export function useRegisterStatus() {
  return useQuery<RegisterStatus>({
    queryKey: registerKeys.status,
    queryFn: () => unwrap(getBridge().register.status()),
    refetchInterval: (query) =>
      query.state.status === 'error' || query.state.data?.erreichbar === false
        ? STATUS_RETRY_MS
        : STATUS_INTERVAL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
    retry: false,
  });
}

export function useCertificateStatus() {
  return useQuery<CertificateStatus>({
    queryKey: registerKeys.certificate,
    queryFn: () => unwrap(getBridge().certificate.status()),
    refetchOnWindowFocus: true,
    staleTime: 60_000,
    retry: false,
  });
}

export function useChooseCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fingerprint: string) => unwrap(getBridge().certificate.choose({ fingerprint })),
    onSuccess: (status) => {
      client.setQueryData(registerKeys.certificate, status);
      void client.invalidateQueries({ queryKey: registerKeys.status });
    },
  });
}

let sequence = 0;
/** A fresh key per retrieval: asking again is a new, protocolled request, never a cache hit. */
const nextId = () => `${Date.now().toString(36)}-${(sequence += 1)}`;

const answerOptions = (id: string, request: AnfrageRequest) => ({
  queryKey: registerKeys.anfrage(id),
  queryFn: () => unwrap(getBridge().register.anfrage(request)),
  staleTime: Infinity,
  gcTime: ANSWER_GC_MS,
  retry: false,
});

/**
 * Sends one 090001 on the caseworker's action and returns the id under which its answer is kept.
 * Failures of the register come back as `{ ergebnis: 'fehler' }`; only a broken bridge rejects.
 */
export function startAnfrage(
  client: QueryClient,
  request: AnfrageRequest,
): { id: string; done: Promise<AnfrageResponse> } {
  const id = nextId();
  const done = client.fetchQuery(answerOptions(id, request));
  // The screen reads the outcome from the cache; this promise is only for callers that wait.
  done.then(
    (outcome) => {
      // The status bar should not say "erreichbar" for 30 s after a request found it otherwise:
      // ask now, and once more when main's short status cache has certainly expired.
      if (outcome.ergebnis === 'fehler' && outcome.fehler.code === 'REGISTER_UNREACHABLE') {
        void client.invalidateQueries({ queryKey: registerKeys.status });
        setTimeout(
          () => void client.invalidateQueries({ queryKey: registerKeys.status }),
          STATUS_CACHE_MS,
        );
      }
    },
    () => undefined,
  );
  return { id, done };
}

/** The answer of a retrieval started by startAnfrage; never sends anything by itself. */
export function useAnfrageAnswer(id: string | undefined) {
  return useQuery<AnfrageResponse>({
    queryKey: registerKeys.anfrage(id ?? 'none'),
    queryFn: () => Promise.reject(new Error('only startAnfrage sends a request')),
    enabled: false,
    staleTime: Infinity,
    gcTime: ANSWER_GC_MS,
    retry: false,
  });
}

export function useLichtbild() {
  return useMutation<
    LichtbildResponse,
    Error,
    { azrNummer: string; abrufzweck: string; geschaeftszeichen: string }
  >({
    mutationFn: (request) => unwrap(getBridge().register.lichtbild(request)),
  });
}

export function useProtocol(query: ProtocolQuery) {
  return useQuery({
    queryKey: registerKeys.protocol(query),
    queryFn: () => unwrap(getBridge().protocol.list(query)),
    retry: false,
    staleTime: 0,
    gcTime: ANSWER_GC_MS,
  });
}

export function useProtocolExport() {
  return useMutation({
    mutationFn: (query: ProtocolQuery) => unwrap(getBridge().protocol.export(query)),
  });
}

/** Forgets every register answer (on lock): what the screen no longer shows, memory no longer holds. */
export function forgetRegisterAnswers(client: QueryClient) {
  client.removeQueries({ queryKey: ['register', 'anfrage'] });
  client.removeQueries({ queryKey: ['register', 'lichtbild'] });
  client.removeQueries({ queryKey: ['register', 'protocol'] });
}
