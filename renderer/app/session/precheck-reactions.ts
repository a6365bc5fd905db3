import type { OutboxReactions, UnlockedSession } from './OutboxWorkerHost';

/**
 * The pre-check's reaction to the outbox (see renderer/data/precheck/reactions.ts): confirmed →
 * the draft is closed with the current AZR-Nummer; personalienGleich → the wizard reopens with
 * those persons; a merged number → every local reference is re-keyed (renderer/data/rekey.ts).
 * Loaded on first use: the reactions bring the pre-check model, which the first script does not need.
 */
export function createOutboxReactions(now: () => Date): OutboxReactions {
  const load = async () => {
    const [{ createPrecheckReactions }, { rekeyAzrNummer }] = await Promise.all([
      import('../../data/precheck/reactions'),
      import('../../data/rekey'),
    ]);
    return { createPrecheckReactions, rekeyAzrNummer };
  };
  const reactionsFor = async (session: UnlockedSession) => {
    const { createPrecheckReactions, rekeyAzrNummer } = await load();
    return createPrecheckReactions({
      drafts: session.repository,
      prechecks: session.prechecks,
      now,
      rekey: (wegfallend, bleibend) =>
        rekeyAzrNummer(
          { drafts: session.repository, prechecks: session.prechecks },
          wegfallend,
          bleibend,
        ),
    });
  };
  return {
    onSettled: async (entry, outcome, session) =>
      (await reactionsFor(session)).onSettled(entry, outcome),
    onAbandoned: async (entry, session) => (await reactionsFor(session)).onAbandoned(entry),
  };
}
