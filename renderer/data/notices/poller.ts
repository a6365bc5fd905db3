import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { MitteilungenRequest, MitteilungenResponse } from '../../../shared/bridge/meldungen';
import type { RegisterFailureCode } from '../../../shared/bridge/register';
import type { BridgeErrorCode } from '../../../shared/bridge/result';
import { BridgeCallError } from '../bridge';
import type { NoticeRepository } from './repository';

/**
 * Fetches the register's change notices (090030) for this authority: every page at start, then every
 * NOTICE_POLL_INTERVAL_MS and whenever asked ("Jetzt abrufen"). Pages are stored with their cursor
 * (NoticeRepository.storePage), then the pending notices are processed. A failed poll changes
 * nothing stored — the register keeps its notices, the cursor stays — and is retried with
 * exponential backoff and jitter. Only one poll runs at a time; stop() (on lock) ends it for good.
 */

/**
 * Five minutes: a merge takes effect in the register at once (the old number answers with the
 * current one, and a Meldung's 090098 names it), so the notice only tidies local references and a
 * few minutes' delay costs nothing. Each poll is a register request written to both protocols
 * (§ 16 AZRG-DV and ours): every 5 min keeps that to ~100 lines in a working day.
 */
export const NOTICE_POLL_INTERVAL_MS = 5 * 60_000;
/** First retry after a failure; doubled per failure up to the regular interval. */
export const NOTICE_BACKOFF_START_MS = 15_000;
/**
 * Notices per page. The register gives no cursor after its last page, so that page is fetched
 * again on every poll (known ids are skipped): a small page keeps that repeat small.
 */
export const NOTICE_PAGE_SIZE = 100;
/** A register that keeps answering with a next cursor is not followed forever in one poll. */
const MAX_PAGES_PER_POLL = 1_000;

export type NoticePollFailure =
  /** The register did not answer with notices (unreachable, certificate, its own error). */
  | { readonly kind: 'register'; readonly code: RegisterFailureCode }
  /** Main (the bridge) could not be reached or failed. */
  | { readonly kind: 'bridge'; readonly code: BridgeErrorCode }
  /** Storing or processing failed here (e.g. locked meanwhile, storage full). */
  | { readonly kind: 'local' };

export interface NoticePollerState {
  /** start() was called and stop() was not. */
  readonly active: boolean;
  /** A poll is under way. */
  readonly polling: boolean;
  readonly lastSuccessAt: Date | undefined;
  /** Why the last poll failed; undefined after a successful one. */
  readonly failure: NoticePollFailure | undefined;
  readonly nextPollAt: Date | undefined;
}

export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NoticePollerDeps {
  /** One page through the bridge (`register.mitteilungen`); rejects only if the bridge fails. */
  readonly fetchPage: (request: NonNullable<MitteilungenRequest>) => Promise<MitteilungenResponse>;
  readonly repository: Pick<NoticeRepository, 'cursor' | 'storePage'>;
  /** Processes the pending notices (processPendingNotices bound to the session). */
  readonly process: () => Promise<unknown>;
  readonly now: () => Date;
  readonly timers?: PollerTimers;
  /** [0, 1); the jitter. */
  readonly random?: () => number;
}

export interface NoticePoller {
  readonly store: StoreApi<NoticePollerState>;
  /** The first poll, at once; later ones by the timer. Idempotent. */
  start(): void;
  /**
   * Polls now (or joins the poll under way), starting first if need be; resolves when it is done,
   * never rejects. Also when the register is reachable again: what it sent meanwhile comes at once.
   */
  pollNow(): Promise<void>;
  /** Clears the timer; nothing runs after an ongoing request returns. Final. */
  stop(): void;
}

class FetchFailure extends Error {
  constructor(readonly failure: NoticePollFailure) {
    super('notice poll failed');
  }
}

const defaultTimers: PollerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Delay before retry number `attempt` (1, 2, …): exponential, capped, with "equal jitter". */
export function backoffDelay(attempt: number, random: () => number): number {
  const full = Math.min(NOTICE_POLL_INTERVAL_MS, NOTICE_BACKOFF_START_MS * 2 ** (attempt - 1));
  // Half fixed, half random: clients that lost the register together do not return together.
  return Math.round(full / 2 + (random() * full) / 2);
}

export function createNoticePoller(deps: NoticePollerDeps): NoticePoller {
  const timers = deps.timers ?? defaultTimers;
  const random = deps.random ?? Math.random;
  const store = createStore<NoticePollerState>(() => ({
    active: false,
    polling: false,
    lastSuccessAt: undefined,
    failure: undefined,
    nextPollAt: undefined,
  }));
  let started = false;
  let stopped = false;
  let attempt = 0;
  let timer: unknown;
  let running: Promise<void> | undefined;

  const schedule = (ms: number) => {
    if (stopped) return;
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void poll(), ms);
    store.setState({ nextPollAt: new Date(deps.now().getTime() + ms) });
  };

  const fetchAll = async () => {
    let pages = 0;
    for (;;) {
      const nach = await deps.repository.cursor();
      let outcome: MitteilungenResponse;
      try {
        outcome = await deps.fetchPage({
          ...(nach !== undefined ? { nach } : {}),
          anzahl: NOTICE_PAGE_SIZE,
        });
      } catch (error) {
        throw new FetchFailure({
          kind: 'bridge',
          code: error instanceof BridgeCallError ? error.code : 'HANDLER_FAILED',
        });
      }
      // Locked while the request was out: nothing is stored (the keys are gone anyway).
      if (stopped) return;
      if (outcome.ergebnis === 'fehler')
        throw new FetchFailure({ kind: 'register', code: outcome.fehler.code });
      const { mitteilungen, naechsterCursor } = outcome.antwort;
      await deps.repository.storePage(mitteilungen, naechsterCursor);
      pages++;
      if (naechsterCursor === undefined || naechsterCursor === nach) return;
      if (pages >= MAX_PAGES_PER_POLL) return;
    }
  };

  const run = async () => {
    timers.clearTimeout(timer);
    store.setState({ polling: true, nextPollAt: undefined });
    try {
      await fetchAll();
      if (stopped) return;
      await deps.process();
      if (stopped) return;
      attempt = 0;
      store.setState({ lastSuccessAt: deps.now(), failure: undefined });
      schedule(NOTICE_POLL_INTERVAL_MS);
    } catch (error) {
      if (stopped) return;
      attempt++;
      store.setState({
        failure: error instanceof FetchFailure ? error.failure : { kind: 'local' },
      });
      schedule(backoffDelay(attempt, random));
    } finally {
      store.setState({ polling: false });
    }
  };

  const poll = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  const start = () => {
    if (started || stopped) return;
    started = true;
    store.setState({ active: true });
    void poll();
  };

  return {
    store,
    start,
    pollNow() {
      if (!started) start();
      return poll();
    },
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
      timer = undefined;
      store.setState({ active: false, nextPollAt: undefined });
    },
  };
}
