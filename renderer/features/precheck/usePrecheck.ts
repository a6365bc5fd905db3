import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  PrecheckDraft,
  PrecheckError,
  PrecheckEvent,
  PrecheckState,
} from '../../../shared/precheck';
import { reducePrecheck } from '../../../shared/precheck';
import type { Draft } from '../../data/drafts/repository';
import { DraftNotFoundError } from '../../data/drafts/repository';
import { repairHandOver } from '../../data/precheck/reactions';
import type { PrecheckRecord } from '../../data/precheck/repository';
import { useDraftSession } from '../../app/session/DraftSessionProvider';

export type PrecheckLoad =
  | { readonly phase: 'loading' | 'locked' }
  | { readonly phase: 'notFound' | 'tampered' }
  | { readonly phase: 'ready'; readonly draft: Draft; readonly record: PrecheckRecord };

const OUTBOX_REFRESH_MS = 2_000;

export const precheckDraftOf = (draft: Draft): PrecheckDraft => ({
  content: draft.content,
  status: draft.status,
});

export interface DispatchOptions {
  /**
   * Runs with the new state before it is saved; if it throws, nothing is saved. The wizard writes
   * a decision to the local protocol here: a decision that is not protocolled is not recorded.
   */
  readonly beforeSave?: (state: PrecheckState) => Promise<void>;
}

/**
 * The pre-check of one draft as the wizard works with it: the draft and its stored record, loaded
 * together; every change goes through the pure reducer of shared/precheck and is saved before the
 * screen shows it. Opening the wizard first applies `draftEdited`: if the Grundpersonalien changed
 * since the search, the search and everything built on it are discarded (§ 5 Abs. 1 S. 1 AZRG-DV).
 */
export function usePrecheck(id: string) {
  const { state, now } = useDraftSession();
  const session = state.phase === 'unlocked' ? state : undefined;
  const repository = session?.repository;
  const prechecks = session?.prechecks;
  const outbox = session?.outbox;
  const [load, setLoad] = useState<PrecheckLoad>({ phase: 'loading' });
  const current = useRef<PrecheckLoad>(load);
  // One change at a time: a second click must see the state the first one saved.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const publish = useCallback((next: PrecheckLoad) => {
    current.current = next;
    setLoad(next);
  }, []);

  const reload = useCallback(async () => {
    if (!repository || !prechecks || !outbox) return;
    try {
      await repairHandOver({ drafts: repository, prechecks, outbox }, id);
      const [draft, record] = await Promise.all([repository.get(id), prechecks.get(id)]);
      const edited = reducePrecheck(
        record.state,
        { type: 'draftEdited' },
        { draft: precheckDraftOf(draft), now },
      );
      let fresh = record;
      if (edited.ok && edited.state !== record.state) {
        fresh = { ...record, state: edited.state };
        await prechecks.save(id, fresh);
      }
      publish({ phase: 'ready', draft, record: fresh });
    } catch (error) {
      publish({ phase: error instanceof DraftNotFoundError ? 'notFound' : 'tampered' });
    }
  }, [repository, prechecks, outbox, id, now, publish]);

  useEffect(() => {
    let active = true;
    // Started from a task, not the effect itself: the load resolves into state asynchronously.
    void Promise.resolve().then(() => (active ? reload() : undefined));
    return () => {
      active = false;
    };
  }, [reload]);

  // While the Meldung is in the outbox, the worker's reaction (confirmed, rejected) changes the
  // record behind this screen: read it again every few seconds (local and cheap) until it settles.
  const waiting =
    load.phase === 'ready' && load.record.uebermittlung !== null && load.record.abschluss === null;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void reload(), OUTBOX_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  /** Applies an event; resolves to the rule it broke, or undefined once the new state is saved. */
  const dispatch = useCallback(
    (event: PrecheckEvent, options: DispatchOptions = {}): Promise<PrecheckError | undefined> => {
      const run = async (): Promise<PrecheckError | undefined> => {
        const loaded = current.current;
        if (loaded.phase !== 'ready' || !prechecks) return undefined;
        const result = reducePrecheck(loaded.record.state, event, {
          draft: precheckDraftOf(loaded.draft),
          now,
        });
        if (!result.ok) return result.error;
        await options.beforeSave?.(result.state);
        const record = { ...loaded.record, state: result.state };
        await prechecks.save(id, record);
        publish({ ...loaded, record });
        return undefined;
      };
      const next = queue.current.then(run, run);
      queue.current = next.catch(() => undefined);
      return next;
    },
    [prechecks, id, now, publish],
  );

  // Locked: nothing decrypted may show, whatever was loaded before.
  const shown: PrecheckLoad = state.phase === 'locked' ? { phase: 'locked' } : load;
  return { load: shown, dispatch, reload, session, now };
}
