import { reducePrecheck } from '../../../shared/precheck';
import type { DraftRepository } from '../drafts/repository';
import { DraftNotFoundError } from '../drafts/repository';
import type { OutboxOutcome } from '../outbox/model';
import type { OutboxEntry } from '../outbox/repository';

/** What a reaction needs of an outbox entry. */
type EntryRef = Pick<OutboxEntry, 'id' | 'draftId' | 'art'>;
import type { PrecheckRecord, PrecheckRepository } from './repository';

export interface PrecheckReactionDeps {
  readonly drafts: DraftRepository;
  readonly prechecks: PrecheckRepository;
  readonly now: () => Date;
  /** Re-keys every local reference from a merged-away number to the current one. */
  readonly rekey: (wegfallend: string, bleibend: string) => Promise<unknown>;
}

/**
 * What the app does with the register's decision on a Meldung from the pre-check (the outbox's
 * `onSettled`, and `onAbandoned` when the caseworker gives an entry up). Every reaction is
 * idempotent — it may run again after a crash — and acts only while the pre-check still points at
 * this very entry, so a late or repeated decision never undoes a newer hand-over.
 *
 * - bestätigt (090098): the pre-check is closed with the person's current AZR-Nummer; a merged
 *   number that came back current is re-keyed everywhere; the draft is `abgeschlossen`.
 * - abgelehnt with personalienGleich (090099): the named numbers become candidates that must be
 *   decided, and the draft is editable again — the wizard reopens with them (§ 5 Abs. 1 S. 4).
 * - abgelehnt otherwise: the draft is editable again; the Postausgang shows the register's reason.
 * - Konflikt: nothing here — the caseworker rebases or abandons it in the Postausgang.
 */
export function createPrecheckReactions(deps: PrecheckReactionDeps) {
  const { drafts, prechecks, now } = deps;
  const at = () => now().toISOString();

  /** Changes the record only while its hand-over is this entry; false when it is not (any more). */
  const ifCurrent = async (
    entry: EntryRef,
    change: (record: PrecheckRecord) => PrecheckRecord,
  ): Promise<boolean> => {
    let current = false;
    await prechecks.update(entry.draftId, (record) => {
      current = record.uebermittlung?.outboxId === entry.id;
      if (!current) return record;
      const next = change(record);
      // Nothing new (a repeated call): write nothing.
      return JSON.stringify(next) === JSON.stringify(record) ? record : next;
    });
    return current;
  };

  const reopen = async (entry: EntryRef) => {
    await drafts.setStage(entry.draftId, undefined);
  };

  const onSettled = async (entry: EntryRef, outcome: OutboxOutcome): Promise<void> => {
    try {
      if (outcome.status === 'bestaetigt' && outcome.wegfallendeAzrNummer)
        await deps.rekey(outcome.wegfallendeAzrNummer, outcome.antwort.azrNummer);
      // A Datenpflege report is independent of the draft: its result is the Postausgang's to show.
      if (entry.art === 'datenpflege') return;
      switch (outcome.status) {
        case 'bestaetigt': {
          const azrNummer = outcome.antwort.azrNummer;
          // The hand-over stays recorded after the confirmation, so a repeated call closes again.
          const current = await ifCurrent(entry, (record) => ({
            ...record,
            abschluss: record.abschluss ?? { azrNummer, am: at() },
          }));
          if (current) await drafts.setStage(entry.draftId, 'abgeschlossen');
          return;
        }
        case 'abgelehnt': {
          if (outcome.grund === 'personalienGleich') {
            const draft = await drafts.get(entry.draftId);
            const changed = await ifCurrent(entry, (record) => {
              const result = reducePrecheck(
                record.state,
                { type: 'erstmeldungRejected', fehlernachricht: outcome.antwort },
                { draft: { content: draft.content, status: draft.status }, now },
              );
              return {
                ...record,
                state: result.ok ? result.state : record.state,
                uebermittlung: null,
              };
            });
            if (changed) await reopen(entry);
            return;
          }
          if (await ifCurrent(entry, (record) => ({ ...record, uebermittlung: null })))
            await reopen(entry);
          return;
        }
        case 'konflikt':
          return;
      }
    } catch (error) {
      // The draft was discarded meanwhile: there is nothing left to react on.
      if (error instanceof DraftNotFoundError) return;
      throw error;
    }
  };

  /** The caseworker gave up an entry: the draft is editable again, nothing of it was sent. */
  const onAbandoned = async (entry: EntryRef): Promise<void> => {
    try {
      let wasMeldung = false;
      await prechecks.update(entry.draftId, (record) => {
        wasMeldung = record.uebermittlung?.outboxId === entry.id;
        return {
          ...record,
          uebermittlung: wasMeldung ? null : record.uebermittlung,
          datenpflege: record.datenpflege?.outboxId === entry.id ? null : record.datenpflege,
        };
      });
      if (wasMeldung) await reopen(entry);
    } catch (error) {
      if (error instanceof DraftNotFoundError) return;
      throw error;
    }
  };

  return { onSettled, onAbandoned };
}

/** Entries that still carry a draft's Meldung (sent or about to be; a Konflikt waits for a choice). */
const OPEN_STATES = new Set(['wartet', 'wird-gesendet', 'konflikt']);

/**
 * The hand-over writes the outbox entry first, then the pre-check record, then the draft's stage
 * (renderer/features/precheck/hand-over.ts). A crash between those steps leaves an entry whose
 * draft looks editable; this completes the hand-over from the entry. Idempotent; returns whether
 * it changed anything.
 */
export async function repairHandOver(
  deps: Pick<PrecheckReactionDeps, 'drafts' | 'prechecks'> & {
    readonly outbox: { forDraft(draftId: string): Promise<OutboxEntry[]> };
  },
  draftId: string,
): Promise<boolean> {
  const offen = (await deps.outbox.forDraft(draftId)).find(
    (entry) => entry.art !== 'datenpflege' && OPEN_STATES.has(entry.status),
  );
  if (!offen || offen.art === 'datenpflege') return false;
  const art = offen.art;
  let changed = false;
  await deps.prechecks.update(draftId, (record) => {
    if (record.uebermittlung?.outboxId === offen.id) return record;
    changed = true;
    return {
      ...record,
      uebermittlung: { outboxId: offen.id, art, am: offen.createdAt.toISOString() },
    };
  });
  const draft = await deps.drafts.get(draftId);
  if (draft.stage === undefined) {
    await deps.drafts.setStage(draftId, 'postausgang');
    changed = true;
  }
  return changed;
}
