import type { ReactNode } from 'react';
import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RegisterStatus } from '../../../shared/bridge/register';
import { getBridge } from '../../data/bridge';
import type { DraftSessionState } from '../../data/drafts/session';
import type { OutboxOutcome, OutboxSendRequest } from '../../data/outbox/model';
import type { OutboxEntry } from '../../data/outbox/repository';
import type { OutboxWorker } from '../../data/outbox/worker';
import { retentionCutoff } from '../../data/drafts/policy';
import { registerKeys } from '../../data/register/queries';
import { useDraftSession } from './DraftSessionProvider';

export type UnlockedSession = Extract<DraftSessionState, { phase: 'unlocked' }>;

/**
 * How the app reacts to what became of an outbox entry (wired by the pre-check feature through
 * OutboxReactionsContext; see OnSettled in renderer/data/outbox/worker.ts for the contract).
 * Both get the unlocked session (drafts, pre-checks, outbox) as it is at the time of the call.
 */
export interface OutboxReactions {
  /**
   * A decision was committed: bestaetigt (record antwort.azrNummer, close the draft; re-key
   * `wegfallendeAzrNummer` if set), abgelehnt (personalienGleich: reopen the wizard with
   * antwort.personalienGleich as candidates; otherwise make the draft editable), konflikt (the
   * Postausgang offers rebase/abandon; the draft stays read-only). Called again after a crash
   * until it resolves once: must be idempotent.
   */
  readonly onSettled: (
    entry: OutboxEntry,
    outcome: OutboxOutcome,
    session: UnlockedSession,
  ) => Promise<void>;
  /**
   * The caseworker abandoned a Konflikt in the Postausgang: the entry is removed right after this
   * resolves (not if it rejects); make the draft editable again. Must be idempotent.
   */
  readonly onAbandoned: (entry: OutboxEntry, session: UnlockedSession) => Promise<void>;
}

/** Without a provider decisions stay unhandled (delivered once a reaction is wired). */
export const OutboxReactionsContext = createContext<OutboxReactions | undefined>(undefined);

interface OutboxControl {
  /** Makes waiting entries due now and lifts the queue's pause ("Jetzt senden"). */
  readonly sendNow: () => Promise<void>;
}

const OutboxControlContext = createContext<OutboxControl>({ sendNow: () => Promise.resolve() });

export const useOutboxControl = () => useContext(OutboxControlContext);

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

function sendOverBridge(request: OutboxSendRequest) {
  const register = getBridge().register;
  switch (request.art) {
    case 'erstmeldung':
      return register.erstmeldung(request.request);
    case 'folgemeldung':
      return register.folgemeldung(request.request);
    case 'datenpflege':
      return register.datenpflege(request.request);
  }
}

/**
 * Runs the outbox worker while the session is unlocked and stops it when it locks (the keys are
 * gone, so nothing could be read or recorded). One worker per profile: a second window of the
 * browser host waits for the first one's Web Lock instead of sending the same entries in parallel.
 */
export function OutboxWorkerHost({ children }: { readonly children: ReactNode }) {
  const { session, state, policy, now } = useDraftSession();
  const { retentionDays } = policy;
  const reactions = useContext(OutboxReactionsContext);
  const client = useQueryClient();
  const outbox = state.phase === 'unlocked' ? state.outbox : undefined;
  const worker = useRef<OutboxWorker | undefined>(undefined);
  // Read at call time: the reaction wired later, or changed, applies without restarting the worker.
  const reactionsRef = useRef(reactions);
  useEffect(() => {
    reactionsRef.current = reactions;
  }, [reactions]);
  const hasReactions = reactions !== undefined;

  useEffect(() => {
    if (!outbox) return;
    const stop = new AbortController();
    let current: OutboxWorker | undefined;
    const run = async () => {
      const { OutboxWorker } = await import('../../data/outbox/worker');
      if (stop.signal.aborted) return;
      await outbox.purgeSettled(retentionCutoff(now(), { retentionDays })).catch(() => 0);
      current = new OutboxWorker({
        repository: outbox,
        send: sendOverBridge,
        ...(hasReactions
          ? {
              onSettled: async (entry: OutboxEntry, outcome: OutboxOutcome) => {
                const unlocked = session.store.getState();
                const wired = reactionsRef.current;
                if (unlocked.phase !== 'unlocked' || !wired) throw new Error('locked');
                await wired.onSettled(entry, outcome, unlocked);
              },
            }
          : {}),
        now,
        sleep: abortableSleep,
        random: Math.random,
      });
      worker.current = current;
      current.start();
      await new Promise<void>((resolve) =>
        stop.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks)
      void locks
        .request('azr-desk-outbox-worker', { signal: stop.signal }, run)
        .catch(() => undefined);
    else void run();
    return () => {
      stop.abort();
      if (worker.current === current) worker.current = undefined;
      void current?.stop();
    };
  }, [outbox, session, now, retentionDays, hasReactions]);

  // The register is reachable again (the status bar polls it): use it now, not after the pause.
  useEffect(() => {
    let reachable: boolean | undefined;
    return client.getQueryCache().subscribe((event) => {
      if (event.query.queryHash !== JSON.stringify(registerKeys.status)) return;
      const status = event.query.state.data as RegisterStatus | undefined;
      if (status === undefined) return;
      if (status.erreichbar && reachable === false) worker.current?.nudge();
      reachable = status.erreichbar;
    });
  }, [client]);

  const control = useMemo<OutboxControl>(
    () => ({
      sendNow: async () => {
        await outbox?.retryNow();
        worker.current?.nudge();
      },
    }),
    [outbox],
  );

  return <OutboxControlContext.Provider value={control}>{children}</OutboxControlContext.Provider>;
}
