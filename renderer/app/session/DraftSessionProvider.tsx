import type { ReactNode } from 'react';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { getBridge, unwrap } from '../../data/bridge';
import type { DraftPolicy } from '../../data/drafts/policy';
import { DEFAULT_DRAFT_POLICY, loadDraftPolicy } from '../../data/drafts/policy';
import type { DraftSession, DraftSessionState } from '../../data/drafts/session';
import { createDraftSession } from '../../data/drafts/session';
import { preloadDraftScreens } from '../../features/drafts/lazy';
import { OutboxWorkerHost } from './OutboxWorkerHost';

interface SessionContextValue {
  readonly session: DraftSession;
  readonly policy: DraftPolicy;
  readonly now: () => Date;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

const DAY_MS = 24 * 60 * 60 * 1000;

export function createAppDraftSession(now: () => Date, retentionDays: () => number): DraftSession {
  return createDraftSession({
    fetchKeys: () => unwrap(getBridge().drafts.keys()),
    // Loaded on first unlock, so the drafts code stays out of the app's first script.
    openDatabase: async () => (await import('../../data/drafts/db')).openDatabase(),
    now,
    codeLists: async () => (await import('../../../shared/domain/codelists')).codeLists,
    retentionDays,
  });
}

interface ProviderProps {
  readonly children: ReactNode;
  /** Tests pass their own session (fake IndexedDB, fixed keys) and clock. */
  readonly session?: DraftSession;
  readonly now?: () => Date;
}

/**
 * Holds the drafts' key session for the whole app: unlocks at start (the key comes from main — no
 * network involved), deletes expired drafts at start and daily (retention policy), and lets any
 * screen lock the app.
 */
export function DraftSessionProvider({ children, session: given, now: givenNow }: ProviderProps) {
  const [now] = useState(() => givenNow ?? (() => new Date()));
  const [policy, setPolicy] = useState<DraftPolicy>(DEFAULT_DRAFT_POLICY);
  // Read by the session when it purges; a plain holder, not state: it must not re-render.
  const [retention] = useState(() => ({ days: DEFAULT_DRAFT_POLICY.retentionDays }));
  const [session] = useState(() => given ?? createAppDraftSession(now, () => retention.days));

  useEffect(() => {
    let active = true;
    // Policy first (it sets the retention the start-up purge uses), then the key: both are local
    // calls to main; nothing here waits for the network.
    void loadDraftPolicy().then((loaded) => {
      if (!active) return;
      retention.days = loaded.retentionDays;
      setPolicy(loaded);
      if (session.store.getState().phase === 'starting') void session.unlock();
    });
    return () => {
      active = false;
    };
  }, [session, retention]);

  useEffect(() => {
    const timer = setInterval(() => void session.purge().catch(() => 0), DAY_MS);
    return () => clearInterval(timer);
  }, [session]);

  // Once unlocked and idle, load the drafts screens' code: opening "Entwürfe" then renders at once
  // instead of through a loading state (which React holds for at least 300 ms).
  const unlocked = useSyncExternalStore(
    session.store.subscribe,
    () => session.store.getState().phase === 'unlocked',
  );
  useEffect(() => {
    if (!unlocked || typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => void preloadDraftScreens(), { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }, [unlocked]);

  return (
    <SessionContext.Provider value={{ session, policy, now }}>
      {/* Sends the outbox while unlocked (issue 7); stops when the session locks. */}
      <OutboxWorkerHost>{children}</OutboxWorkerHost>
    </SessionContext.Provider>
  );
}

export function useDraftSession(): SessionContextValue & { readonly state: DraftSessionState } {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useDraftSession outside DraftSessionProvider');
  const state = useSyncExternalStore(value.session.store.subscribe, value.session.store.getState);
  return { ...value, state };
}
