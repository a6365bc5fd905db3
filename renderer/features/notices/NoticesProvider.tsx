import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { MitteilungenRequest, MitteilungenResponse } from '../../../shared/bridge/meldungen';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { getBridge, unwrap } from '../../data/bridge';
import { retentionCutoff } from '../../data/drafts/policy';
import type { NoticePoller, NoticePollerState } from '../../data/notices/poller';
import { createNoticePoller } from '../../data/notices/poller';
import { processPendingNotices } from '../../data/notices/process';
import type { NoticeRepository } from '../../data/notices/repository';
import { useRegisterStatus } from '../../data/register/queries';

/**
 * Runs the change-notice poller for the whole app while the session is unlocked: created with the
 * session's repositories on unlock, polling at once whenever the register is reachable (again),
 * stopped on lock (its repositories' keys are gone then). The inbox and the
 * navigation's badge read the same poller and repository from here.
 */
interface NoticesSlot {
  readonly repository?: NoticeRepository;
  readonly poller?: NoticePoller;
}

type FetchPage = (request: NonNullable<MitteilungenRequest>) => Promise<MitteilungenResponse>;

const fetchFromBridge: FetchPage = (request) => unwrap(getBridge().register.mitteilungen(request));

const NoticesContext = createContext<StoreApi<NoticesSlot> | undefined>(undefined);

export function NoticesProvider({
  children,
  fetchPage = fetchFromBridge,
}: {
  readonly children: ReactNode;
  /** Tests pass their own register. */
  readonly fetchPage?: FetchPage;
}) {
  const { state, now, policy } = useDraftSession();
  const { retentionDays } = policy;
  const [slot] = useState(() => createStore<NoticesSlot>(() => ({})));
  const notices = state.phase === 'unlocked' ? state.notices : undefined;
  const drafts = state.phase === 'unlocked' ? state.repository : undefined;
  const prechecks = state.phase === 'unlocked' ? state.prechecks : undefined;

  useEffect(() => {
    if (!notices || !drafts || !prechecks) return;
    const poller = createNoticePoller({
      fetchPage,
      repository: notices,
      process: () =>
        processPendingNotices({
          notices,
          rekey: async (wegfallend, bleibend) => {
            // Loaded when first needed: it brings the AZR-Nummer schema (zod), which the app's
            // first script does not carry (initial JS budget, architecture §6).
            const { rekeyAzrNummer } = await import('../../data/rekey');
            return rekeyAzrNummer({ drafts, prechecks }, wegfallend, bleibend);
          },
          now,
        }),
      now,
    });
    slot.setState({ repository: notices, poller }, true);
    // Retention as for drafts and the outbox (draftRetentionDays): notices read and processed
    // longer ago lose their content (the record's personal data) when the session opens.
    void notices.purgeDone(retentionCutoff(now(), { retentionDays })).catch(() => 0);
    return () => {
      poller.stop();
      slot.setState({}, true);
    };
  }, [slot, notices, drafts, prechecks, fetchPage, now, retentionDays]);

  const poller = useSyncExternalStore(slot.subscribe, () => slot.getState().poller);
  const reachable = useRegisterStatus().data?.erreichbar === true;
  // Whenever the register is reachable (again) — after unlocking, after an outage — fetch at once:
  // what it sent meanwhile (a merge) must reach open drafts now, not at the next timer.
  useEffect(() => {
    if (poller && reachable) void poller.pollNow();
  }, [poller, reachable]);

  return <NoticesContext.Provider value={slot}>{children}</NoticesContext.Provider>;
}

function useSlot(): StoreApi<NoticesSlot> {
  const slot = useContext(NoticesContext);
  if (!slot) throw new Error('useNotices outside NoticesProvider');
  return slot;
}

/** The session's notice repository and poller; both undefined while locked or starting. */
export function useNotices(): NoticesSlot {
  const slot = useSlot();
  return useSyncExternalStore(slot.subscribe, slot.getState);
}

const idleState: NoticePollerState = {
  active: false,
  polling: false,
  lastSuccessAt: undefined,
  failure: undefined,
  nextPollAt: undefined,
};

export function usePollerState(poller: NoticePoller | undefined): NoticePollerState {
  const subscribe = useCallback(
    (listener: () => void) => poller?.store.subscribe(listener) ?? (() => undefined),
    [poller],
  );
  return useSyncExternalStore(subscribe, () => poller?.store.getState() ?? idleState);
}

/**
 * A value read from the notice repository, read again after each of its changes (new notices,
 * processed, read state). Undefined until the first read is done.
 */
export function useNoticeQuery<T>(
  repository: NoticeRepository | undefined,
  read: (repository: NoticeRepository) => Promise<T>,
): { readonly value: T | undefined; readonly error: unknown } {
  const [result, setResult] = useState<{
    readonly repository: NoticeRepository | undefined;
    readonly value: T | undefined;
    readonly error: unknown;
  }>({ repository, value: undefined, error: undefined });
  useEffect(() => {
    if (!repository) return;
    let active = true;
    let version = 0;
    const load = () => {
      const mine = ++version;
      read(repository).then(
        (value) => active && mine === version && setResult({ repository, value, error: undefined }),
        (error: unknown) =>
          active && mine === version && setResult({ repository, value: undefined, error }),
      );
    };
    load();
    const unsubscribe = repository.subscribe(load);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [repository, read]);
  // A result of the previous session's repository is not shown after a lock and unlock.
  return result.repository === repository
    ? { value: result.value, error: result.error }
    : { value: undefined, error: undefined };
}

const countUnread = (repository: NoticeRepository) => repository.countUnread();

/** Unread notices, for the navigation's badge (0 while locked). */
export function useUnreadNoticeCount(): number {
  const { repository } = useNotices();
  return useNoticeQuery(repository, countUnread).value ?? 0;
}
