import type { DraftSessionState } from '../../data/drafts/session';
import type { PendingDatenpflege, PendingMeldung } from './submit';

type Unlocked = Extract<DraftSessionState, { phase: 'unlocked' }>;

/**
 * Hands the confirmed Meldung to the outbox: the entry (with its idempotency key) is written first —
 * from then on the Meldung cannot be lost — then the pre-check records it and the draft becomes
 * read-only. A crash between the steps leaves an entry whose draft still looks editable; the wizard
 * repairs that when it opens (see usePrecheck).
 */
export async function handOverMeldung(
  session: Unlocked,
  draftId: string,
  pending: PendingMeldung,
  name: string,
  abrufzweck: string | undefined,
  now: () => Date,
): Promise<void> {
  const entry = await session.outbox.enqueue(draftId, {
    art: pending.art,
    meldung: pending.meldung,
    anzeige: { name },
    ...(abrufzweck ? { abrufzweck } : {}),
  });
  const am = now().toISOString();
  await session.prechecks.update(draftId, (record) => ({
    ...record,
    uebermittlung: { outboxId: entry.id, art: pending.art, am },
  }));
  await session.repository.setStage(draftId, 'postausgang');
}

/** A suspected duplicate for Datenpflege (090040): independent of the Meldung, the draft stays open. */
export async function handOverDatenpflege(
  session: Unlocked,
  draftId: string,
  pending: PendingDatenpflege,
  name: string,
  now: () => Date,
): Promise<void> {
  const entry = await session.outbox.enqueue(draftId, {
    art: 'datenpflege',
    meldung: pending,
    anzeige: { name },
    abrufzweck: '21',
  });
  await session.prechecks.update(draftId, (record) => ({
    ...record,
    datenpflege: { outboxId: entry.id, am: now().toISOString() },
  }));
}
