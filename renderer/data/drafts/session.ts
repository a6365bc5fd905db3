import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CodeListRegistry } from '../../../shared/domain/codelists';
import type { BridgeErrorCode } from '../../../shared/bridge/result';
import { BridgeCallError } from '../bridge';
import type { DraftCipher } from './crypto';
import { createDraftCipher } from './crypto';
import type { AzrDatabase } from './db';
import type { PrecheckRepository } from '../precheck/repository';
import type { OutboxRepository } from '../outbox/repository';
import type { DraftRepository } from './repository';
import type { NoticeRepository } from '../notices/repository';

/**
 * The drafts' key session. `unlocked` holds the repository with the imported keys; `locked` holds
 * nothing: lock() first lets every open form save (flush), then forgets the keys, so a locked app
 * has no way to show or decrypt personal data until the keys are fetched again.
 */
export type DraftSessionState =
  | { readonly phase: 'starting' }
  | {
      readonly phase: 'unlocked';
      readonly repository: DraftRepository;
      /** The § 5 pre-checks of the drafts, under the same key. */
      readonly prechecks: PrecheckRepository;
      /** Confirmed Meldungen on their way to the register (issue 7), under the same key. */
      readonly outbox: OutboxRepository;
      /** The register's change notices (090030), under the same key. */
      readonly notices: NoticeRepository;
      /** Bumped when drafts vanish behind the screen's back (retention purge). */
      readonly revision: number;
    }
  | { readonly phase: 'locked' }
  | { readonly phase: 'failed'; readonly code: BridgeErrorCode };

export interface DraftSessionDeps {
  readonly fetchKeys: () => Promise<{ dataKey: string; indexKey: string }>;
  /** May load Dexie lazily: the drafts code is not part of the app's first script. */
  readonly openDatabase: () => AzrDatabase | Promise<AzrDatabase>;
  readonly now: () => Date;
  readonly codeLists: CodeListRegistry | (() => Promise<CodeListRegistry>);
  /** Days without a change after which a draft is deleted (policy; default 30). */
  readonly retentionDays: () => number;
}

export interface DraftSession {
  readonly store: StoreApi<DraftSessionState>;
  unlock(): Promise<void>;
  lock(): Promise<void>;
  /** A form registers its pending-save flush; lock() awaits them all before dropping the keys. */
  registerFlush(flush: () => Promise<void>): () => void;
  /** Deletes expired drafts now (daily timer); lists reload through `revision`. */
  purge(): Promise<number>;
}

export function createDraftSession(deps: DraftSessionDeps): DraftSession {
  const store = createStore<DraftSessionState>(() => ({ phase: 'starting' }));
  const flushes = new Set<() => Promise<void>>();
  let db: AzrDatabase | undefined;
  let cipher: DraftCipher | undefined;
  let generation = 0;

  const database = async () => (db ??= await deps.openDatabase());

  return {
    store,
    async unlock() {
      const mine = ++generation;
      store.setState({ phase: 'starting' }, true);
      try {
        const keys = await deps.fetchKeys();
        const next = await createDraftCipher(keys);
        if (mine !== generation) {
          next.destroy();
          return;
        }
        cipher = next;
        const [
          { DraftRepository },
          { PrecheckRepository },
          { OutboxRepository },
          { NoticeRepository },
          openedDb,
          registry,
        ] = await Promise.all([
          import('./repository'),
          import('../precheck/repository'),
          import('../outbox/repository'),
          import('../notices/repository'),
          database(),
          typeof deps.codeLists === 'function' ? deps.codeLists() : deps.codeLists,
        ]);
        const repository = new DraftRepository({
          db: openedDb,
          cipher: next,
          now: deps.now,
          codeLists: registry,
        });
        const prechecks = new PrecheckRepository({ db: openedDb, cipher: next, now: deps.now });
        const outbox = new OutboxRepository({ db: openedDb, cipher: next, now: deps.now });
        const notices = new NoticeRepository({ db: openedDb, cipher: next, now: deps.now });
        // Expired drafts go before anything is shown (retention at start, DSGVO Art. 5(1)(e)).
        await repository.purgeExpired(deps.retentionDays()).catch(() => 0);
        if (mine !== generation) {
          next.destroy();
          return;
        }
        store.setState(
          { phase: 'unlocked', repository, prechecks, outbox, notices, revision: 0 },
          true,
        );
        // For the benchmark: the app is ready (the list's timing starts from an idle app).
        if (typeof performance.mark === 'function') performance.mark('azr:drafts-unlocked');
      } catch (error) {
        if (mine !== generation) return;
        const code = error instanceof BridgeCallError ? error.code : 'UNAVAILABLE';
        store.setState({ phase: 'failed', code }, true);
      }
    },
    async lock() {
      await Promise.allSettled([...flushes].map((flush) => flush()));
      generation++;
      cipher?.destroy();
      cipher = undefined;
      // The keys are gone; so must be everything decrypted with them (the list's summaries).
      const state = store.getState();
      if (state.phase === 'unlocked') state.repository.forget();
      store.setState({ phase: 'locked' }, true);
    },
    async purge() {
      const state = store.getState();
      if (state.phase !== 'unlocked') return 0;
      const deleted = await state.repository.purgeExpired(deps.retentionDays());
      const now = store.getState();
      if (deleted > 0 && now.phase === 'unlocked')
        store.setState({ ...now, revision: now.revision + 1 }, true);
      return deleted;
    },
    registerFlush(flush) {
      flushes.add(flush);
      return () => flushes.delete(flush);
    },
  };
}
