import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type AutosaveState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'pending' | 'saving'; readonly savedAt?: Date }
  | { readonly phase: 'saved'; readonly savedAt: Date }
  | { readonly phase: 'error'; readonly savedAt?: Date };

export interface Autosave {
  readonly state: AutosaveState;
  /** A change happened: save after `delayMs` without further changes. */
  readonly schedule: () => void;
  /** Save now if anything is pending (blur, window hidden, lock, leaving the form). */
  readonly flush: () => Promise<void>;
}

/**
 * Saves every change, valid or not: debounced while typing, immediately on blur, when the window is
 * hidden or closed, and before a lock. Saves never overlap and never run out of order; a change
 * made during a save is saved right after it. `save` reads the current values itself, so the last
 * keystroke always wins, and it resolves only after IndexedDB committed — only then does the state
 * say `saved`.
 */
export function useAutosave(
  save: () => Promise<Date>,
  options: { readonly delayMs?: number } = {},
): Autosave {
  const delayMs = options.delayMs ?? 250;
  const [state, setState] = useState<AutosaveState>({ phase: 'idle' });
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const running = useRef<Promise<void> | undefined>(undefined);
  const savedAt = useRef<Date | undefined>(undefined);
  const mounted = useRef(true);

  const update = useCallback((next: AutosaveState) => {
    if (mounted.current) setState(next);
  }, []);

  const run = useCallback(async (): Promise<void> => {
    while (running.current) await running.current;
    if (!dirty.current) return;
    dirty.current = false;
    const attempt = (async () => {
      update({ phase: 'saving', ...(savedAt.current ? { savedAt: savedAt.current } : {}) });
      try {
        savedAt.current = await saveRef.current();
        update(
          dirty.current
            ? { phase: 'pending', savedAt: savedAt.current }
            : { phase: 'saved', savedAt: savedAt.current },
        );
      } catch {
        // Keep the change marked: the next edit, blur or flush tries again.
        dirty.current = true;
        update({ phase: 'error', ...(savedAt.current ? { savedAt: savedAt.current } : {}) });
      }
    })();
    running.current = attempt;
    try {
      await attempt;
    } finally {
      running.current = undefined;
    }
  }, [update]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    await run();
  }, [run]);

  const schedule = useCallback(() => {
    dirty.current = true;
    update({ phase: 'pending', ...(savedAt.current ? { savedAt: savedAt.current } : {}) });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [delayMs, flush, update]);

  useEffect(() => {
    mounted.current = true;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onPageHide);
      mounted.current = false;
      // Leaving the form (navigation, lock) saves what is pending.
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}
